/**
 * How much of the scenario a team played: decisions addressed to it, delivered and answered, the phases it
 * reached, the share of the scenario's length played and whether the exercise ended before the injects still
 * due to reach it. The executive summary states this instead of rating a short slice as if it were the whole.
 */
import { audienceTeams } from '../scenario-index';
import type { ExerciseState } from '../state';
import type { Coverage, Inject, TeamId } from '../types';

/** Whether `inject` is addressed to `teamId` (taking part or not, branch or not). */
export function addressedTo(inject: Inject, teamId: TeamId, teams: readonly TeamId[]): boolean {
	return audienceTeams(inject.audience, teams).includes(teamId);
}

/** The scenario's length in scenario ms: its wall duration at the default compression. */
export function scenarioLength(state: ExerciseState): number {
	return state.scenario.durationMinutes * state.scenario.defaultCompression * 60_000;
}

/** One team's coverage. */
export function coverageOf(state: ExerciseState, teamId: TeamId): Coverage {
	const { scenario, config } = state;
	const delivered = state.delivered[teamId] ?? {};
	const answers = state.answers[teamId] ?? {};
	const phaseOf = new Map(scenario.phases.map((p, i) => [p.id, i]));
	let inScope = 0;
	let got = 0;
	let answered = 0;
	let furthest = -1;
	for (const inject of scenario.injects) {
		if (delivered[inject.id] !== undefined) furthest = Math.max(furthest, phaseOf.get(inject.phase) ?? 0);
		if (!inject.decision || !addressedTo(inject, teamId, config.teams)) continue;
		inScope++;
		if (delivered[inject.id] !== undefined) got++;
		if (answers[inject.decision.id]) answered++;
	}
	const length = scenarioLength(state);
	const over = state.lifecycle === 'hotwash' || state.lifecycle === 'ended';
	const stillDue =
		state.pending.some((p) => p.kind === 'inject' && p.teamId === teamId) ||
		Object.values(state.held).some((byTeam) => byTeam[teamId] !== undefined);
	return {
		decisionsInScope: inScope,
		decisionsDelivered: got,
		decisionsAnswered: answered,
		phasesReached: furthest + 1,
		phasesTotal: scenario.phases.length,
		scenarioPlayed: length > 0 ? Math.min(1, state.clock.now / length) : 1,
		endedEarly: over && stillDue
	};
}
