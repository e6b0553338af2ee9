/** The name a facilitator gives an exercise: its limits, its default and the message for a bad one. */

/** Longest exercise name (characters). */
export const MAX_EXERCISE_NAME = 120;

/** The name an exercise gets when none is given: the scenario title and the day, e.g. "Salt Typhoon · 2026-12-06". */
export function defaultExerciseName(title: string, at: Date | number = Date.now()): string {
	const suffix = ` · ${new Date(at).toISOString().slice(0, 10)}`;
	return `${title.slice(0, MAX_EXERCISE_NAME - suffix.length).trim()}${suffix}`;
}

/** Why `name` (already trimmed) is not a usable exercise name, or null. */
export function exerciseNameProblem(name: string): string | null {
	if (name === '') return 'Give the exercise a name.';
	if (name.length > MAX_EXERCISE_NAME)
		return `The exercise name can be at most ${MAX_EXERCISE_NAME} characters (this one has ${name.length}).`;
	return null;
}
