import { describe, expect, it } from 'vitest';
import {
	formatDuration,
	formatElapsed,
	formatInWorld,
	inWorldIso,
	parseLocalDateTime,
	progressBetween,
	scenarioNow
} from './scenario-time';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('scenarioNow', () => {
	it('advances at the compression factor while the clock runs', () => {
		const anchor = { wall: 1_000_000, scenario: 10 * MIN, compression: 30, running: true };
		expect(scenarioNow(anchor, 1_000_000 + 2 * MIN)).toBe(10 * MIN + 60 * MIN);
	});

	it('stays at the anchor while paused', () => {
		const anchor = { wall: 1_000_000, scenario: 10 * MIN, compression: 30, running: false };
		expect(scenarioNow(anchor, 9_000_000)).toBe(10 * MIN);
	});

	it('never runs backwards when the browser clock is behind the anchor', () => {
		const anchor = { wall: 1_000_000, scenario: 5 * MIN, compression: 10, running: true };
		expect(scenarioNow(anchor, 990_000)).toBe(5 * MIN);
	});
});

describe('formatElapsed', () => {
	it('shows hours and minutes after StartEx', () => {
		expect(formatElapsed(2 * HOUR + 15 * MIN + 59_000)).toBe('T+02:15');
	});

	it('adds whole days past 24 hours', () => {
		expect(formatElapsed(27 * HOUR + 20 * MIN)).toBe('T+1d 03:20');
	});

	it('marks time before StartEx with a minus sign', () => {
		expect(formatElapsed(-30 * MIN)).toBe('T−00:30');
	});
});

describe('formatDuration', () => {
	it('rounds down to minutes so a countdown never overstates time left', () => {
		expect(formatDuration(2 * HOUR + 5 * MIN + 59_000)).toBe('2h 05m');
	});

	it('uses days and hours for long deadlines', () => {
		expect(formatDuration(3 * 24 * HOUR + 4 * HOUR + 30 * MIN)).toBe('3d 4h');
	});

	it('says "under 1m" for the last seconds', () => {
		expect(formatDuration(42_000)).toBe('under 1m');
	});

	it('formats the size of a negative span (a missed deadline)', () => {
		expect(formatDuration(-45 * MIN)).toBe('45m');
	});
});

describe('in-world time', () => {
	it('parses a zone-less local date-time as UTC', () => {
		expect(parseLocalDateTime('2024-10-07T08:00')).toBe(Date.UTC(2024, 9, 7, 8, 0));
	});

	it('rejects a malformed StartEx', () => {
		expect(parseLocalDateTime('next Tuesday')).toBeNull();
	});

	it('shows the date and time scenario ms after StartEx', () => {
		expect(formatInWorld('2024-10-07T08:00', 26 * HOUR + 15 * MIN)).toBe('Tue 8 Oct 2024, 10:15');
	});

	it('falls back to elapsed time when StartEx cannot be parsed', () => {
		expect(formatInWorld('soon', 90 * MIN)).toBe('T+01:30');
	});

	it('gives a machine-readable moment for <time datetime>', () => {
		expect(inWorldIso('2024-10-07T08:00', 90 * MIN)).toBe('2024-10-07T09:30');
	});
});

describe('progressBetween', () => {
	it('is the fraction of the span already used', () => {
		expect(progressBetween(0, 100, 25)).toBe(0.25);
	});

	it('is clamped to 1 once the deadline has passed', () => {
		expect(progressBetween(0, 100, 250)).toBe(1);
	});
});
