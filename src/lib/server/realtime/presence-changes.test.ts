import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ack, ViewMessage } from '$lib/realtime/contract';
import { testTargets, type TestDatabase } from '../db/test-targets';
import {
	facilitatorCookie,
	fakeRequest,
	manualClock,
	nextEvent,
	startServer,
	type TestServer,
	type TestSocket
} from '../testing/harness';

const sync = (s: TestSocket, exerciseId: string) =>
	s.timeout(5000).emitWithAck('exercise:sync', { exerciseId }) as Promise<Ack<ViewMessage>>;

describe.each(testTargets.slice(0, 1))('presence on $name', (target) => {
	let db: TestDatabase;
	let server: TestServer;
	let exerciseId: string;
	let joinCode: string;
	let cookie: string;

	beforeAll(async () => (db = await target.create()));
	afterAll(() => db.drop());
	beforeEach(async () => {
		server = await startServer(db, manualClock());
		({ cookie } = await facilitatorCookie(server.app));
		const f = (await server.app.sessions.byToken(cookie.split('=')[1]))!;
		({ id: exerciseId, joinCode } = await server.app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind',
			teams: ['soc', 'legal']
		}));
	});
	afterEach(() => server.close());

	async function connectParticipant(name: string, address: string): Promise<TestSocket> {
		const req = fakeRequest('http://127.0.0.1/', address);
		await server.app.seats.join(req, { code: joinCode, name, teamId: 'soc' });
		const s = await server.client(`sb_seat=${req.jar.get('sb_seat')}`);
		await sync(s, exerciseId);
		return s;
	}

	it('sends staff the whole list once on sync, then only the members that changed', async () => {
		for (let i = 0; i < 40; i++)
			await connectParticipant(`Person ${i} with a long display name`, `10.1.0.${i}`);
		const staff = await server.client(cookie);
		const snapshot = nextEvent(staff, 'exercise:presence');
		await sync(staff, exerciseId);
		expect((await snapshot).members).toHaveLength(40);

		const full: number[] = [];
		staff.on('exercise:presence', (m) => full.push(m.members.length));
		const change = nextEvent(staff, 'exercise:presence-change', (m) =>
			m.members.some((x) => x.name === 'Newcomer')
		);
		await connectParticipant('Newcomer', '10.2.0.1');
		const msg = await change;
		// Only the newcomer (and at most a straggler from the previous burst), not the room of 41.
		expect(msg.members.find((m) => m.name === 'Newcomer')?.connected).toBe(true);
		expect(msg.members.length).toBeLessThanOrEqual(2);
		expect(JSON.stringify(msg).length).toBeLessThan(400);
		expect(full).toEqual([]);
	});
});
