/** The credit levels staff mark a rubric criterion with, and the one to show for a mark already given. */

/** The levels the marking forms offer: none, half or full credit of a criterion's points. */
export const CREDIT_LEVELS = [0, 0.5, 1] as const;

/**
 * The levels to offer for a criterion whose current mark is `current`: the usual three, plus the current mark
 * when it is off that scale (given by an answer script or the API), so it shows and saving again keeps it.
 */
export function creditLevels(current: number | undefined): number[] {
	const levels: number[] = [...CREDIT_LEVELS];
	if (current !== undefined && !levels.includes(current)) levels.push(current);
	return levels.sort((a, b) => a - b);
}

/** A mark as a percentage of the criterion's points ("25%"), for a level off the usual scale. */
export function percentOf(mark: number): string {
	return `${Math.round(mark * 100)}%`;
}
