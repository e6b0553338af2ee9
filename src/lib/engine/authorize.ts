/**
 * Who may do what. Facilitators may do everything (answering on a team's behalf included); participants only
 * answer for their own team; evaluators mark rubrics (answers' and messages'), rate objectives and add notes; observers add notes; the `system` actor (the
 * server's scheduler) only ticks the clock.
 */
import type { ExerciseState } from './state';
import type { Actor, Command, EngineError } from './types';

const STAFF: Record<'evaluator' | 'observer', ReadonlySet<Command['type']>> = {
	evaluator: new Set(['rubric.mark', 'message.mark', 'rating.set', 'note.add']),
	observer: new Set(['note.add'])
};

/** Message commands a participant gives for its own team (approvals: as the approving team). */
const TEAM_MESSAGING: ReadonlySet<Command['type']> = new Set([
	'message.save',
	'message.submit',
	'message.approve',
	'message.return',
	'message.send'
]);

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
			if (command.type !== 'answer.submit' && !TEAM_MESSAGING.has(command.type))
				return forbidden(`participants may not ${command.type}`);
			if (!actor.teamId) return forbidden('a participant without a team cannot answer');
			return 'teamId' in command && command.teamId === actor.teamId
				? null
				: forbidden(`participants may only act for their own team`);
		case 'evaluator':
		case 'observer':
			return STAFF[actor.role].has(command.type) ? null : forbidden(`${actor.role}s may not ${command.type}`);
		default:
			return forbidden('unknown role');
	}
}
