/**
 * Scores, derived from the state on demand and explained entry by entry (entries.ts, answer-points.ts,
 * ranking-credit.ts; the rules in words are in docs/scoring.md).
 *
 * Totals by phase, objective, HSEEP capability and CSF function leave out pending entries (not yet marked), so
 * an unmarked answer neither helps nor hurts. HSEEP rating per objective from points / max points:
 * P (performed without challenges) ≥ 85 %, S (some challenges) ≥ 65 %, M (major challenges) ≥ 40 %, else
 * U (unable to be performed); null without max points. A missed (or breached) regulatory clock evidencing an objective caps
 * its rating at M, as HSEEP rates failing to follow applicable regulations as a major challenge.
 */
import type { ExerciseState } from '../state';
import type { CsfFunction, HseepRating, ScoreEntry, TeamId, TeamScore, Totals } from '../types';
import { clockFailed } from './clock-entries';
import { teamEntries } from './entries';

export { modelAnswer, type ModelAnswer } from './model-answer';

/** Rating thresholds as fractions of max points, best first. */
export const RATING_THRESHOLDS: readonly [HseepRating, number][] = [
	['P', 0.85],
	['S', 0.65],
	['M', 0.4]
];

const CSF: CsfFunction[] = ['GV', 'ID', 'PR', 'DE', 'RS', 'RC'];

/** The HSEEP rating for `points` of `maxPoints`, or null when there is nothing to earn. */
export function ratingFor(points: number, maxPoints: number): HseepRating | null {
	if (maxPoints <= 0) return null;
	const ratio = points / maxPoints;
	for (const [rating, min] of RATING_THRESHOLDS) if (ratio >= min) return rating;
	return 'U';
}

/** Ids of the score entries a team currently has (what `score.override` may target). */
export function entryIds(state: ExerciseState, teamId: TeamId): Set<string> {
	return new Set(teamEntries(state, teamId).map((e) => e.id));
}

function add(map: Record<string, Totals>, key: string, e: ScoreEntry): void {
	const t = (map[key] ??= { points: 0, maxPoints: 0 });
	t.points += e.points;
	t.maxPoints += e.maxPoints;
}

/** One team's explained score. */
export function teamScore(state: ExerciseState, teamId: TeamId): TeamScore {
	const entries = teamEntries(state, teamId);
	const objectives = new Map(state.scenario.objectives.map((o) => [o.id, o]));
	const total: Totals = { points: 0, maxPoints: 0 };
	const byPhase: Record<string, Totals> = {};
	const byObj: Record<string, Totals> = Object.fromEntries(
		state.scenario.objectives.map((o) => [o.id, { points: 0, maxPoints: 0 }])
	);
	const byCapability: Record<string, Totals> = {};
	const byCsf = Object.fromEntries(CSF.map((f) => [f, { points: 0, maxPoints: 0 }])) as Record<
		CsfFunction,
		Totals
	>;
	const capped = new Set<string>();
	for (const e of entries) {
		if (e.id.startsWith('clock:') && clockFailed(state, e.id.slice(6)))
			e.objectives.forEach((o) => capped.add(o));
		if (e.pending) continue;
		total.points += e.points;
		total.maxPoints += e.maxPoints;
		add(byPhase, e.phase, e);
		const caps = new Set<string>();
		const fns = new Set<CsfFunction>();
		for (const id of e.objectives) {
			add(byObj, id, e);
			objectives.get(id)?.hseep.forEach((c) => caps.add(c));
			objectives.get(id)?.csf.forEach((c) => fns.add(c.function));
		}
		caps.forEach((c) => add(byCapability, c, e));
		fns.forEach((f) => add(byCsf, f, e));
	}
	const byObjective: TeamScore['byObjective'] = {};
	for (const [id, t] of Object.entries(byObj)) {
		let rating = ratingFor(t.points, t.maxPoints);
		if (capped.has(id) && (rating === 'P' || rating === 'S')) rating = 'M';
		byObjective[id] = { ...t, rating };
	}
	return { teamId, entries, total, byPhase, byObjective, byCapability, byCsf };
}

const memo = new WeakMap<ExerciseState, Record<TeamId, TeamScore>>();

/** Every team's score (memoised per state). */
export function scoresOf(state: ExerciseState): Record<TeamId, TeamScore> {
	const hit = memo.get(state);
	if (hit) return hit;
	const out: Record<TeamId, TeamScore> = {};
	for (const t of state.config.teams) out[t] = teamScore(state, t);
	memo.set(state, out);
	return out;
}
