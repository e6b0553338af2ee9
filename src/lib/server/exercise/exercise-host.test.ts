import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseScenario } from '$lib/engine/scenario';
import type { ExerciseConfig, Input } from '$lib/engine/types';
import { senderOf } from '../db/store';
import { ServiceError } from '../errors';
import { manualClock, TEST_SCENARIOS } from '../testing/harness';
import { ExerciseHost, type HostStore } from './exercise-host';

const { scenario } = parseScenario(
	readFileSync(path.join(TEST_SCENARIOS, 'server-drill.yaml'), 'utf8'),
	'drill.yaml'
);
const config: ExerciseConfig = {
	exerciseId: 'ex-1',
	teams: ['soc', 'legal'],
	compression: 60,
	variables: {}
};

/** An in-memory log with the store's semantics (unique keys, snapshots by seq). */
function memoryStore() {
	const inputs: Input[] = [];
	const snapshots: { seq: number; engineVersion: string; state: string }[] = [];
	const store: HostStore = {
		async appendInput(_id, input) {
			if (inputs.some((i) => i.key === input.key && senderOf(i.actor) === senderOf(input.actor))) {
				return { duplicate: true };
			}
			inputs.push(input);
			return { duplicate: false };
		},
		inputsAfter: async (_id, seq) => inputs.filter((i) => i.seq > seq),
		inputByKey: async (_id, key, sender) =>
			inputs.find((i) => i.key === key && senderOf(i.actor) === sender) ?? null,
		saveSnapshot: async (_id, seq, engineVersion, state) =>
			void snapshots.push({ seq, engineVersion, state }),
		latestSnapshot: async () => snapshots.at(-1) ?? null,
		setLifecycle: async () => {}
	};
	return { store, inputs, snapshots };
}

describe('ExerciseHost', () => {
	it('restores from the latest snapshot plus the inputs after it', async () => {
		const clock = manualClock();
		const mem = memoryStore();
		const host = await ExerciseHost.restore('ex-1', scenario!, config, {
			store: mem.store,
			now: clock.now,
			snapshotEvery: 2
		});
		await host.submit({ role: 'facilitator' }, { type: 'exercise.start' }, 'a');
		await host.submit({ role: 'facilitator' }, { type: 'note.add', noteId: 'n1', text: 'one' }, 'b');
		await host.submit({ role: 'facilitator' }, { type: 'note.add', noteId: 'n2', text: 'two' }, 'c');
		host.close();
		expect(mem.snapshots.map((s) => s.seq)).toEqual([2]);
		const again = await ExerciseHost.restore('ex-1', scenario!, config, { store: mem.store, now: clock.now });
		again.close();
		expect(again.version).toBe(3);
		expect(again.state.notes).toEqual(host.state.notes);
	});

	it('replays from the start when the snapshot was written by another engine version', async () => {
		const clock = manualClock();
		const mem = memoryStore();
		const host = await ExerciseHost.restore('ex-1', scenario!, config, {
			store: mem.store,
			now: clock.now,
			snapshotEvery: 1
		});
		await host.submit({ role: 'facilitator' }, { type: 'exercise.start' }, 'a');
		host.close();
		mem.snapshots.push({ seq: 1, engineVersion: 'ancient', state: '{"not":"a state"}' });
		const again = await ExerciseHost.restore('ex-1', scenario!, config, { store: mem.store, now: clock.now });
		again.close();
		expect(again.version).toBe(1);
		expect(again.lifecycle).toBe('running');
	});

	it('rejects a refused command with the engine code and leaves the state as it was', async () => {
		const mem = memoryStore();
		const host = await ExerciseHost.restore('ex-1', scenario!, config, {
			store: mem.store,
			now: manualClock().now
		});
		const e = await host.submit({ role: 'observer' }, { type: 'exercise.start' }, 'x').catch((x) => x);
		host.close();
		expect(e).toBeInstanceOf(ServiceError);
		expect(e.code).toBe('command/forbidden');
		expect(host.version).toBe(0);
		expect(mem.inputs).toEqual([]);
	});

	it('arms its timer at the next due time and ticks through the queue when it fires', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const clock = manualClock();
			const mem = memoryStore();
			const host = await ExerciseHost.restore('ex-1', scenario!, config, {
				store: mem.store,
				now: clock.now
			});
			await host.submit({ role: 'facilitator' }, { type: 'exercise.start' }, 'a');
			// The 2 h inject at compression 60 is due 2 wall minutes after the start.
			expect(host.armedAt).toBe(clock.now() + 2 * 60_000);
			clock.advance(2 * 60_000);
			vi.advanceTimersByTime(2 * 60_000);
			await host.idle();
			host.close();
			const tick = mem.inputs.at(-1);
			expect(tick?.command.type).toBe('clock.tick');
			expect(tick?.actor).toEqual({ role: 'system' });
			expect(host.state.delivered.soc.later).toBeDefined();
		} finally {
			vi.useRealTimers();
		}
	});

	it('catches up from the log when a tick comes back as a duplicate another writer stored', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const clock = manualClock();
			const mem = memoryStore();
			const host = await ExerciseHost.restore('ex-1', scenario!, config, {
				store: mem.store,
				now: clock.now
			});
			await host.submit({ role: 'facilitator' }, { type: 'exercise.start' }, 'a');
			const realAppend = mem.store.appendInput;
			mem.store.appendInput = async (id, input, scheduled) => {
				if (input.command.type !== 'clock.tick') return realAppend(id, input, scheduled);
				await realAppend(id, input, scheduled);
				return { duplicate: true };
			};
			clock.advance(2 * 60_000);
			vi.advanceTimersByTime(2 * 60_000);
			await vi.waitFor(() => expect(host.version).toBe(2));
			expect(host.state.delivered.soc.later).toBeDefined();
			host.close();
		} finally {
			vi.useRealTimers();
		}
	});

	it('re-arms its timer when a tick comes back as a duplicate and the log has nothing new', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const clock = manualClock();
			const mem = memoryStore();
			const host = await ExerciseHost.restore('ex-1', scenario!, config, {
				store: mem.store,
				now: clock.now
			});
			await host.submit({ role: 'facilitator' }, { type: 'exercise.start' }, 'a');
			const realAppend = mem.store.appendInput;
			let refusals = 1;
			mem.store.appendInput = async (id, input, scheduled) =>
				input.command.type === 'clock.tick' && refusals-- > 0
					? { duplicate: true }
					: realAppend(id, input, scheduled);
			clock.advance(2 * 60_000);
			vi.advanceTimersByTime(2 * 60_000);
			await vi.waitFor(() => expect(host.armedAt).toBe(clock.now() + 1000));
			clock.advance(1000);
			vi.advanceTimersByTime(1000);
			await vi.waitFor(() => expect(host.state.delivered.soc.later).toBeDefined());
			host.close();
		} finally {
			vi.useRealTimers();
		}
	});
});
