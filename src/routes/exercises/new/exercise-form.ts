/** Reading and checking the "new exercise" form before the server (which checks again) creates it. */

/** The form as posted, in the shape `exercises.create` takes. */
export interface ExerciseForm {
	organisation: string;
	teams: string[];
	compression: number;
	/** Most seats; undefined keeps the server's default. */
	seatLimit?: number;
}

/** Parsed values plus messages by field name (empty when the form looks right). */
export function readExerciseForm(
	data: FormData,
	scenarioTeams: string[]
): { form: ExerciseForm; errors: Partial<Record<keyof ExerciseForm, string>> } {
	const organisation = String(data.get('organisation') ?? '').trim();
	const teams = data.getAll('teams').map(String);
	const rawCompression = String(data.get('compression') ?? '');
	const compression = Number(rawCompression);
	const errors: Partial<Record<keyof ExerciseForm, string>> = {};
	if (!organisation) errors.organisation = 'Enter the organisation name used in the scenario texts.';
	else if (organisation.length > 120)
		errors.organisation = `The name is ${organisation.length} characters; keep it to 120.`;
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
	return { form: { organisation, teams, compression, seatLimit }, errors };
}
