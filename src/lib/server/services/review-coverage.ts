/**
 * How much of the scenario the exercise covered, summed over its teams, and the sentence the executive summary
 * states instead of rating a short slice of a long scenario as if the whole had been played.
 */
import type { Coverage, Lifecycle, TeamId, TeamScore } from '$lib/engine/types';

/** The exercise's coverage: decisions summed over teams, the furthest phase, and the one sentence to state. */
export interface ExerciseCoverage extends Coverage {
	statement: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Coverage of the whole exercise from each team's, with its statement. */
export function exerciseCoverage(scores: Record<TeamId, TeamScore>, lifecycle?: Lifecycle): ExerciseCoverage {
	const all = Object.values(scores).map((s) => s.coverage);
	const sum = (k: 'decisionsInScope' | 'decisionsDelivered' | 'decisionsAnswered') =>
		all.reduce((n, c) => n + c[k], 0);
	const c: Coverage = {
		decisionsInScope: sum('decisionsInScope'),
		decisionsDelivered: sum('decisionsDelivered'),
		decisionsAnswered: sum('decisionsAnswered'),
		phasesReached: Math.max(0, ...all.map((x) => x.phasesReached)),
		phasesTotal: Math.max(0, ...all.map((x) => x.phasesTotal)),
		scenarioPlayed: Math.max(0, ...all.map((x) => x.scenarioPlayed)),
		endedEarly: all.some((x) => x.endedEarly)
	};
	const share = Math.round(100 * c.scenarioPlayed);
	const over = lifecycle === 'hotwash' || lifecycle === 'ended';
	const ending = c.endedEarly
		? 'The exercise ended early, with injects still due to reach the teams.'
		: over
			? 'The exercise ran until nothing more was due.'
			: 'The exercise is still running.';
	const statement =
		`Coverage: ${c.decisionsDelivered} of ${plural(c.decisionsInScope, 'decision')} addressed to the teams ` +
		`reached them and ${c.decisionsAnswered} ${c.decisionsAnswered === 1 ? 'was' : 'were'} answered; ` +
		`${c.phasesReached} of ${plural(c.phasesTotal, 'phase')} reached; ` +
		`${share < 1 && c.scenarioPlayed > 0 ? 'under 1' : share}% of the scenario's length played. ${ending}`;
	return { ...c, statement };
}
