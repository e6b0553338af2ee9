import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireTeamView } from '$lib/realtime/wire-view';
import type { Ack, ViewMessage, WireCommand } from '$lib/realtime/contract';
import { testTargets, type TestDatabase } from '../db/test-targets';
import {
	facilitatorCookie,
	fakeRequest,
	manualClock,
	newKey,
	nextView,
	participantCookie,
	startServer,
	type TestServer,
	type TestSocket
} from '../testing/harness';

type CommandAck = Ack<{ version: number; duplicate: boolean }>;
const sync = (s: TestSocket, exerciseId: string) =>
	s.timeout(5000).emitWithAck('exercise:sync', { exerciseId }) as Promise<Ack<ViewMessage>>;
const send = (s: TestSocket, exerciseId: string, command: WireCommand, key: string) =>
	s.timeout(5000).emitWithAck('exercise:command', { exerciseId, key, command }) as Promise<CommandAck>;
const code = (ack: CommandAck) => ('error' in ack ? ack.error.code : 'ok');

describe.each(testTargets)('idempotency keys on $name', (target) => {
	let db: TestDatabase;
	let server: TestServer;
	let facilitator: TestSocket;
	let participant: TestSocket;
	let exerciseId: string;

	beforeAll(async () => (db = await target.create()));
	afterAll(() => db.drop());
	beforeEach(async () => {
		server = await startServer(db, manualClock());
		let cookie: string;
		if (await server.app.sessions.needsSetup()) ({ cookie } = await facilitatorCookie(server.app));
		else {
			const req = fakeRequest();
			await server.app.sessions.login(req, { username: 'dana', password: 'correct horse battery' });
			cookie = `sb_session=${req.jar.get('sb_session')}`;
		}
		const f = (await server.app.sessions.byToken(cookie.split('=')[1]))!;
		const created = await server.app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind',
			teams: ['soc', 'legal']
		});
		exerciseId = created.id;
		facilitator = await server.client(cookie);
		await sync(facilitator, exerciseId);
		participant = await server.client(
			(await participantCookie(server.app, created.joinCode, 'Ana', 'soc')).cookie
		);
		await sync(participant, exerciseId);
	});
	afterEach(() => server.close());

	it('answers a participant’s forbidden command under a key someone else used as forbidden, not duplicate', async () => {
		const key = newKey();
		expect(code(await send(facilitator, exerciseId, { type: 'note.add', text: 'mine' }, key))).toBe('ok');
		expect(code(await send(participant, exerciseId, { type: 'exercise.start' }, key))).toBe(
			'command/forbidden'
		);
	});

	it('stores an answer sent under a key another sender already used', async () => {
		const key = newKey();
		const delivered = nextView(participant, (m) => (m.view as WireTeamView).decisions?.length > 0);
		expect(code(await send(facilitator, exerciseId, { type: 'exercise.start' }, key))).toBe('ok');
		await delivered;
		const answer: WireCommand = {
			type: 'answer.submit',
			decisionId: 'd-first',
			answer: { type: 'single', option: 'hunt' }
		};
		const ack = await send(participant, exerciseId, answer, key);
		expect(ack).toMatchObject({ data: { duplicate: false } });
		const host = await server.app.hosts.get(exerciseId);
		expect(host.state.answers.soc?.['d-first']).toBeDefined();
	});

	it('answers a retried key carrying a different command as a conflict, and the same command as a duplicate', async () => {
		const key = newKey();
		const first = await send(facilitator, exerciseId, { type: 'note.add', text: 'one' }, key);
		expect(code(first)).toBe('ok');
		expect(code(await send(facilitator, exerciseId, { type: 'note.add', text: 'two' }, key))).toBe(
			'command/key_conflict'
		);
		expect(await send(facilitator, exerciseId, { type: 'note.add', text: 'one' }, key)).toEqual({
			data: { version: 'data' in first ? first.data.version : -1, duplicate: true }
		});
	});
});
