import { describe, expect, it } from 'vitest';
import { DEADLINE_PATTERN, DURATION_PATTERN, parseDeadline, parseDuration } from './durations';

describe('parseDuration', () => {
	it('reads a bare number as minutes', () => {
		expect(parseDuration(45)).toBe(45 * 60_000);
		expect(parseDuration('45')).toBe(45 * 60_000);
	});

	it('reads compound short forms such as 1h30m and 90s', () => {
		expect(parseDuration('1h30m')).toBe(90 * 60_000);
		expect(parseDuration('90s')).toBe(90_000);
		expect(parseDuration('3d')).toBe(3 * 24 * 3_600_000);
	});

	it('reads word forms such as "2 hours"', () => {
		expect(parseDuration('2 hours')).toBe(2 * 3_600_000);
		expect(parseDuration('1 minute')).toBe(60_000);
	});

	it('rejects text that is not a duration', () => {
		expect(parseDuration('soon')).toBeNull();
		expect(parseDuration('5x')).toBeNull();
		expect(parseDuration('')).toBeNull();
	});

	it('agrees with the published pattern on what is a duration', () => {
		const pattern = new RegExp(DURATION_PATTERN);
		for (const text of ['30m', '1h30m', '90s', '2 hours', '12', '0.5', '1 day'])
			expect(pattern.test(text) && parseDuration(text) !== null, text).toBe(true);
		for (const text of ['', 'h', '5x', '2 weeks', '-3m']) expect(pattern.test(text), text).toBe(false);
	});
});

describe('parseDeadline', () => {
	it('reads business days, hours, days and months', () => {
		expect(parseDeadline('7 business days')).toEqual({ amount: 7, unit: 'businessDays' });
		expect(parseDeadline('1 business day')).toEqual({ amount: 1, unit: 'businessDays' });
		expect(parseDeadline('72h')).toEqual({ amount: 72, unit: 'hours' });
		expect(parseDeadline('30 days')).toEqual({ amount: 30, unit: 'days' });
		expect(parseDeadline('1 month')).toEqual({ amount: 1, unit: 'months' });
		expect(parseDeadline('3d')).toEqual({ amount: 3, unit: 'days' });
	});

	it('turns a compound deadline into minutes', () => {
		expect(parseDeadline('1h30m')).toEqual({ amount: 90, unit: 'minutes' });
	});

	it('rejects a deadline without a unit', () => {
		expect(parseDeadline('7')).toBeNull();
		expect(new RegExp(DEADLINE_PATTERN).test('7')).toBe(false);
	});
});
