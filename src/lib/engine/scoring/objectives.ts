/**
 * Per team and objective: the points, the computed suggestion and the evaluator's rating.
 *
 * The suggestion is the points-share rule: P (performed without challenges) ≥ 85 % of the objective's max
 * points, S (some challenges) ≥ 65 %, M (major challenges) ≥ 40 %, else U (unable to be performed), capped at M
 * when a clock evidencing the objective was missed or breached (HSEEP counts failing to follow the applicable
 * regulations as a major challenge). It is offered only for an objective the team exercised: it received at
 * least half of the objective's decisions addressed to it and answered one, or a clock evidencing the objective
 * resolved for it. The rating itself is only ever an evaluator's (evaluator-ratings.ts), null until set.
 */
import type { ExerciseState } from '../state';
import type { HseepRating, ObjectiveResult, TeamId, Totals } from '../types';
import { clockFailed } from './clock-entries';
import { addressedTo } from './coverage';

/** Suggestion thresholds as fractions of max points, best first. */
export const RATING_THRESHOLDS: readonly [HseepRating, number][] = [
	['P', 0.85],
	['S', 0.65],
	['M', 0.4]
];

/** The points-share rating for `points` of `maxPoints`, or null when there is nothing to earn. */
export function ratingFor(points: number, maxPoints: number): HseepRating | null {
	if (maxPoints <= 0) return null;
	const ratio = points / maxPoints;
	for (const [rating, min] of RATING_THRESHOLDS) if (ratio >= min) return rating;
	return 'U';
}

const UNRESOLVED: readonly string[] = ['idle', 'running'];

/** Whether the team exercised the objective (see the module comment). */
export function exercised(state: ExerciseState, teamId: TeamId, objectiveId: string): boolean {
	const clockResolved = state.scenario.clocks.some(
		(c) =>
			c.owner === teamId &&
			c.scoring.objectives.includes(objectiveId) &&
			!UNRESOLVED.includes(state.clocks[c.id]?.status ?? 'idle')
	);
	if (clockResolved) return true;
	const delivered = state.delivered[teamId] ?? {};
	let inScope = 0;
	let got = 0;
	let answered = false;
	for (const inject of state.scenario.injects) {
		const d = inject.decision;
		if (!d?.objectives.includes(objectiveId) || !addressedTo(inject, teamId, state.config.teams)) continue;
		inScope++;
		if (delivered[inject.id] !== undefined) got++;
		if (state.answers[teamId]?.[d.id]) answered = true;
	}
	return inScope > 0 && got * 2 >= inScope && answered;
}

/** Objectives whose suggestion is capped at M: evidenced by a clock the team missed or breached. */
export function cappedObjectives(state: ExerciseState, teamId: TeamId): Set<string> {
	const capped = new Set<string>();
	for (const c of state.scenario.clocks)
		if (c.owner === teamId && clockFailed(state, c.id)) c.scoring.objectives.forEach((o) => capped.add(o));
	return capped;
}

/** Each objective's result for a team from its totals. */
export function objectiveResults(
	state: ExerciseState,
	teamId: TeamId,
	totals: Record<string, Totals>
): Record<string, ObjectiveResult> {
	const capped = cappedObjectives(state, teamId);
	const out: Record<string, ObjectiveResult> = {};
	for (const [id, t] of Object.entries(totals)) {
		const done = exercised(state, teamId, id);
		let suggestion = done ? ratingFor(t.points, t.maxPoints) : null;
		if (capped.has(id) && (suggestion === 'P' || suggestion === 'S')) suggestion = 'M';
		const r = state.ratings?.[teamId]?.[id];
		out[id] = {
			...t,
			suggestion,
			rating: r?.rating ?? null,
			...(r ? { ratedBy: r.by, reason: r.reason, evidence: [...r.evidence], ratedAt: r.at } : {}),
			exercised: done
		};
		if (r && r.by === undefined) delete out[id].ratedBy;
	}
	return out;
}
