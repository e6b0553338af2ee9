import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ack, ViewMessage, WireCommand } from '$lib/realtime/contract';
import { SESSION_MAX_AGE_S } from '../cookies';
import { testTargets, type TestDatabase } from '../db/test-targets';
import {
	facilitatorCookie,
	fakeRequest,
	manualClock,
	newKey,
	startServer,
	type ManualClock,
	type TestServer,
	type TestSocket
} from '../testing/harness';

type CommandAck = Ack<{ version: number; duplicate: boolean }>;

const sync = (s: TestSocket, exerciseId: string) =>
	s.timeout(5000).emitWithAck('exercise:sync', { exerciseId }) as Promise<Ack<ViewMessage>>;
const send = (s: TestSocket, exerciseId: string, command: WireCommand) =>
	s
		.timeout(5000)
		.emitWithAck('exercise:command', { exerciseId, key: newKey(), command }) as Promise<CommandAck>;
const disconnected = (s: TestSocket) =>
	new Promise<string>((resolve) => (s.connected ? s.once('disconnect', resolve) : resolve('already')));

describe.each(testTargets.slice(0, 1))('a session that ends, on $name', (target) => {
	let db: TestDatabase;
	let clock: ManualClock;
	let server: TestServer;
	let cookie: string;
	let exerciseId: string;

	beforeAll(async () => (db = await target.create()));
	afterAll(() => db.drop());
	beforeEach(async () => {
		clock = manualClock();
		server = await startServer(db, clock);
		if (await server.app.sessions.needsSetup()) ({ cookie } = await facilitatorCookie(server.app));
		else {
			const req = fakeRequest();
			await server.app.sessions.login(req, { username: 'dana', password: 'correct horse battery' });
			cookie = `sb_session=${req.jar.get('sb_session')}`;
		}
		const f = (await server.app.sessions.byToken(cookie.split('=')[1]))!;
		({ id: exerciseId } = await server.app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind Telecom',
			teams: ['soc', 'legal']
		}));
	});
	afterEach(() => server.close());

	async function openConsole(): Promise<TestSocket> {
		const s = await server.client(cookie);
		const synced = await sync(s, exerciseId);
		if ('error' in synced) throw new Error(synced.error.message);
		const started = await send(s, exerciseId, { type: 'exercise.start' });
		if ('error' in started) throw new Error(started.error.message);
		return s;
	}

	function logoutRequest() {
		const req = fakeRequest();
		req.jar.set('sb_session', cookie.split('=')[1]);
		return req;
	}

	it('disconnects the console sockets opened before logout, so note.add, pause and resume no longer run', async () => {
		const socket = await openConsole();
		const closed = disconnected(socket);
		await server.app.sessions.logout(logoutRequest());
		expect(await closed).toBe('io server disconnect');
		const host = await server.app.hosts.get(exerciseId);
		const before = host.version;
		for (const command of [
			{ type: 'note.add', text: 'after logout' },
			{ type: 'exercise.pause' },
			{ type: 'exercise.resume' }
		] as WireCommand[]) {
			socket.emit('exercise:command', { exerciseId, key: newKey(), command }, () => {});
		}
		await host.idle();
		expect(host.version).toBe(before);
		expect(host.lifecycle).toBe('running');
	});

	it('refuses a privileged command once the session has expired, and drops the socket', async () => {
		const socket = await openConsole();
		clock.advance(SESSION_MAX_AGE_S * 1000 + 1);
		const closed = disconnected(socket);
		const refused = await send(socket, exerciseId, { type: 'exercise.pause' });
		expect('error' in refused && refused.error.code).toBe('auth/required');
		expect(await closed).toBe('io server disconnect');
		expect((await server.app.hosts.get(exerciseId)).lifecycle).toBe('running');
	});

	it('disconnects an idle console socket whose session expired at the next sweep', async () => {
		const socket = await openConsole();
		const closed = disconnected(socket);
		await server.app.realtime()!.sweepSessions();
		expect(socket.connected).toBe(true);
		clock.advance(SESSION_MAX_AGE_S * 1000 + 1);
		await server.app.realtime()!.sweepSessions();
		expect(await closed).toBe('io server disconnect');
	});

	it('stops privileged commands on an open console once the account loses the facilitator role', async () => {
		const socket = await openConsole();
		const f = (await server.app.sessions.byToken(cookie.split('=')[1]))!;
		await server.app.store.users.setRoles(
			f.userId,
			f.roles.filter((r) => r !== 'facilitator')
		);
		const refused = await send(socket, exerciseId, { type: 'exercise.pause' });
		expect('error' in refused && refused.error.code).toBe('auth/required');
		expect((await server.app.hosts.get(exerciseId)).lifecycle).toBe('running');
		// A new console socket is not let in at all.
		await expect(server.client(cookie)).rejects.toThrow('auth/required');
	});
});
