import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireTeamView } from '$lib/realtime/wire-view';
import type { Ack, ViewMessage } from '$lib/realtime/contract';
import { testTargets, type TestDatabase } from '../db/test-targets';
import { fakeRequest, manualClock, newKey, nextView, startServer, type TestServer } from '../testing/harness';

const sqlite = testTargets.find((t) => t.name === 'sqlite')!;

describe('a participant who joined without a team', () => {
	let db: TestDatabase;
	let server: TestServer;
	let exerciseId: string;
	let joinCode: string;
	let facCookie: string;

	beforeAll(async () => {
		db = await sqlite.create();
	});
	afterAll(() => db.drop());
	beforeEach(async () => {
		server = await startServer(db, manualClock());
		const req = fakeRequest();
		const f = await server.app.sessions.setup(req, {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
		facCookie = `sb_session=${req.jar.get('sb_session')}`;
		({ id: exerciseId, joinCode } = await server.app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind Telecom',
			teams: ['soc', 'legal']
		}));
	});
	afterEach(() => server.close());

	it('gets no view while waiting, then its team view pushed as soon as the facilitator places it', async () => {
		const req = fakeRequest();
		const seat = await server.app.seats.join(req, { code: joinCode, name: 'Kai', teamId: null });
		const waiting = await server.client(`sb_seat=${req.jar.get('sb_seat')}`);
		const refused = (await waiting
			.timeout(5000)
			.emitWithAck('exercise:sync', { exerciseId })) as Ack<ViewMessage>;
		expect('error' in refused).toBe(true);

		const f = await server.client(facCookie);
		await f.timeout(5000).emitWithAck('exercise:sync', { exerciseId });
		const placed = nextView(waiting);
		const ack = await f.timeout(5000).emitWithAck('exercise:command', {
			exerciseId,
			key: newKey(),
			command: { type: 'participant.assign', participantId: seat.seatId, teamId: 'legal' }
		});
		expect('data' in ack).toBe(true);
		expect(((await placed).view as WireTeamView).team.id).toBe('legal');
	});
});
