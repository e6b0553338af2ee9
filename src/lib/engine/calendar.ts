/**
 * In-world calendar. Scenario time (ms since StartEx) maps onto a naive local date-time counted from
 * `scenario.startsAt`: no time zones and no DST, every day has 24 hours. Regulatory deadlines use it:
 *
 * - minutes, hours, days: exact durations (a day is 24 h).
 * - months: the same day-of-month N months later at the same time of day; when that month is shorter the
 *   last day of the month is used (Jan 31 + 1 month = Feb 29 in 2024).
 * - businessDays: the end (24:00) of the Nth business day after the start day. Business days skip Saturdays,
 *   Sundays and `scenario.holidays`; the start day itself never counts, whatever the time of day. With N = 0
 *   the deadline is the end of the start day.
 */
import type { ClockDef } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Naive local ms (computed with UTC arithmetic) of an ISO local date-time such as "2024-10-07T08:00". */
export function parseLocal(iso: string): number {
	const m = LOCAL.exec(iso);
	if (!m) throw new RangeError(`"${iso}" is not a local date-time like 2024-10-07T08:00`);
	const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	const back = new Date(ms);
	if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
		throw new RangeError(`"${iso}" is not a real calendar date-time`);
	return ms;
}

/** ISO local date-time ("2024-10-07T09:30") of a naive local ms value. */
export function formatLocal(ms: number): string {
	return new Date(ms).toISOString().slice(0, 16);
}

/** The in-world date-time at scenario time `scenarioMs`. */
export function inWorldAt(startsAt: string, scenarioMs: number): string {
	return formatLocal(parseLocal(startsAt) + scenarioMs);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 2024-10-07 09:30": the in-world time as people read it. */
export function inWorldLabel(startsAt: string, scenarioMs: number): string {
	const ms = parseLocal(startsAt) + scenarioMs;
	const iso = formatLocal(ms);
	return `${WEEKDAYS[new Date(ms).getUTCDay()]} ${iso.slice(0, 10)} ${iso.slice(11)}`;
}

function isBusinessDay(dayStartMs: number, holidays: ReadonlySet<string>): boolean {
	const weekday = new Date(dayStartMs).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !holidays.has(formatLocal(dayStartMs).slice(0, 10));
}

function addMonths(ms: number, months: number): number {
	const d = new Date(ms);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	const day = Math.min(d.getUTCDate(), lastDay);
	return Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** Scenario ms at which a clock started at scenario ms `startedAt` reaches its deadline. */
export function deadlineAt(
	startsAt: string,
	holidays: readonly string[],
	startedAt: number,
	deadline: ClockDef['deadline']
): number {
	const { amount, unit } = deadline;
	switch (unit) {
		case 'minutes':
			return startedAt + amount * MINUTE;
		case 'hours':
			return startedAt + amount * HOUR;
		case 'days':
			return startedAt + amount * DAY;
		case 'months': {
			const origin = parseLocal(startsAt);
			return addMonths(origin + startedAt, amount) - origin;
		}
		case 'businessDays': {
			const origin = parseLocal(startsAt);
			const at = origin + startedAt;
			let day = at - (((at % DAY) + DAY) % DAY);
			const off = new Set(holidays);
			for (let counted = 0; counted < amount;) {
				day += DAY;
				if (isBusinessDay(day, off)) counted++;
			}
			return day + DAY - origin;
		}
	}
}

/** "7 business days", "72 hours", "1 month". */
export function deadlineLabel(deadline: ClockDef['deadline']): string {
	const names: Record<ClockDef['deadline']['unit'], string> = {
		minutes: 'minute',
		hours: 'hour',
		days: 'day',
		businessDays: 'business day',
		months: 'month'
	};
	return `${deadline.amount} ${names[deadline.unit]}${deadline.amount === 1 ? '' : 's'}`;
}

/** "2h30m", "3d4h", "45s": a compact scenario duration for labels and reports. */
export function formatDuration(ms: number): string {
	const sign = ms < 0 ? '-' : '';
	let rest = Math.round(Math.abs(ms) / 1000);
	const parts: string[] = [];
	for (const [unit, secs] of [
		['d', 86_400],
		['h', 3600],
		['m', 60],
		['s', 1]
	] as const) {
		const n = Math.floor(rest / secs);
		rest -= n * secs;
		if (n) parts.push(`${n}${unit}`);
	}
	return sign + (parts.join('') || '0m');
}
