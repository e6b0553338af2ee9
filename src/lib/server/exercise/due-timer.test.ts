import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DueTimer } from './due-timer';

describe('DueTimer', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('fires once at the armed wall time', () => {
		const fired: number[] = [];
		const t = new DueTimer(
			() => Date.now(),
			(at) => fired.push(at)
		);
		const due = Date.now() + 1000;
		t.arm(due);
		vi.advanceTimersByTime(999);
		expect(fired).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(fired).toEqual([due]);
		expect(t.dueAt).toBeNull();
	});

	it('fires at once for a time already past (an overdue timer after a restart)', () => {
		const fired: number[] = [];
		const t = new DueTimer(
			() => Date.now(),
			(at) => fired.push(at)
		);
		t.arm(Date.now() - 60_000);
		vi.advanceTimersByTime(0);
		expect(fired).toHaveLength(1);
	});

	it('replaces an earlier arming and disarms on null', () => {
		const fired: number[] = [];
		const t = new DueTimer(
			() => Date.now(),
			(at) => fired.push(at)
		);
		t.arm(Date.now() + 100);
		t.arm(Date.now() + 500);
		vi.advanceTimersByTime(200);
		expect(fired).toEqual([]);
		t.arm(null);
		vi.advanceTimersByTime(1000);
		expect(fired).toEqual([]);
	});

	it('waits in steps beyond the setTimeout limit without firing early', () => {
		const fired: number[] = [];
		const t = new DueTimer(
			() => Date.now(),
			(at) => fired.push(at)
		);
		const due = Date.now() + 30 * 24 * 3600_000;
		t.arm(due);
		vi.advanceTimersByTime(2 ** 31 - 1);
		expect(fired).toEqual([]);
		vi.advanceTimersByTime(30 * 24 * 3600_000);
		expect(fired).toEqual([due]);
	});
});
