/**
 * Regulatory clocks (FCC CPNI notice, SEC 8-K, NIS2, GDPR...): exercise-wide, owned by one team. A clock
 * starts when its start condition happens (an inject reaches any team, any team's matching answer, or another
 * clock stopped) and every guard the condition `requires` holds at that moment.
 *
 * - A deadline clock stops on any of its stop conditions: met when stopped before its deadline item fires,
 *   missed when the deadline fires first; a stop after that is kept as "late" with how late it was.
 * - A hold clock runs until its deadline and is then met (observed); if a `breaches` condition happens while it
 *   runs it is breached at that moment.
 * - An extension whose condition happens while the clock runs moves the deadline later (never earlier), once.
 *
 * Conditions that happen while a clock is idle are ignored: a notice cannot meet a clock not yet running. All
 * conditions matching one event are judged against the state before any of them takes effect.
 */
import { deadlineAt, inWorldLabel } from '../calendar';
import { audienceTeams, indexOf, type ClockHook } from '../scenario-index';
import { dequeueWhere, enqueue, scheduleInject } from '../schedule';
import type { StepContext } from '../scenario-clock';
import type { ClockRun, ExerciseState } from '../state';
import { lateText, record } from '../timeline';
import type { ClockDef } from '../types';
import { clockHasStopped, conditionFires, type ClockEvent } from './guards';

function setRun(state: ExerciseState, id: string, run: ClockRun): ExerciseState {
	return { ...state, clocks: { ...state.clocks, [id]: run } };
}

function phaseNow(state: ExerciseState): string | undefined {
	return state.scenario.phases[state.phaseIndex]?.id;
}

function note(state: ExerciseState, clockId: string, at: number, ctx: StepContext, detail: string) {
	return record(state, { seq: ctx.seq, at: ctx.at, scenarioAt: at, kind: 'clock', clockId, detail });
}

function schedule(state: ExerciseState, clockId: string, due: number): ExerciseState {
	const s = dequeueWhere(state, (p) => p.kind === 'clock' && p.clockId === clockId);
	return enqueue(s, { kind: 'clock', key: `clock:${clockId}`, due, clockId });
}

/** When the deadline counts from: the `from` clock's stop if it has stopped, else the start. */
function countFrom(state: ExerciseState, clock: ClockDef, at: number): number {
	if (!clock.from) return at;
	const stoppedAt = state.clocks[clock.from.clock]?.stoppedAt;
	return clockHasStopped(state, clock.from.clock) && stoppedAt !== undefined ? stoppedAt : at;
}

/** Start an idle clock at scenario ms `at` and schedule its deadline. */
export function startClock(
	state: ExerciseState,
	clock: ClockDef,
	at: number,
	ctx: StepContext
): ExerciseState {
	if (state.clocks[clock.id]?.status !== 'idle') return state;
	const { startsAt, holidays } = state.scenario;
	const due = deadlineAt(startsAt, holidays, countFrom(state, clock, at), clock.deadline);
	const s = setRun(state, clock.id, { status: 'running', startedAt: at, deadlineAt: due });
	return note(schedule(s, clock.id, due), clock.id, at, ctx, 'started');
}

/** The clock ended at `at` (met, or stopped late): clocks listening for its stop react. */
function stopped(state: ExerciseState, clockId: string, at: number, ctx: StepContext): ExerciseState {
	return clockEvent(state, { kind: 'clockStopped', clock: clockId }, at, ctx);
}

/** Stop a running deadline clock (met) or record a late stop of a missed one. */
export function stopClock(
	state: ExerciseState,
	clock: ClockDef,
	at: number,
	ctx: StepContext
): ExerciseState {
	const run = state.clocks[clock.id];
	let s: ExerciseState;
	if (clock.kind === 'hold') return state;
	if (run?.status === 'running') {
		s = dequeueWhere(state, (p) => p.kind === 'clock' && p.clockId === clock.id);
		s = setRun(s, clock.id, { ...run, status: 'met', stoppedAt: at, phase: phaseNow(s) });
		s = note(s, clock.id, at, ctx, 'met');
	} else if (run?.status === 'missed' && run.stoppedAt === undefined) {
		const lateBy = at - (run.deadlineAt ?? at);
		s = setRun(state, clock.id, { ...run, stoppedAt: at, lateBy });
		s = note(s, clock.id, at, ctx, lateText(lateBy));
	} else return state;
	return stopped(s, clock.id, at, ctx);
}

