/** Rows for the review tables and charts: scores by objective and phase, clock outcomes, HSEEP wording. */
import type { HseepRating, Objective, PhaseDef, TeamScore, Totals } from '$lib/engine/types';

/** HSEEP's performance ratings in full, as evaluators write them. */
export const HSEEP_LABELS: Record<HseepRating, string> = {
	P: 'Performed without challenges',
	S: 'Performed with some challenges',
	M: 'Performed with major challenges',
	U: 'Unable to be performed'
};

/** One labelled total, with its share of the best possible points. */
export interface ScoreRow {
	id: string;
	label: string;
	points: number;
	maxPoints: number;
	/** 0..100, or null when nothing could be scored. */
	percent: number | null;
	rating?: HseepRating | null;
}

/** Points as a whole-number percentage of the maximum, null when the maximum is not positive. */
export function percentOf(t: Totals): number | null {
	return t.maxPoints > 0 ? Math.round((100 * t.points) / t.maxPoints) : null;
}

/** A team's totals per objective in scenario order, with the HSEEP rating; objectives with nothing at stake are left out. */
export function objectiveRows(score: TeamScore, objectives: Objective[]): ScoreRow[] {
	return objectives
		.filter(
			(o) =>
				score.byObjective[o.id] &&
				(score.byObjective[o.id].maxPoints !== 0 || score.byObjective[o.id].points !== 0)
		)
		.map((o) => {
			const t = score.byObjective[o.id];
			return {
				id: o.id,
				label: o.title,
				points: t.points,
				maxPoints: t.maxPoints,
				percent: percentOf(t),
				rating: t.rating
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
