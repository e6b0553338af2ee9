/** {{variable}} templates in scenario text (the engine fills them in ../templates.ts with the same syntax). */

const TEMPLATE = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** Names of the variables a text uses, in order of first use. */
export function templateVariables(text: string): string[] {
	return [...new Set([...text.matchAll(TEMPLATE)].map((match) => match[1]))];
}
