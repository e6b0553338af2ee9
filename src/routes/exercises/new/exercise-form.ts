/** Reading and checking the "new exercise" form before the server (which checks again) creates it. */
import type { VariableDef } from '$lib/engine/types';
import { checkVariableValues } from '$lib/engine/variables';
import { exerciseNameProblem, MAX_EXERCISE_NAME } from '$lib/exercise-name';
import { m } from '$lib/paraglide/messages';

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
	if (nameProblem)
		errors.name = name
			? m.exercises_err_name_long({ max: MAX_EXERCISE_NAME, length: name.length })
			: m.exercises_err_name_empty();
	for (const [name, message] of Object.entries(checked.errors)) errors[variableField(name)] = message;
	const teams = data.getAll('teams').map(String);
	const rawCompression = String(data.get('compression') ?? '');
	const compression = Number(rawCompression);
	const unknown = teams.filter((t) => !scenarioTeams.includes(t));
	if (teams.length === 0) errors.teams = m.exercises_err_teams();
	else if (unknown.length) errors.teams = m.exercises_err_team_unknown({ teams: unknown.join(', ') });
	if (!rawCompression || !Number.isFinite(compression) || compression < 0.1 || compression > 1440) {
		errors.compression = m.exercises_err_compression();
	}
	const rawSeats = String(data.get('seatLimit') ?? '').trim();
	const seatLimit = rawSeats === '' ? undefined : Number(rawSeats);
	if (seatLimit !== undefined && (!Number.isInteger(seatLimit) || seatLimit < 1 || seatLimit > 5000)) {
		errors.seatLimit = m.exercises_err_seats({ value: rawSeats });
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
