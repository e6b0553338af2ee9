/** Scenario texts as the facilitator will see them run: {{variables}} filled with their defaults. */
import type { VariableDef } from '$lib/engine/types';

/** Replaces each {{name}} with the variable's default, or its label in brackets when it has no default. */
export function fillVariables(text: string, variables: Record<string, VariableDef>): string {
	return text.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, name: string) => {
		const def = variables[name];
		if (!def) return whole;
		return def.default || `[${def.label}]`;
	});
}

/** The first paragraph of a Markdown text, for cards that must stay short. */
export function firstParagraph(markdown: string): string {
	return markdown.trim().split(/\n\s*\n/)[0] ?? '';
}
