import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeRequest, manualClock, serviceErrorCode, startApp, type ManualClock } from '../testing/harness';
import type { App } from '../app';

const VENUE = '203.0.113.50';
const atVenue = () => fakeRequest('http://127.0.0.1/', VENUE);

describe('joining limits', () => {
	let app: App;
	let close: () => Promise<void>;
	let clock: ManualClock;
	let codes: { id: string; joinCode: string; staffCode: string };

	beforeEach(async () => {
		clock = manualClock();
		({ app, close } = await startApp(clock));
		const f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
		codes = await app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind',
			teams: ['soc', 'legal']
		});
	});
	afterEach(() => close());

	it('stops 1,000 joins with the correct code from one address well short of 1,000 seats', async () => {
		const outcomes: Record<string, number> = {};
		for (let i = 0; i < 1000; i++) {
			const code = await serviceErrorCode(
				app.seats.join(atVenue(), { code: codes.joinCode, name: `Bot ${i}`, teamId: 'soc' })
			).catch(() => 'ok');
			outcomes[code] = (outcomes[code] ?? 0) + 1;
		}
		expect(outcomes.ok).toBe(120);
		expect(outcomes['join/rate_limited']).toBe(880);
		expect((await app.store.seats.listForExercise(codes.id)).length).toBe(120);
	});

	it('caps the seats of an exercise at its seat limit, with a message saying so', async () => {
		const f = (await app.sessions.login(fakeRequest(), {
			username: 'dana',
			password: 'correct horse battery'
		}))!;
		const small = await app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind',
			teams: ['soc'],
			seatLimit: 3
		});
		for (let i = 0; i < 3; i++) {
			await app.seats.join(fakeRequest('http://127.0.0.1/', `198.51.100.${i}`), {
				code: small.joinCode,
				name: `P${i}`,
				teamId: 'soc'
			});
		}
		const full = await app.seats
			.joinStaff(fakeRequest(), { code: small.staffCode, name: 'Olu', role: 'observer' })
			.catch((e) => e);
		expect(full.code).toBe('join/full');
		expect(full.message).toBe(
			'This exercise is full (3 seats). Ask the facilitator to raise its seat limit.'
		);
	});

	it('uses the default seat limit of 200 when the form names none', async () => {
		expect((await app.store.exercises.get(codes.id))?.seatLimit).toBe(200);
	});

	it('does not lock a venue out after a few typos: a correct code still joins from the same address', async () => {
		for (let i = 0; i < 10; i++) {
			expect(await serviceErrorCode(app.seats.lookup(atVenue(), 'WRONG-CODE-0'))).toBe('join/unknown_code');
		}
		const seat = await app.seats.join(atVenue(), { code: codes.joinCode, name: 'Late Larry', teamId: 'soc' });
		expect(seat.name).toBe('Late Larry');
	});

	it('slows an address guessing codes for a minute after 30 wrong ones', async () => {
		for (let i = 0; i < 30; i++) await serviceErrorCode(app.seats.lookup(atVenue(), 'WRONG-CODE-0'));
		expect(await serviceErrorCode(app.seats.lookup(atVenue(), codes.joinCode))).toBe('join/rate_limited');
		clock.advance(60_000);
		expect((await app.seats.lookup(atVenue(), codes.joinCode)).exerciseId).toBe(codes.id);
	});
});
