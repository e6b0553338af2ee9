import { describe, expect, it } from 'vitest';
import { CommandRunner } from './command-runner.svelte';

describe('CommandRunner', () => {
	it('keeps the server message of a refused command', async () => {
		const runner = new CommandRunner({
			send: async () => ({ status: 'failed', error: { message: 'The exercise is not running.' } })
		});
		expect(await runner.run({ type: 'exercise.pause' })).toBe(false);
		expect(runner.error).toBe('The exercise is not running.');
	});
	it('reports the confirmation of an accepted command and clears the busy flag', async () => {
		const runner = new CommandRunner({ send: async () => ({ status: 'done' }) });
		expect(await runner.run({ type: 'exercise.start' }, 'Exercise started.')).toBe(true);
		expect(runner.notice).toBe('Exercise started.');
		expect(runner.busy).toBeNull();
	});
	it('marks the command type as busy while the server has not answered', async () => {
		let answer: (v: { status: string }) => void = () => {};
		const runner = new CommandRunner({ send: () => new Promise((r) => (answer = r)) });
		const pending = runner.run({ type: 'exercise.brief' });
		expect(runner.busy).toBe('exercise.brief');
		answer({ status: 'done' });
		await pending;
		expect(runner.busy).toBeNull();
	});
});

describe('CommandRunner messages', () => {
	it('counts every message, so the same words can be announced again', async () => {
		const runner = new CommandRunner({ send: async () => ({ status: 'done' }) });
		await runner.run({ type: 'exercise.pause' }, 'Paused.');
		const first = runner.said;
		runner.tell('Nothing is waiting to be released.', 'error');
		expect(runner.error).toBe('Nothing is waiting to be released.');
		expect(runner.notice).toBeNull();
		expect(runner.said).toBeGreaterThan(first);
	});
});
