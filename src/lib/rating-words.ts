/**
 * One vocabulary for HSEEP ratings on every screen and export: the four ratings in full, and how a team's result
 * on an objective reads with the evaluator's rating beside the suggestion ("S — suggestion P", "not rated yet —
 * suggestion P"). Pure, shared by the rating panel, the review page and the exports.
 */
import type { HseepRating } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

/** HSEEP's performance ratings in full, as evaluators write them. */
export const HSEEP_LABELS: Record<HseepRating, string> = {
	get P() {
		return m.hseep_P();
	},
	get S() {
		return m.hseep_S();
	},
	get M() {
		return m.hseep_M();
	},
	get U() {
		return m.hseep_U();
	}
};

/** The suggestion in words: "suggestion P", or why there is none. */
export function suggestionText(suggestion: HseepRating | null, exercised: boolean): string {
	if (suggestion) return m.rating_suggestion({ rating: suggestion });
	return exercised ? m.rating_no_suggestion_nothing() : m.rating_no_suggestion_not_exercised();
}

/** A result in a few words: "S — suggestion P", "not rated yet — suggestion P". */
export function ratingBesideSuggestion(
	rating: HseepRating | null,
	suggestion: HseepRating | null,
	exercised: boolean
): string {
	return `${rating ?? m.not_rated_yet()} — ${suggestionText(suggestion, exercised)}`;
}
