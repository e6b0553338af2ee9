import { describe, expect, it } from 'vitest';
import {
	benchmarkLabel,
	clockCounts,
	clockKindLabel,
	clockLiveDetail,
	clockOutcome,
	clockStatusWord
} from './clock-words';

const HOUR = 3_600_000;

describe('clock words', () => {
	it('labels a benchmark as not a legal deadline and a hold as a hold', () => {
		expect(clockKindLabel({ kind: 'deadline', benchmark: false })).toBe('Deadline');
		expect(clockKindLabel({ kind: 'deadline', benchmark: true })).toBe(benchmarkLabel());
		expect(benchmarkLabel()).toBe('Exercise benchmark, not a legal deadline');
		expect(clockKindLabel({ kind: 'hold', benchmark: false })).toBe('Hold');
	});

	it('never calls a hold met or missed', () => {
		expect(clockStatusWord({ kind: 'hold', status: 'running' })).toBe('In force');
		expect(clockStatusWord({ kind: 'hold', status: 'met' })).toBe('Observed');
		expect(clockStatusWord({ kind: 'hold', status: 'breached' })).toBe('Breached');
		const hold = { kind: 'hold' as const, deadlineLabel: '30 days', deadlineAt: 10 * HOUR };
		expect(clockOutcome({ ...hold, status: 'met' }, 10 * HOUR)).toBe('Observed to its end');
		expect(clockOutcome({ ...hold, status: 'breached', stoppedAt: 7 * HOUR }, 10 * HOUR)).toBe(
			'Breached 3h 00m before it ended'
		);
		expect(clockLiveDetail({ ...hold, status: 'idle', deadlineAt: undefined }, 0, '2024-10-08T09:00')).toBe(
			'A hold of 30 days once it starts'
		);
	});

	it('says business-day time left is calendar time (observation: "9d 12h left of 7 business days")', () => {
		const clock = { kind: 'deadline' as const, status: 'running' as const, deadlineLabel: '7 business days' };
		expect(clockLiveDetail({ ...clock, deadlineAt: 228 * HOUR }, 0, '2024-10-08T09:00')).toBe(
			'9d 12h left in calendar time (a window of 7 business days)'
		);
		expect(
			clockLiveDetail({ ...clock, deadlineLabel: '72 hours', deadlineAt: 50 * HOUR }, 0, '2024-10-08T09:00')
		).toBe('2d 2h left of 72 hours');
	});

	it('counts holds apart from deadlines', () => {
		expect(clockCounts({ met: 2, missed: 1, observed: 0, breached: 0 })).toBe('2 met, 1 missed');
		expect(clockCounts({ met: 2, missed: 0, observed: 0, breached: 1 })).toBe(
			'2 met, 0 missed; holds: 0 observed, 1 breached'
		);
	});
});
