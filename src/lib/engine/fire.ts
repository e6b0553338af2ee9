/**
 * Firing due items in order. Each item fires at its own due scenario time, so an input that arrives late (a
 * server that was down) backdates every delivery, deadline and clock correctly; items an earlier one schedules
 * within the same window fire in the same pass.
 */
import { deadlinePassed } from './decisions';
import { injectDue } from './delivery';
import { clockDeadline } from './clocks';
import type { StepContext } from './scenario-clock';
import { silenceDue } from './messages';
import type { ExerciseState, Scheduled } from './state';

function fireOne(state: ExerciseState, item: Scheduled, ctx: StepContext): ExerciseState {
	switch (item.kind) {
		case 'inject':
			return injectDue(state, item.injectId, item.teamId, item.due, ctx);
		case 'deadline':
			return deadlinePassed(state, item.decisionId, item.teamId, item.due);
		case 'clock':
			return clockDeadline(state, item.clockId, item.due, ctx);
		case 'silence':
			return silenceDue(state, item.reaction, item.teamId, item.due, ctx);
	}
}

/** Fire every pending item due at or before scenario ms `target`. */
export function fireDue(state: ExerciseState, target: number, ctx: StepContext): ExerciseState {
	let s = state;
	while (s.pending.length > 0 && s.pending[0].due <= target) {
		const item = s.pending[0];
		s = fireOne({ ...s, pending: s.pending.slice(1) }, item, ctx);
	}
	return s;
}
