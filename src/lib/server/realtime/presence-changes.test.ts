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
		await connectParticipant('Early Bird', '10.0.0.1');
		const staff = await server.client(cookie);
		const snapshot = nextEvent(staff, 'exercise:presence');
		await sync(staff, exerciseId);
		expect((await snapshot).members.map((m) => m.name)).toEqual(['Early Bird']);

		const full: number[] = [];
		staff.on('exercise:presence', (m) => full.push(m.members.length));
		const changes: string[][] = [];
		staff.on('exercise:presence-change', (m) =>
			changes.push(m.members.filter((x) => x.connected).map((x) => x.name))
		);
		for (let i = 0; i < 40; i++) await connectParticipant(`Person ${i}`, `10.1.0.${i}`);
		// Every change of the room before Person 39 has been announced by the time Person 39's is.
		await expect.poll(() => changes.flat(), { timeout: 60_000 }).toContain('Person 39');

		const change = nextEvent(staff, 'exercise:presence-change', (m) =>
			m.members.some((x) => x.name === 'Newcomer')
		);
		await connectParticipant('Newcomer', '10.2.0.1');
		const msg = await change;
		expect(msg.members.map((m) => [m.name, m.connected])).toEqual([['Newcomer', true]]);
		expect(JSON.stringify(msg).length).toBeLessThan(300);
		expect(full).toEqual([]);
	});
});
