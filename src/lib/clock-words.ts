/**
 * One vocabulary for regulatory clocks on every screen and export: status words (a hold is "in force",
 * "observed" or "breached"), the benchmark label, and outcome sentences. Pure, shared by pages and exports.
 */
import { formatDuration, formatInWorld } from '$lib/client/scenario-time';
import type { ClockView } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

/** How a benchmark clock is labelled wherever clocks show. */
export const benchmarkLabel = (): string => m.clock_benchmark();

type Clock = Pick<ClockView, 'status' | 'kind' | 'deadlineAt' | 'stoppedAt' | 'deadlineLabel'>;

const DEADLINE_WORDS = {
	idle: m.clock_not_started,
	running: m.clock_running,
	met: m.clock_met,
	missed: m.clock_missed,
	breached: m.clock_breached
};
const HOLD_WORDS = {
	idle: m.clock_not_started,
	running: m.clock_in_force,
	met: m.clock_observed,
	missed: m.clock_missed,
	breached: m.clock_breached
};

/** The one-word status: "Running", "Met"; for a hold "In force", "Observed", "Breached". */
export function clockStatusWord(clock: Pick<ClockView, 'status' | 'kind'>): string {
	return (clock.kind === 'hold' ? HOLD_WORDS : DEADLINE_WORDS)[clock.status]();
}

/** What kind of clock it is, in one label: "Hold", "Exercise benchmark, not a legal deadline" or "Deadline". */
export function clockKindLabel(clock: Pick<ClockView, 'kind' | 'benchmark'>): string {
	if (clock.kind === 'hold')
		return clock.benchmark ? m.clock_hold_benchmark({ benchmark: benchmarkLabel() }) : m.clock_hold();
	return clock.benchmark ? benchmarkLabel() : m.clock_deadline();
}

/** The live line under a clock at scenario ms `now`: time left, "in force until …", or how it ended. */
export function clockLiveDetail(clock: Clock, now: number, startsAt: string): string {
	const { status, deadlineAt } = clock;
	if (status === 'idle' || deadlineAt === undefined)
		return clock.kind === 'hold'
			? m.clock_hold_once({ label: clock.deadlineLabel })
			: m.clock_deadline_once({ label: clock.deadlineLabel });
	if (status !== 'running') return clockOutcome(clock, now);
	if (clock.kind === 'hold') return m.clock_in_force_until({ when: formatInWorld(startsAt, deadlineAt) });
	if (now >= deadlineAt) return m.clock_deadline_reached({ label: clock.deadlineLabel });
	// Business days skip weekends and holidays, so "9d 12h left of 7 business days" would read as a contradiction.
	const left = formatDuration(deadlineAt - now);
	return /business/i.test(clock.deadlineLabel)
		? m.clock_left_calendar({ left, label: clock.deadlineLabel })
		: m.clock_left_of({ left, label: clock.deadlineLabel });
}

/** How a clock ended (or stands) at scenario ms `endAt`: "Met with 2h 05m to spare", "Breached 3d before it ended". */
export function clockOutcome(clock: Clock, endAt: number): string {
	const { status, deadlineAt, stoppedAt } = clock;
	if (status === 'idle' || deadlineAt === undefined) return m.clock_never_started();
	if (clock.kind === 'hold') {
		if (status === 'met') return m.clock_observed_end();
		if (status === 'breached')
			return m.clock_breached_before({ duration: formatDuration(deadlineAt - (stoppedAt ?? deadlineAt)) });
		return endAt < deadlineAt
			? m.clock_still_in_force({ duration: formatDuration(deadlineAt - endAt) })
			: m.clock_in_force();
	}
	if (status === 'met')
		return m.clock_met_spare({ duration: formatDuration(deadlineAt - (stoppedAt ?? deadlineAt)) });
	if (status === 'missed')
		return stoppedAt !== undefined
			? m.clock_missed_by({ duration: formatDuration(stoppedAt - deadlineAt) })
			: m.clock_missed_never();
	return endAt < deadlineAt
		? m.clock_still_running({ duration: formatDuration(deadlineAt - endAt) })
		: m.clock_past_deadline();
}

/** "2 met, 1 missed", with "holds: 1 observed, 0 breached" when holds ended: a hold is never called met. */
export function clockCounts(c: { met: number; missed: number; observed: number; breached: number }): string {
	const deadlines = m.clock_counts({ met: c.met, missed: c.missed });
	return c.observed + c.breached > 0
		? m.clock_counts_holds({ deadlines, observed: c.observed, breached: c.breached })
		: deadlines;
}
