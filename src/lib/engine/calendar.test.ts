import { describe, expect, it } from 'vitest';
import { deadlineAt, deadlineLabel, formatDuration, inWorldAt, inWorldLabel, parseLocal } from './calendar';

const H = 3_600_000;
const START = '2024-10-10T08:00'; // a Thursday

describe('calendar', () => {
	it('maps scenario time to the in-world date-time', () => {
		expect(inWorldAt(START, 90 * 60_000)).toBe('2024-10-10T09:30');
		expect(inWorldLabel(START, 48 * H)).toBe('Sat 2024-10-12 08:00');
	});

	it('adds exact minutes, hours and days', () => {
		expect(deadlineAt(START, [], H, { amount: 30, unit: 'minutes' })).toBe(1.5 * H);
		expect(deadlineAt(START, [], 0, { amount: 72, unit: 'hours' })).toBe(72 * H);
		expect(deadlineAt(START, [], 0, { amount: 3, unit: 'days' })).toBe(72 * H);
	});

	it('ends business days at midnight, skipping weekends and holidays', () => {
		// Thu 10:00 + 7 business days with Mon 14 Oct off → end of Tue 22 Oct.
		const at = deadlineAt(START, ['2024-10-14'], 2 * H, { amount: 7, unit: 'businessDays' });
		expect(inWorldAt(START, at)).toBe('2024-10-23T00:00');
	});

	it('counts a Friday start into the next week', () => {
		const friday = 24 * H + 9 * H; // Fri 17:00
		expect(inWorldAt(START, deadlineAt(START, [], friday, { amount: 1, unit: 'businessDays' }))).toBe(
			'2024-10-15T00:00'
		);
	});

	it('never counts the start day, even on a weekend', () => {
		const saturday = 2 * 24 * H;
		expect(inWorldAt(START, deadlineAt(START, [], saturday, { amount: 1, unit: 'businessDays' }))).toBe(
			'2024-10-15T00:00'
		);
	});

	it('keeps day-of-month and time for months, clamping to the month end', () => {
		expect(inWorldAt(START, deadlineAt(START, [], 2 * H, { amount: 1, unit: 'months' }))).toBe(
			'2024-11-10T10:00'
		);
		const jan31 = '2024-01-31T12:00';
		expect(inWorldAt(jan31, deadlineAt(jan31, [], 0, { amount: 1, unit: 'months' }))).toBe(
			'2024-02-29T12:00'
		);
	});

	it('refuses a malformed or impossible start date', () => {
		expect(() => parseLocal('2024-02-30T08:00')).toThrow(/real calendar/);
		expect(() => parseLocal('tomorrow')).toThrow(/local date-time/);
	});

	it('labels deadlines and durations', () => {
		expect(deadlineLabel({ amount: 7, unit: 'businessDays' })).toBe('7 business days');
		expect(deadlineLabel({ amount: 1, unit: 'months' })).toBe('1 month');
		expect(formatDuration(90 * 60_000)).toBe('1h30m');
		expect(formatDuration(0)).toBe('0m');
	});
});
