/**
 * Pure helpers for showing scenario time in the browser: where the scenario clock stands now (ticked locally from
 * the server's anchor), the in-world date-time, elapsed time and time left.
 */
import type { ClockAnchor } from '$lib/engine/types';
import { dateTimeFormat } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Scenario ms at wall time `wallNow`, advancing at the anchor's compression only while it runs. */
export function scenarioNow(anchor: ClockAnchor, wallNow: number): number {
	if (!anchor.running) return anchor.scenario;
	return anchor.scenario + Math.max(0, wallNow - anchor.wall) * anchor.compression;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Elapsed scenario time since StartEx, e.g. "T+02:15" or "T+1d 03:20" (negative before StartEx). */
export function formatElapsed(scenarioMs: number): string {
	const sign = scenarioMs < 0 ? '−' : '+';
	const abs = Math.floor(Math.abs(scenarioMs) / MINUTE) * MINUTE;
	const days = Math.floor(abs / DAY);
	const hours = Math.floor((abs % DAY) / HOUR);
	const minutes = Math.floor((abs % HOUR) / MINUTE);
	const clock = `${pad(hours)}:${pad(minutes)}`;
	return days > 0 ? m.elapsed_days({ sign, days, clock }) : `T${sign}${clock}`;
}

/**
 * A duration in words for deadlines, e.g. "3d 4h", "2h 05m", "45m", "under 1m". Rounds down, so a
 * countdown never claims more time than remains.
 */
export function formatDuration(ms: number): string {
	const abs = Math.abs(ms);
	if (abs < MINUTE) return m.dur_under_minute();
	const days = Math.floor(abs / DAY);
	const hours = Math.floor((abs % DAY) / HOUR);
	const minutes = Math.floor((abs % HOUR) / MINUTE);
	if (days > 0) return hours > 0 ? m.dur_days_hours({ days, hours }) : m.dur_days({ days });
	if (hours > 0) return m.dur_hours_minutes({ hours, minutes: pad(minutes) });
	return m.dur_minutes({ minutes });
}

/** Parses an ISO local date-time without zone ("2024-10-07T08:00") as if it were UTC, or null if malformed. */
export function parseLocalDateTime(iso: string): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso.trim());
	if (!match) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
	const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	return Number.isNaN(t) ? null : t;
}

const IN_WORLD: Intl.DateTimeFormatOptions = {
	timeZone: 'UTC',
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hour12: false
};

/**
 * The in-world date-time `scenarioMs` after StartEx, e.g. "Mon 7 Oct 2024, 10:15". The scenario's local time has
 * no zone, so it is computed and shown in UTC to stay identical in every browser.
 */
export function formatInWorld(startsAt: string, scenarioMs: number): string {
	const start = parseLocalDateTime(startsAt);
	if (start === null) return formatElapsed(scenarioMs);
	return dateTimeFormat(IN_WORLD)
		.format(new Date(start + scenarioMs))
		.replace(/^([\p{L}.]+),? /u, '$1 ');
}

/** The ISO form of an in-world moment, for a <time datetime> attribute (no zone, like `startsAt`). */
export function inWorldIso(startsAt: string, scenarioMs: number): string | undefined {
	const start = parseLocalDateTime(startsAt);
	if (start === null) return undefined;
	return new Date(start + scenarioMs).toISOString().slice(0, 16);
}

/** How far through a countdown `now` is, clamped to 0..1 (1 when the span is empty). */
export function progressBetween(from: number, to: number, now: number): number {
	if (to <= from) return 1;
	return Math.min(1, Math.max(0, (now - from) / (to - from)));
}
