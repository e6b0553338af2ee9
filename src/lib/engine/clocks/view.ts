/**
 * Clocks as each viewer sees them. Staff see every clock; facilitators and evaluators also get its notes and
 * visibility rule. A team sees a clock only as its `visible` rule allows; a clock it may not see is absent from
 * its view altogether (no id, no name), not redacted.
 */
import { deadlineLabel } from '../calendar';
import type { ExerciseState } from '../state';
import { fill } from '../templates';
import type { ClockDef, ClockView, TeamId, Viewer } from '../types';
import type { ClockRun } from '../state';

/** Whether the exercise has started (StartEx): from then on `visible: all` clocks show. */
function started(state: ExerciseState): boolean {
	return state.lifecycle !== 'lobby' && state.lifecycle !== 'briefing';
}

/** Whether a team may see the clock now, by its `visible` rule. */
export function clockVisibleToTeam(state: ExerciseState, clock: ClockDef, teamId: TeamId): boolean {
	const status = state.clocks[clock.id]?.status ?? 'idle';
	switch (clock.visible) {
		case 'all':
			return started(state);
		case 'owner':
			return clock.owner === teamId ? started(state) : status !== 'idle';
		case 'started':
			return status !== 'idle';
		case 'facilitator':
			return false;
	}
}

function viewOf(clock: ClockDef, run: ClockRun, vars: Record<string, string>, staff: boolean): ClockView {
	return {
		id: clock.id,
		name: fill(clock.name, vars),
		regime: clock.regime,
		description: fill(clock.description, vars),
		owner: clock.owner,
		status: run.status,
		kind: clock.kind,
		benchmark: clock.benchmark,
		deadlineLabel: deadlineLabel(clock.deadline),
		startedAt: run.startedAt,
		deadlineAt: run.deadlineAt,
		...(run.originalDeadlineAt !== undefined ? { originalDeadlineAt: run.originalDeadlineAt } : {}),
		stoppedAt: run.stoppedAt,
		...(staff ? { visible: clock.visible } : {}),
		...(staff && clock.notes !== undefined ? { notes: fill(clock.notes, vars) } : {})
	};
}

/** The clocks `viewer` may see, in scenario order, with {{variables}} filled. */
export function clocksView(state: ExerciseState, viewer: Viewer, vars: Record<string, string>): ClockView[] {
	const marking = viewer.role === 'facilitator' || viewer.role === 'evaluator';
	const out: ClockView[] = [];
	for (const clock of state.scenario.clocks) {
		if (viewer.role === 'participant' && !clockVisibleToTeam(state, clock, viewer.teamId)) continue;
		out.push(viewOf(clock, state.clocks[clock.id] ?? { status: 'idle' }, vars, marking));
	}
	return out;
}
