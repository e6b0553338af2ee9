/**
 * Who may do what. Facilitators may do everything (answering on a team's behalf included); participants only
 * answer for their own team; evaluators mark rubrics, rate objectives and add notes; observers add notes; the `system` actor (the
 * server's scheduler) only ticks the clock.
 */
import type { ExerciseState } from './state';
import type { Actor, Command, EngineError } from './types';

const STAFF: Record<'evaluator' | 'observer', ReadonlySet<Command['type']>> = {
	evaluator: new Set(['rubric.mark', 'rating.set', 'note.add']),
	observer: new Set(['note.add'])
};

function forbidden(message: string): EngineError {
	return { code: 'command/forbidden', message };
}

/** null when `actor` may issue `command`, else a command/forbidden error saying why. */
export function authorize(_state: ExerciseState, actor: Actor, command: Command): EngineError | null {
	switch (actor?.role) {
		case 'facilitator':
			return null;
		case 'system':
			return command.type === 'clock.tick'
				? null
				: forbidden(`the system may only tick the clock, not ${command.type}`);
		case 'participant':
			if (command.type !== 'answer.submit') return forbidden(`participants may not ${command.type}`);
			if (!actor.teamId) return forbidden('a participant without a team cannot answer');
			return command.teamId === actor.teamId
				? null
				: forbidden(`participants may only answer for their own team`);
		case 'evaluator':
		case 'observer':
			return STAFF[actor.role].has(command.type) ? null : forbidden(`${actor.role}s may not ${command.type}`);
		default:
			return forbidden('unknown role');
	}
}
