/**
 * Whether an inject's own trigger can still bring it to a team. A branch is not taken when the team answered
 * the decision with an option the trigger does not wait for, answered a decision whose `unanswered`
 * contingency it is, met the clock whose miss it waits for, or when what it follows can no longer reach the
 * team (skipped, outside the audience, or itself a branch not taken). The facilitator can still release it.
 */
import { answerMatches } from './answers';
import { audienceTeams, indexOf } from './scenario-index';
import { injectKey } from './schedule';
import type { ExerciseState } from './state';
import type { Inject, TeamId } from './types';

function cannotReach(state: ExerciseState, inject: Inject, teamId: TeamId, seen: Set<string>): boolean {
	if (!audienceTeams(inject.audience, state.config.teams).includes(teamId)) return true;
	if (state.delivered[teamId]?.[inject.id] !== undefined) return false;
	if (state.held[inject.id]?.[teamId] !== undefined) return false;
	if (state.skipped[inject.id]?.[teamId] !== undefined) return true;
	const key = injectKey(inject.id, teamId);
	if (state.pending.some((p) => p.key === key)) return false;
	return notTaken(state, inject, teamId, seen);
}

function notTaken(state: ExerciseState, inject: Inject, teamId: TeamId, seen: Set<string>): boolean {
	// The parser rejects trigger cycles; the guard keeps a malformed scenario from recursing forever.
	if (seen.has(inject.id)) return false;
	seen.add(inject.id);
	const ix = indexOf(state.scenario);
	const t = inject.trigger;
	switch (t.kind) {
		case 'after': {
			const before = ix.injects.get(t.inject);
			return !before || cannotReach(state, before, teamId, seen);
		}
		case 'answer': {
			const found = ix.decisions.get(t.decision);
			if (!found) return true;
			const answer = state.answers[teamId]?.[t.decision];
			if (answer) return !answerMatches(answer.value, t.options, t.range);
			return cannotReach(state, found.inject, teamId, seen);
		}
		case 'unanswered': {
			const found = ix.decisions.get(t.decision);
			if (!found || found.decision.deadline === undefined) return true;
			if (state.answers[teamId]?.[t.decision]) return true;
			return cannotReach(state, found.inject, teamId, seen);
		}
		case 'clockMissed':
			return state.clocks[t.clock]?.status === 'met';
		case 'at':
		case 'manual':
			return false;
	}
}

/** True when `inject` (not delivered, held, skipped or queued for the team) can no longer be triggered for it. */
export function branchNotTaken(state: ExerciseState, inject: Inject, teamId: TeamId): boolean {
	return notTaken(state, inject, teamId, new Set());
}
