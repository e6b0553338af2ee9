import { describe, expect, it } from 'vitest';
import { Semaphore, SemaphoreFull } from './semaphore';

function gate() {
	let open!: () => void;
	const opened = new Promise<void>((r) => (open = r));
	return { open, opened };
}

describe('Semaphore', () => {
	it('runs at most `limit` tasks at once and starts waiting ones in order', async () => {
		const s = new Semaphore(2, 10);
		const gates = [gate(), gate(), gate()];
		const started: number[] = [];
		const runs = gates.map((g, i) => s.run(async () => (started.push(i), await g.opened, i)));
		await Promise.resolve();
		expect(started).toEqual([0, 1]);
		expect(s.waiting).toBe(1);
		gates[0].open();
		await runs[0];
		await Promise.resolve();
		expect(started).toEqual([0, 1, 2]);
		gates[1].open();
		gates[2].open();
		expect(await Promise.all(runs)).toEqual([0, 1, 2]);
		expect(s.peak).toBe(2);
		expect(s.active).toBe(0);
	});

	it('refuses at once when the waiting line is full', async () => {
		const s = new Semaphore(1, 1);
		const g = gate();
		const first = s.run(() => g.opened);
		const second = s.run(async () => 'second');
		await expect(s.run(async () => 'third')).rejects.toBeInstanceOf(SemaphoreFull);
		g.open();
		await first;
		expect(await second).toBe('second');
	});

	it('frees its slot when a task fails', async () => {
		const s = new Semaphore(1, 0);
		await expect(s.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await s.run(async () => 'next')).toBe('next');
	});
});
