/**
 * `{{variable}}` templates in scenario text, filled from the exercise's config.variables and falling back to
 * the scenario's defaults. An unknown variable is left as written so authors can see it in a preview.
 */
import type { ExerciseState } from './state';
import type { Artifact } from './types';

const TEMPLATE = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** The variable values in force: config values over scenario defaults. */
export function variablesOf(state: Pick<ExerciseState, 'scenario' | 'config'>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, def] of Object.entries(state.scenario.variables)) out[name] = def.default;
	return { ...out, ...state.config.variables };
}

/** `text` with its templates filled. */
export function fill(text: string, vars: Record<string, string>): string {
	if (!text.includes('{{')) return text;
	return text.replace(TEMPLATE, (whole, name: string) => (Object.hasOwn(vars, name) ? vars[name] : whole));
}

/** An artifact with its title, content or cells filled. */
export function fillArtifact(a: Artifact, vars: Record<string, string>): Artifact {
	if (a.kind === 'table')
		return {
			...a,
			title: fill(a.title, vars),
			columns: a.columns.map((c) => fill(c, vars)),
			rows: a.rows.map((r) => r.map((c) => fill(c, vars)))
		};
	return { ...a, title: fill(a.title, vars), content: fill(a.content, vars) };
}
