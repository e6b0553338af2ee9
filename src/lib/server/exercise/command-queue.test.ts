import { describe, expect, it } from 'vitest';
import { CommandQueue } from './command-queue';

describe('CommandQueue', () => {
	it('runs tasks one at a time in the order they were queued', async () => {
		const q = new CommandQueue();
		const log: string[] = [];
		const slow = q.run(async () => {
			log.push('a:start');
			await new Promise((r) => setTimeout(r, 5));
			log.push('a:end');
			return 'a';
		});
		const fast = q.run(() => {
			log.push('b');
			return 'b';
		});
		expect(await Promise.all([slow, fast])).toEqual(['a', 'b']);
		expect(log).toEqual(['a:start', 'a:end', 'b']);
	});

	it('keeps going after a task fails and rejects only that caller', async () => {
		const q = new CommandQueue();
		const bad = q.run(() => {
			throw new Error('boom');
		});
		const good = q.run(() => 42);
		await expect(bad).rejects.toThrow('boom');
		expect(await good).toBe(42);
		await q.idle();
		expect(q.pending).toBe(0);
	});
});
