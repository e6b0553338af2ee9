/**
 * Regulatory clocks (FCC CPNI notice, SEC 8-K, NIS2, GDPR...): exercise-wide, owned by one team. A clock
 * starts when its start condition happens (an inject reaches any team, any team's matching answer, or another
 * clock is stopped) and stops on any of its stop conditions. It is met when stopped before its deadline item
 * fires, missed when the deadline fires first; a stop after that is kept as "late" with how late it was.
 * Stop conditions that happen while a clock is idle are ignored: a notice cannot meet a clock not yet running.
 */
import { answerMatches } from './answers';
import { deadlineAt } from './calendar';
import { indexOf } from './scenario-index';
import { audienceTeams } from './scenario-index';
import { dequeueWhere, enqueue, scheduleInject } from './schedule';
import type { StepContext } from './scenario-clock';
import type { ClockRun, ExerciseState } from './state';
import { lateText, record } from './timeline';
import type { AnswerValue, ClockDef } from './types';

function setRun(state: ExerciseState, id: string, run: ClockRun): ExerciseState {
	return { ...state, clocks: { ...state.clocks, [id]: run } };
}

function phaseNow(state: ExerciseState): string | undefined {
	return state.scenario.phases[state.phaseIndex]?.id;
}

/** Start an idle clock at scenario ms `at` and schedule its deadline. */
export function startClock(
	state: ExerciseState,
	clock: ClockDef,
	at: number,
	ctx: StepContext
): ExerciseState {
	if (state.clocks[clock.id]?.status !== 'idle') return state;
	const due = deadlineAt(state.scenario.startsAt, state.scenario.holidays, at, clock.deadline);
	let s = setRun(state, clock.id, { status: 'running', startedAt: at, deadlineAt: due });
	s = enqueue(s, { kind: 'clock', key: `clock:${clock.id}`, due, clockId: clock.id });
	return record(s, {
		seq: ctx.seq,
		at: ctx.at,
		scenarioAt: at,
		kind: 'clock',
		clockId: clock.id,
		detail: 'started'
	});
}

/** Stop a running clock (met) or record a late stop of a missed one; dependent clocks start. */
export function stopClock(
	state: ExerciseState,
	clock: ClockDef,
	at: number,
	ctx: StepContext
): ExerciseState {
	const run = state.clocks[clock.id];
	let s = state;
	if (run?.status === 'running') {
		s = dequeueWhere(s, (p) => p.kind === 'clock' && p.clockId === clock.id);
		s = setRun(s, clock.id, { ...run, status: 'met', stoppedAt: at, phase: phaseNow(s) });
		s = record(s, {
			seq: ctx.seq,
			at: ctx.at,
			scenarioAt: at,
			kind: 'clock',
			clockId: clock.id,
			detail: 'met'
		});
	} else if (run?.status === 'missed' && run.stoppedAt === undefined) {
		const lateBy = at - (run.deadlineAt ?? at);
		s = setRun(s, clock.id, { ...run, stoppedAt: at, lateBy });
		s = record(s, {
			seq: ctx.seq,
			at: ctx.at,
			scenarioAt: at,
			kind: 'clock',
			clockId: clock.id,
			detail: lateText(lateBy)
		});
	} else return state;
	for (const next of indexOf(s.scenario).clocksStartingOnClock.get(clock.id) ?? [])
		s = startClock(s, next, at, ctx);
	for (const other of indexOf(s.scenario).clocksStoppingOnClock.get(clock.id) ?? [])
		s = stopClock(s, other, at, ctx);
	return s;
}

/** The clock's deadline fell due: a still-running clock is missed and `clockMissed` injects follow. */
export function clockDeadline(
	state: ExerciseState,
	clockId: string,
	due: number,
	ctx: StepContext
): ExerciseState {
	const run = state.clocks[clockId];
	if (run?.status !== 'running') return state;
	let s = setRun(state, clockId, { ...run, status: 'missed', phase: phaseNow(state) });
	s = record(s, { seq: ctx.seq, at: ctx.at, scenarioAt: due, kind: 'clock', clockId, detail: 'missed' });
	for (const inject of indexOf(s.scenario).onClockMissed.get(clockId) ?? []) {
		if (inject.trigger.kind !== 'clockMissed') continue;
		for (const team of audienceTeams(inject.audience, s.config.teams))
			s = scheduleInject(s, inject, team, due + inject.trigger.delay);
	}
	return s;
}

/** A team answered `decisionId`: start and stop the clocks whose answer condition it meets. */
export function clocksOnAnswer(
	state: ExerciseState,
	decisionId: string,
	value: AnswerValue,
	at: number,
	ctx: StepContext
): ExerciseState {
	const ix = indexOf(state.scenario);
	let s = state;
	for (const clock of ix.clocksStartingOnAnswer.get(decisionId) ?? []) {
		if (clock.start.kind === 'answer' && answerMatches(value, clock.start.options))
			s = startClock(s, clock, at, ctx);
	}
	for (const clock of ix.clocksStoppingOnAnswer.get(decisionId) ?? []) {
		const hit = clock.stop.some(
			(c) => c.kind === 'answer' && c.decision === decisionId && answerMatches(value, c.options)
		);
		if (hit) s = stopClock(s, clock, at, ctx);
	}
	return s;
}
