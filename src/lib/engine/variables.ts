/**
 * Checking the values a facilitator gives a scenario's variables when creating an exercise. The form checks them
 * for its messages and the server checks them again before anything is stored; both use this one function, so
 * the two can never disagree. Messages name the field by its label (what the facilitator sees), not its name.
 */
import type { VariableDef } from './types';

/** Longest value of a variable that declares no maxLength of its own. */
export const DEFAULT_VARIABLE_LENGTH = 200;

/** Each variable's default value, by name. */
export function variableDefaults(defs: Record<string, VariableDef>): Record<string, string> {
	return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, def.default]));
}

/**
 * Every declared variable's value (trimmed; the default where none was given) and a message per variable whose
 * value is unusable: blank, too long, not matching its pattern, or carrying a `{{template}}` of its own. A
 * value given for a variable the scenario does not declare is reported under that name.
 */
export function checkVariableValues(
	defs: Record<string, VariableDef>,
	given: Record<string, string>
): { values: Record<string, string>; errors: Record<string, string> } {
	const values: Record<string, string> = {};
	const errors: Record<string, string> = {};
	for (const name of Object.keys(given))
		if (!Object.hasOwn(defs, name)) errors[name] = `The scenario has no variable "${name}".`;
	for (const [name, def] of Object.entries(defs)) {
		const value = Object.hasOwn(given, name) ? given[name].trim() : def.default;
		values[name] = value;
		const problem = valueProblem(def, value);
		if (problem) errors[name] = `${def.label}: ${problem}`;
	}
	return { values, errors };
}

function valueProblem(def: VariableDef, value: string): string | null {
	const max = def.maxLength ?? DEFAULT_VARIABLE_LENGTH;
	if (value === '') return 'enter a value (it is used in the scenario texts).';
	if (value.length > max) return `use at most ${max} characters (this has ${value.length}).`;
	// A value is put into texts as written; a template inside it would be shown as "{{...}}" or filled twice.
	if (value.includes('{{') || value.includes('}}')) return 'leave out "{{" and "}}".';
	if (def.pattern !== undefined && !matchesWhole(def.pattern, value))
		return `"${value}" is not in the expected form${def.description ? ` (${def.description})` : ''}.`;
	return null;
}

function matchesWhole(pattern: string, value: string): boolean {
	try {
		return new RegExp(`^(?:${pattern})$`, 'u').test(value);
	} catch {
		// The validator refuses a scenario whose pattern does not compile, so this is never reached in use.
		return true;
	}
}
