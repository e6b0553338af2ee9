/**
 * One vocabulary for regulatory clocks on every screen and export: status words (a hold is "in force",
 * "observed" or "breached"), the benchmark label, and outcome sentences. Pure, shared by pages and exports.
 */
import { formatDuration, formatInWorld } from '$lib/client/scenario-time';
import type { ClockView } from '$lib/engine/types';

/** How a benchmark clock is labelled wherever clocks show. */
export const BENCHMARK_LABEL = 'Exercise benchmark, not a legal deadline';

type Clock = Pick<ClockView, 'status' | 'kind' | 'deadlineAt' | 'stoppedAt' | 'deadlineLabel'>;

const DEADLINE_WORDS = {
	idle: 'Not started',
	running: 'Running',
	met: 'Met',
	missed: 'Missed',
	breached: 'Breached'
};
const HOLD_WORDS = {
	idle: 'Not started',
	running: 'In force',
	met: 'Observed',
	missed: 'Missed',
	breached: 'Breached'
};

/** The one-word status: "Running", "Met"; for a hold "In force", "Observed", "Breached". */
export function clockStatusWord(clock: Pick<ClockView, 'status' | 'kind'>): string {
	return (clock.kind === 'hold' ? HOLD_WORDS : DEADLINE_WORDS)[clock.status];
}

/** What kind of clock it is, in one label: "Hold", "Exercise benchmark, not a legal deadline" or "Deadline". */
export function clockKindLabel(clock: Pick<ClockView, 'kind' | 'benchmark'>): string {
	if (clock.kind === 'hold') return clock.benchmark ? `Hold · ${BENCHMARK_LABEL}` : 'Hold';
	return clock.benchmark ? BENCHMARK_LABEL : 'Deadline';
}

/** The live line under a clock at scenario ms `now`: time left, "in force until …", or how it ended. */
export function clockLiveDetail(clock: Clock, now: number, startsAt: string): string {
	const { status, deadlineAt } = clock;
	if (status === 'idle' || deadlineAt === undefined)
		return clock.kind === 'hold'
			? `A hold of ${clock.deadlineLabel} once it starts`
			: `Deadline ${clock.deadlineLabel} once started`;
	if (status !== 'running') return clockOutcome(clock, now);
	if (clock.kind === 'hold') return `In force until ${formatInWorld(startsAt, deadlineAt)}`;
	if (now >= deadlineAt) return `Deadline reached (${clock.deadlineLabel})`;
	// Business days skip weekends and holidays, so "9d 12h left of 7 business days" would read as a contradiction.
	const left = formatDuration(deadlineAt - now);
	return /business/i.test(clock.deadlineLabel)
		? `${left} left in calendar time (a window of ${clock.deadlineLabel})`
		: `${left} left of ${clock.deadlineLabel}`;
}

/** How a clock ended (or stands) at scenario ms `endAt`: "Met with 2h 05m to spare", "Breached 3d before it ended". */
export function clockOutcome(clock: Clock, endAt: number): string {
	const { status, deadlineAt, stoppedAt } = clock;
	if (status === 'idle' || deadlineAt === undefined) return 'Never started';
	if (clock.kind === 'hold') {
		if (status === 'met') return 'Observed to its end';
		if (status === 'breached')
			return `Breached ${formatDuration(deadlineAt - (stoppedAt ?? deadlineAt))} before it ended`;
		return endAt < deadlineAt
			? `Still in force at the end, ${formatDuration(deadlineAt - endAt)} left`
			: 'In force';
	}
	if (status === 'met') return `Met with ${formatDuration(deadlineAt - (stoppedAt ?? deadlineAt))} to spare`;
	if (status === 'missed')
		return stoppedAt !== undefined
			? `Missed by ${formatDuration(stoppedAt - deadlineAt)}`
			: 'Missed: never stopped';
	return endAt < deadlineAt
		? `Still running at the end, ${formatDuration(deadlineAt - endAt)} left`
		: 'Still running past its deadline';
}

/** "2 met, 1 missed", with "holds: 1 observed, 0 breached" when holds ended: a hold is never called met. */
export function clockCounts(c: { met: number; missed: number; observed: number; breached: number }): string {
	const deadlines = `${c.met} met, ${c.missed} missed`;
	return c.observed + c.breached > 0
		? `${deadlines}; holds: ${c.observed} observed, ${c.breached} breached`
		: deadlines;
}
