import { describe, expect, it, vi } from 'vitest';
import type { WireView } from '$lib/realtime/wire-view';
import type { ViewMessage } from '$lib/realtime/contract';
import { ExerciseConnection, type ExerciseSocket } from './exercise-connection.svelte';

type Callback = (err: Error | null, res?: unknown) => void;
interface Emitted {
	event: string;
	payload: Record<string, unknown>;
	reply: Callback;
}

/** Just enough of a socket.io client for the connection class: the test plays the server. */
class FakeSocket {
	connected = false;
	active = true;
	emitted: Emitted[] = [];
	#handlers = new Map<string, ((...args: unknown[]) => void)[]>();

	on(event: string, fn: (...args: unknown[]) => void) {
		this.#handlers.set(event, [...(this.#handlers.get(event) ?? []), fn]);
		return this;
	}
	removeAllListeners() {
		this.#handlers.clear();
		return this;
	}
	timeout() {
		return {
			emit: (event: string, payload: Record<string, unknown>, reply: Callback) =>
				this.emitted.push({ event, payload, reply })
		};
	}
	fire(event: string, ...args: unknown[]) {
		for (const fn of this.#handlers.get(event) ?? []) fn(...args);
	}
	connect() {
		this.connected = true;
		this.fire('connect');
	}
	drop() {
		this.connected = false;
		const inflight = this.emitted;
		this.emitted = [];
		for (const e of inflight) e.reply(new Error('socket has been disconnected'));
		this.fire('disconnect', 'transport close');
	}
	disconnect() {
		this.connected = false;
	}
	take(event: string): Emitted {
		const index = this.emitted.findIndex((e) => e.event === event);
		if (index < 0) throw new Error(`nothing emitted for ${event}`);
		return this.emitted.splice(index, 1)[0];
	}
}

function viewMessage(version: number): ViewMessage {
	const header = {
		exerciseId: 'ex1',
		scenarioId: 's',
		title: 'T',
		lifecycle: 'running' as const,
		anchor: { wall: 0, scenario: 0, compression: 1, running: false },
		startsAt: '2024-10-07T08:00',
		currentPhase: null,
		version
	};
	return { exerciseId: 'ex1', version, view: { kind: 'team', header } as unknown as WireView };
}

function setup() {
	const socket = new FakeSocket();
	let n = 0;
	const conn = new ExerciseConnection({
		exerciseId: 'ex1',
		createSocket: () => socket as unknown as ExerciseSocket,
		newKey: () => `key-${++n}`,
		tickMs: 60_000
	});
	conn.connect();
	return { socket, conn };
}

const flushMicrotasks = () => new Promise((r) => setTimeout(r, 0));

describe('ExerciseConnection', () => {
	it('asks for its view on connect and goes online with the synced version', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(3) });
		expect(conn.status).toBe('online');
		expect(conn.version).toBe(3);
		conn.destroy();
	});

	it('resyncs after a reconnect', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(3) });
		socket.drop();
		expect(conn.status).toBe('reconnecting');
		socket.connect();
		socket.take('exercise:sync').reply(null, { data: viewMessage(5) });
		expect(conn.version).toBe(5);
		conn.destroy();
	});

	it('ignores a pushed view older than the one it holds', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(8) });
		socket.fire('exercise:view', viewMessage(6));
		expect(conn.version).toBe(8);
		conn.destroy();
	});

	it('applies a pushed patch to the view it holds, keeping what the patch left alone', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(3) });
		const before = conn.view!;
		socket.fire('exercise:patch', {
			exerciseId: 'ex1',
			from: 3,
			to: 5,
			patch: [
				[['header', 'version'], 5],
				[['header', 'title'], 'Renamed']
			]
		});
		expect(conn.version).toBe(5);
		expect(conn.view!.header.title).toBe('Renamed');
		expect(conn.view!.header.anchor).toBe(before.header.anchor);
		expect(before.header.title).toBe('T');
		expect(socket.emitted).toEqual([]);
		conn.destroy();
	});

	it('ignores a patch to a version it already holds', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(6) });
		socket.fire('exercise:patch', {
			exerciseId: 'ex1',
			from: 4,
			to: 6,
			patch: [[['header', 'title'], 'Old']]
		});
		expect(conn.view!.header.title).toBe('T');
		expect(socket.emitted).toEqual([]);
		conn.destroy();
	});

	it('asks for the whole view once when a patch starts from a version it does not hold', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(3) });
		socket.fire('exercise:patch', { exerciseId: 'ex1', from: 4, to: 5, patch: [] });
		socket.fire('exercise:patch', { exerciseId: 'ex1', from: 5, to: 6, patch: [] });
		expect(conn.version).toBe(3);
		expect(conn.status).toBe('online');
		expect(conn.resyncs).toBe(1);
		socket.take('exercise:sync').reply(null, { data: viewMessage(6) });
		expect(socket.emitted).toEqual([]);
		expect(conn.version).toBe(6);
		socket.fire('exercise:patch', { exerciseId: 'ex1', from: 6, to: 7, patch: [[['header', 'version'], 7]] });
		expect(conn.version).toBe(7);
		conn.destroy();
	});

	it('asks for the whole view when a patch does not fit the view it holds', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(3) });
		socket.fire('exercise:patch', {
			exerciseId: 'ex1',
			from: 3,
			to: 4,
			patch: [[['header', 'title', 'x'], 1]]
		});
		expect(conn.version).toBe(3);
		socket.take('exercise:sync').reply(null, { data: viewMessage(4) });
		expect(conn.version).toBe(4);
		conn.destroy();
	});

	it('takes the synced view of its room even when a page-load view of a later version came first', () => {
		const socket = new FakeSocket();
		const conn = new ExerciseConnection({
			exerciseId: 'ex1',
			initial: viewMessage(9),
			createSocket: () => socket as unknown as ExerciseSocket,
			tickMs: 60_000
		});
		conn.connect();
		socket.take('exercise:sync').reply(null, { data: viewMessage(8) });
		expect(conn.version).toBe(8);
		socket.fire('exercise:patch', {
			exerciseId: 'ex1',
			from: 8,
			to: 10,
			patch: [[['header', 'version'], 10]]
		});
		expect(conn.version).toBe(10);
		conn.destroy();
	});

	it('drops patches while reconnecting and starts again from the whole view on sync', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(3) });
		socket.drop();
		socket.fire('exercise:patch', { exerciseId: 'ex1', from: 4, to: 5, patch: [] });
		expect(socket.emitted).toEqual([]);
		socket.connect();
		socket.take('exercise:sync').reply(null, { data: viewMessage(5) });
		expect(conn.version).toBe(5);
		expect(conn.resyncs).toBe(0);
		conn.destroy();
	});

	it('retries a timed-out command with the same idempotency key', async () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(1) });
		const result = conn.send({ type: 'exercise.pause' });
		socket.take('exercise:command').reply(new Error('operation has timed out'));
		await flushMicrotasks();
		const retry = socket.take('exercise:command');
		expect(retry.payload.key).toBe('key-1');
		retry.reply(null, { data: { version: 2, duplicate: true } });
		expect(await result).toMatchObject({ status: 'done', attempts: 2 });
		conn.destroy();
	});

	it('holds a command across a disconnect and resends it after the resync', async () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(1) });
		const result = conn.send({ type: 'exercise.pause' });
		socket.drop();
		await flushMicrotasks();
		expect(socket.emitted).toEqual([]);
		socket.connect();
		socket.take('exercise:sync').reply(null, { data: viewMessage(1) });
		const resent = socket.take('exercise:command');
		expect(resent.payload.key).toBe('key-1');
		resent.reply(null, { data: { version: 2, duplicate: false } });
		expect((await result).status).toBe('done');
		conn.destroy();
	});

	it('reports the server error message of a refused command', async () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(1) });
		const result = conn.send({
			type: 'answer.submit',
			decisionId: 'd1',
			answer: { type: 'single', option: 'a' }
		});
		const message = 'Your team has already answered this decision.';
		socket.take('exercise:command').reply(null, { error: { code: 'decision/already_answered', message } });
		expect(await result).toMatchObject({ status: 'failed', error: { message } });
		expect(conn.pendingCount).toBe(0);
		conn.destroy();
	});

	it('closes with the refusal when the handshake is rejected', () => {
		const { socket, conn } = setup();
		socket.active = false;
		socket.fire('connect_error', new Error('auth/required'));
		expect(conn.status).toBe('closed');
		expect(conn.statusError?.code).toBe('auth/required');
		conn.destroy();
	});

	it('closes, saying the sign-in ended, when the server drops the socket after a sign-out', async () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(1) });
		const result = conn.send({ type: 'exercise.pause' });
		const message = 'Your sign-in has ended; sign in again.';
		socket.take('exercise:command').reply(null, { error: { code: 'auth/required', message } });
		socket.connected = false;
		socket.fire('disconnect', 'io server disconnect');
		expect(await result).toMatchObject({ status: 'failed', error: { code: 'auth/required' } });
		expect(conn.status).toBe('closed');
		expect(conn.statusError).toEqual({ code: 'auth/required', message });
		conn.destroy();
	});

	it('merges presence changes into the list it got on sync', () => {
		const { socket, conn } = setup();
		socket.take('exercise:sync').reply(null, { data: viewMessage(1) });
		const ana = { participantId: 'a', name: 'Ana', teamId: 'soc', connected: true };
		const lee = { participantId: 'l', name: 'Lee', teamId: null, connected: false };
		socket.fire('exercise:presence', { exerciseId: 'ex1', members: [ana, lee] });
		socket.fire('exercise:presence-change', {
			exerciseId: 'ex1',
			members: [
				{ ...lee, teamId: 'legal', connected: true },
				{ participantId: 'n', name: 'Noor', teamId: 'soc', connected: true }
			]
		});
		expect(conn.presence.map((m) => [m.name, m.teamId, m.connected])).toEqual([
			['Ana', 'soc', true],
			['Lee', 'legal', true],
			['Noor', 'soc', true]
		]);
		conn.destroy();
	});

	it('asks again when the server answers that the exercise is still being restored', () => {
		vi.useFakeTimers();
		try {
			const { socket, conn } = setup();
			const restoring = { code: 'exercise/restoring', message: 'Being restored.' };
			socket.take('exercise:sync').reply(null, { error: restoring });
			expect(conn.status).toBe('syncing');
			vi.advanceTimersByTime(1000);
			socket.take('exercise:sync').reply(null, { data: viewMessage(4) });
			expect(conn.status).toBe('online');
			conn.destroy();
		} finally {
			vi.useRealTimers();
		}
	});
});
