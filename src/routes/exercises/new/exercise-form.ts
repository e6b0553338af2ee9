/** Reading and checking the "new exercise" form before the server (which checks again) creates it. */
import type { VariableDef } from '$lib/engine/types';
import { checkVariableValues } from '$lib/engine/variables';
import { exerciseNameProblem } from '$lib/exercise-name';

/** The form as posted, in the shape `exercises.create` takes. */
export interface ExerciseForm {
	/** What the facilitator calls this run (trimmed); undefined when the post has no name field (server default). */
	name?: string;
	/** One value per scenario variable, by name (posted as `var-<name>`). */
	variables: Record<string, string>;
	teams: string[];
	compression: number;
	/** Most seats; undefined keeps the server's default. */
	seatLimit?: number;
}

/** The form field of a variable. */
export const variableField = (name: string) => `var-${name}`;

/** Parsed values plus messages by field name (`name`, `teams`, `compression`, `var-<name>`); empty when it looks right. */
export function readExerciseForm(
	data: FormData,
	scenarioTeams: string[],
	variables: Record<string, VariableDef>
): { form: ExerciseForm; errors: Record<string, string> } {
	const given: Record<string, string> = {};
	// A field left out of the post takes the scenario's default; a blank one is an error.
	for (const name of Object.keys(variables)) {
		const value = data.get(variableField(name));
		if (value !== null) given[name] = String(value);
	}
	const checked = checkVariableValues(variables, given);
	const errors: Record<string, string> = {};
	// Like a variable, a name left out of the post takes the default; a blank one is an error.
	const rawName = data.get('name');
	const name = rawName === null ? undefined : String(rawName).trim();
	const nameProblem = name === undefined ? null : exerciseNameProblem(name);
	if (nameProblem) errors.name = nameProblem;
	for (const [name, message] of Object.entries(checked.errors)) errors[variableField(name)] = message;
	const teams = data.getAll('teams').map(String);
	const rawCompression = String(data.get('compression') ?? '');
	const compression = Number(rawCompression);
	const unknown = teams.filter((t) => !scenarioTeams.includes(t));
	if (teams.length === 0) errors.teams = 'Choose at least one team.';
	else if (unknown.length) errors.teams = `Not a team of this scenario: ${unknown.join(', ')}.`;
	if (!rawCompression || !Number.isFinite(compression) || compression < 0.1 || compression > 1440) {
		errors.compression = 'Choose a time compression between 0.1 and 1440 scenario minutes per minute.';
	}
	const rawSeats = String(data.get('seatLimit') ?? '').trim();
	const seatLimit = rawSeats === '' ? undefined : Number(rawSeats);
	if (seatLimit !== undefined && (!Number.isInteger(seatLimit) || seatLimit < 1 || seatLimit > 5000)) {
		errors.seatLimit = `Enter a whole number of seats from 1 to 5000 (got "${rawSeats}").`;
	}
	return {
		form: {
			...(name === undefined ? {} : { name }),
			variables: checked.values,
			teams,
			compression,
			seatLimit
		},
		errors
	};
}
