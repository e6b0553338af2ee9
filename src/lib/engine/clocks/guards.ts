/**
 * Clock conditions and their guards: whether an event matches a condition, and whether a condition's
 * `requires` guards all hold in the state at the moment it happens.
 */
import { answerMatches } from '../answers';
import type { ExerciseState } from '../state';
import type {
	AnswerValue,
	ClockCondition,
	ClockGuard,
	MessageChannel,
	MessageFilter,
	TeamId
} from '../types';

/** The event a clock condition may match. */
export type ClockEvent =
	| { kind: 'inject'; inject: string }
	| { kind: 'answer'; decision: string; value: AnswerValue }
	| { kind: 'clockStopped'; clock: string }
	/** A message was sent by `teamId` on `channel` to `to`. */
	| { kind: 'message'; teamId: TeamId; channel: MessageChannel; to: readonly string[] };

/** Whether a sent message matches a clock condition's message filter. */
export function messageMatches(
	filter: MessageFilter,
	m: { teamId: TeamId; channel: MessageChannel; to: readonly string[] }
): boolean {
	if (filter.from && !filter.from.includes(m.teamId)) return false;
	if (filter.channels && !filter.channels.includes(m.channel)) return false;
	return !filter.to || m.to.some((r) => filter.to!.includes(r));
}

/** Whether the clock is met (a hold: observed), or was stopped after missing its deadline. */
export function clockHasStopped(state: ExerciseState, clockId: string): boolean {
	const run = state.clocks[clockId];
	return run?.status === 'met' || (run?.status === 'missed' && run.stoppedAt !== undefined);
}

function guardHolds(state: ExerciseState, guard: ClockGuard): boolean {
	switch (guard.kind) {
		case 'clockStopped':
			return clockHasStopped(state, guard.clock);
		case 'clockRunning':
			return state.clocks[guard.clock]?.status === 'running';
		case 'inject':
			return state.config.teams.some((t) => state.delivered[t]?.[guard.inject] !== undefined);
		case 'answer':
			return state.config.teams.some((t) => {
				const a = state.answers[t]?.[guard.decision];
				return a !== undefined && answerMatches(a.value, guard.options);
			});
	}
}

/** Whether `condition` happens with `event` and every guard it requires holds in `state`. */
export function conditionFires(state: ExerciseState, condition: ClockCondition, event: ClockEvent): boolean {
	if (condition.kind !== event.kind) return false;
	if (condition.kind === 'inject' && event.kind === 'inject' && condition.inject !== event.inject)
		return false;
	if (condition.kind === 'clockStopped' && event.kind === 'clockStopped' && condition.clock !== event.clock)
		return false;
	if (condition.kind === 'message' && event.kind === 'message' && !messageMatches(condition.message, event))
		return false;
	if (condition.kind === 'answer' && event.kind === 'answer') {
		if (condition.decision !== event.decision || !answerMatches(event.value, condition.options)) return false;
	}
	return (condition.requires ?? []).every((g) => guardHolds(state, g));
}
