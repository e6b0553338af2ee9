/**
 * How much of the scenario the exercise covered, summed over its teams, and the sentence the executive summary
 * states instead of rating a short slice of a long scenario as if the whole had been played.
 */
import { formatNumber, formatPercent } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';
import type { Coverage, Lifecycle, TeamId, TeamScore } from '$lib/engine/types';

/** The exercise's coverage: decisions summed over teams, the furthest phase, and the one sentence to state. */
export interface ExerciseCoverage extends Coverage {
	statement: string;
}

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
		? m.review_cov_ended_early()
		: over
			? m.review_cov_ran_out()
			: m.review_cov_running();
	const count = (n: number, one: () => string, many: (p: { count: string }) => string) =>
		n === 1 ? one() : many({ count: formatNumber(n) });
	const statement = m.review_cov_statement({
		delivered: formatNumber(c.decisionsDelivered),
		inScope: count(c.decisionsInScope, m.review_cov_decisions_one, m.review_cov_decisions_many),
		answered: count(c.decisionsAnswered, m.review_cov_answered_one, m.review_cov_answered_many),
		phasesReached: formatNumber(c.phasesReached),
		phases: count(c.phasesTotal, m.review_cov_phases_one, m.review_cov_phases_many),
		share: share < 1 && c.scenarioPlayed > 0 ? m.review_cov_under_one() : formatPercent(share),
		ending
	});
	return { ...c, statement };
}
