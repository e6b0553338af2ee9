/**
 * Wall ↔ scenario time. While running, scenario time advances at `compression` scenario minutes per wall
 * minute from an anchor (wall, scenario) pair; every start, pause, resume and speed change re-anchors, so the
 * mapping stays exact however often the speed changes. Scenario time is kept in whole milliseconds (floored).
 */
import { fireDue } from './fire';
import type { ClockState, ExerciseState } from './state';

/** Who caused a change and when: carried into timeline records. */
export interface StepContext {
	seq: number;
	/** Wall ms of the input, already clamped. */
	at: number;
}

/** Scenario ms at wall ms `wall` (clamped to the latest input seen). */
export function scenarioTimeAt(state: ExerciseState, wall: number): number {
	return clockTimeAt(state.clock, wall);
}

function clockTimeAt(clock: ClockState, wall: number): number {
	if (!clock.running) return clock.anchorScenario;
	const w = Math.max(wall, clock.lastAt);
	return clock.anchorScenario + Math.floor((w - clock.anchorWall) * clock.compression);
}

/** The first wall ms at which scenario time reaches `scenarioMs` (the clock must be running). */
export function wallAt(clock: ClockState, scenarioMs: number): number {
	let wall = clock.anchorWall + Math.ceil((scenarioMs - clock.anchorScenario) / clock.compression);
	// Floating point may land one millisecond short of the due time; step until the floor reaches it.
	while (clockTimeAt({ ...clock, lastAt: wall }, wall) < scenarioMs) wall++;
	return Math.max(wall, clock.lastAt);
}

/** Wall ms of the earliest pending (non-held) item while running, else null. */
export function nextDueAt(state: ExerciseState): number | null {
	const first = state.pending[0];
	if (!state.clock.running || !first) return null;
	return wallAt(state.clock, first.due);
}

/** Re-anchor at the current time with new speed and running flag. */
export function reanchor(
	clock: ClockState,
	changes: { compression?: number; running?: boolean }
): ClockState {
	return {
		...clock,
		anchorWall: clock.lastAt,
		anchorScenario: clock.now,
		compression: changes.compression ?? clock.compression,
		running: changes.running ?? clock.running
	};
}

/**
 * Move time to the input's wall time (clamped to the latest seen), firing every pending item that fell due,
 * each at its own due scenario time and in due order, including items scheduled by earlier ones.
 */
export function advanceTo(state: ExerciseState, at: number, seq: number): ExerciseState {
	const wall = Math.max(at, state.clock.lastAt);
	const target = clockTimeAt(state.clock, wall);
	const fired = state.clock.running ? fireDue(state, target, { seq, at: wall }) : state;
	return { ...fired, clock: { ...fired.clock, lastAt: wall, now: target } };
}
