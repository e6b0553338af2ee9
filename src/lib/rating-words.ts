/**
 * One vocabulary for HSEEP ratings on every screen and export: the four ratings in full, and how a team's result
 * on an objective reads with the evaluator's rating beside the suggestion ("S — suggestion P", "not rated yet —
 * suggestion P"). Pure, shared by the rating panel, the review page and the exports.
 */
import type { HseepRating } from '$lib/engine/types';

/** HSEEP's performance ratings in full, as evaluators write them. */
export const HSEEP_LABELS: Record<HseepRating, string> = {
	P: 'Performed without challenges',
	S: 'Performed with some challenges',
	M: 'Performed with major challenges',
	U: 'Unable to be performed'
};

/** The suggestion in words: "suggestion P", or why there is none. */
export function suggestionText(suggestion: HseepRating | null, exercised: boolean): string {
	if (suggestion) return `suggestion ${suggestion}`;
	return exercised ? 'no suggestion (nothing to earn)' : 'no suggestion (not exercised)';
}

/** A result in a few words: "S — suggestion P", "not rated yet — suggestion P". */
export function ratingBesideSuggestion(
	rating: HseepRating | null,
	suggestion: HseepRating | null,
	exercised: boolean
): string {
	return `${rating ?? 'not rated yet'} — ${suggestionText(suggestion, exercised)}`;
}
