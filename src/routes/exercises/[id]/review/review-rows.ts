/** Rows for the review tables and charts: scores by objective and phase, clock outcomes, HSEEP wording. */
import type { HseepRating, Objective, PhaseDef, TeamScore, Totals } from '$lib/engine/types';

/** HSEEP's performance ratings in full (the shared vocabulary, $lib/rating-words). */
export { HSEEP_LABELS } from '$lib/rating-words';
import { suggestionText } from '$lib/rating-words';

/** One labelled total, with its share of the best possible points. */
export interface ScoreRow {
	id: string;
	label: string;
	points: number;
	maxPoints: number;
	/** 0..100, or null when nothing could be scored. */
	percent: number | null;
	/** Objectives: the evaluator's rating (null until set) and the points-share suggestion. */
	rating?: HseepRating | null;
	suggestion?: HseepRating | null;
	/** Objectives: rating and suggestion in a few words, for charts ("S · suggestion P"). */
	note?: string;
}

/** "S · suggestion P", "not rated yet · suggestion M", "not rated yet · no suggestion (not exercised)". */
export function ratingNote(
	rating: HseepRating | null,
	suggestion: HseepRating | null,
	exercised: boolean
): string {
	return `${rating ?? 'not rated yet'} · ${suggestionText(suggestion, exercised)}`;
}

/** Points as a whole-number percentage of the maximum, null when the maximum is not positive. */
export function percentOf(t: Totals): number | null {
	return t.maxPoints > 0 ? Math.round((100 * t.points) / t.maxPoints) : null;
}

/** A team's totals per objective in scenario order, with the rating and suggestion; objectives with nothing at stake are left out. */
export function objectiveRows(score: TeamScore, objectives: Objective[]): ScoreRow[] {
	return objectives
		.filter(
			(o) =>
				score.byObjective[o.id] &&
				(score.byObjective[o.id].maxPoints !== 0 ||
					score.byObjective[o.id].points !== 0 ||
					score.byObjective[o.id].rating !== null)
		)
		.map((o) => {
			const t = score.byObjective[o.id];
			return {
				id: o.id,
				label: o.title,
				points: t.points,
				maxPoints: t.maxPoints,
				percent: percentOf(t),
				rating: t.rating,
				suggestion: t.suggestion,
				note: ratingNote(t.rating, t.suggestion, t.exercised)
			};
		});
}

/** A team's totals per phase in scenario order; phases with nothing at stake are left out. */
export function phaseRows(score: TeamScore, phases: PhaseDef[]): ScoreRow[] {
	return phases
		.filter(
			(p) => score.byPhase[p.id] && (score.byPhase[p.id].maxPoints !== 0 || score.byPhase[p.id].points !== 0)
		)
		.map((p) => {
			const t = score.byPhase[p.id];
			return { id: p.id, label: p.title, points: t.points, maxPoints: t.maxPoints, percent: percentOf(t) };
		});
}

/** How a clock ended, for the review (the shared clock vocabulary). */
export { clockOutcome } from '$lib/clock-words';
