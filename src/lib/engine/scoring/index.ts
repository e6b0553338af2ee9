/**
 * Scores, derived from the state on demand and explained entry by entry (entries.ts, answer-points.ts,
 * ranking-credit.ts; the rules in words are in docs/scoring.md).
 *
 * Totals by phase, objective, HSEEP capability and CSF function leave out pending entries (not yet marked), so
 * an unmarked answer neither helps nor hurts. Per objective: the suggested HSEEP rating and the evaluator's
 * rating (objectives.ts); per team: how much of the scenario it played (coverage.ts).
 */
import type { ExerciseState } from '../state';
import type { CsfFunction, ScoreEntry, TeamId, TeamScore, Totals } from '../types';
import { coverageOf } from './coverage';
import { teamEntries } from './entries';
import { objectiveResults } from './objectives';

export { ratingFor, RATING_THRESHOLDS } from './objectives';
export { modelAnswer, type ModelAnswer } from './model-answer';

const CSF: CsfFunction[] = ['GV', 'ID', 'PR', 'DE', 'RS', 'RC'];

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
	for (const e of entries) {
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
	const byObjective = objectiveResults(state, teamId, byObj);
	const coverage = coverageOf(state, teamId);
	return { teamId, entries, total, byPhase, byObjective, byCapability, byCsf, coverage };
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