/** `clockMissed` injects for a missed deadline or a breached hold, counted from `at`. */
function missedInjects(state: ExerciseState, clockId: string, at: number): ExerciseState {
	let s = state;
	for (const inject of indexOf(s.scenario).onClockMissed.get(clockId) ?? []) {
		if (inject.trigger.kind !== 'clockMissed') continue;
		for (const team of audienceTeams(inject.audience, s.config.teams))
			s = scheduleInject(s, inject, team, at + inject.trigger.delay);
	}
	return s;
}

/** A breach condition happened while the hold ran: it is breached now. */
function breachClock(state: ExerciseState, clock: ClockDef, at: number, ctx: StepContext): ExerciseState {
	const run = state.clocks[clock.id];
	if (clock.kind !== 'hold' || run?.status !== 'running') return state;
	let s = dequeueWhere(state, (p) => p.kind === 'clock' && p.clockId === clock.id);
	s = setRun(s, clock.id, { ...run, status: 'breached', stoppedAt: at, phase: phaseNow(s) });
	s = note(s, clock.id, at, ctx, 'breached');
	return missedInjects(s, clock.id, at);
}

/** An extension's condition happened while the clock ran: the deadline moves later, once per extension. */
function extendClock(state: ExerciseState, hook: ClockHook, at: number, ctx: StepContext): ExerciseState {
	const { clock, extension: index = -1 } = hook;
	const ext = clock.extensions[index];
	const run = state.clocks[clock.id];
	if (!ext || run?.status !== 'running' || run.deadlineAt === undefined) return state;
	if (run.extended?.includes(index)) return state;
	const { startsAt, holidays } = state.scenario;
	const base = ext.from === 'now' ? at : run.deadlineAt;
	const due = Math.max(run.deadlineAt, deadlineAt(startsAt, holidays, base, ext.by));
	const extended = [...(run.extended ?? []), index];
	if (due === run.deadlineAt) return setRun(state, clock.id, { ...run, extended });
	const moved: ClockRun = {
		...run,
		deadlineAt: due,
		originalDeadlineAt: run.originalDeadlineAt ?? run.deadlineAt,
		extended
	};
	const s = schedule(setRun(state, clock.id, moved), clock.id, due);
	return note(s, clock.id, at, ctx, `extended to ${inWorldLabel(startsAt, due)}`);
}

/** The clock's deadline fell due: a running deadline clock is missed (its `clockMissed` injects follow); a hold is observed. */
export function clockDeadline(
	state: ExerciseState,
	clockId: string,
	due: number,
	ctx: StepContext
): ExerciseState {
	const run = state.clocks[clockId];
	const clock = indexOf(state.scenario).clocks.get(clockId);
	if (run?.status !== 'running' || !clock) return state;
	if (clock.kind === 'hold') {
		const s = setRun(state, clockId, { ...run, status: 'met', stoppedAt: due, phase: phaseNow(state) });
		return stopped(note(s, clockId, due, ctx, 'observed'), clockId, due, ctx);
	}
	const s = setRun(state, clockId, { ...run, status: 'missed', phase: phaseNow(state) });
	return missedInjects(note(s, clockId, due, ctx, 'missed'), clockId, due);
}

function hooksFor(state: ExerciseState, event: ClockEvent): ClockHook[] {
	const hooks = indexOf(state.scenario).clockHooks;
	if (event.kind === 'inject') return hooks.inject.get(event.inject) ?? [];
	if (event.kind === 'answer') return hooks.answer.get(event.decision) ?? [];
	if (event.kind === 'message') return hooks.message.get('message') ?? [];
	return hooks.clockStopped.get(event.clock) ?? [];
}

/** Something happened at scenario ms `at`: start, stop, breach and extend the clocks listening for it. */
export function clockEvent(
	state: ExerciseState,
	event: ClockEvent,
	at: number,
	ctx: StepContext
): ExerciseState {
	const firing = hooksFor(state, event).filter((h) => conditionFires(state, h.condition, event));
	let s = state;
	for (const hook of firing) {
		if (hook.role === 'start') s = startClock(s, hook.clock, at, ctx);
		else if (hook.role === 'stop') s = stopClock(s, hook.clock, at, ctx);
		else if (hook.role === 'breach') s = breachClock(s, hook.clock, at, ctx);
		else s = extendClock(s, hook, at, ctx);
	}
	return s;
}
