import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeRequest, serviceErrorCode, startApp } from '../testing/harness';
import type { App } from '../app';

const code = serviceErrorCode;

describe('seats service', () => {
	let app: App;
	let close: () => Promise<void>;
	let codes: { id: string; joinCode: string; staffCode: string };

	beforeEach(async () => {
		({ app, close } = await startApp());
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

	it('describes the exercise and its teams for a join code typed in lower case with spaces', async () => {
		const info = await app.seats.lookup(fakeRequest(), codes.joinCode.toLowerCase().replace(/-/g, ' '));
		expect(info).toMatchObject({ exerciseId: codes.id, kind: 'participant', organisation: 'Northwind' });
		expect(info.teams.map((t) => t.id)).toEqual(['soc', 'legal']);
	});

	it('seats a participant in a team and finds the seat again from the cookie', async () => {
		const req = fakeRequest();
		const seat = await app.seats.join(req, { code: codes.joinCode, name: ' Ana ', teamId: 'soc' });
		expect(seat).toMatchObject({ name: 'Ana', kind: 'participant', teamId: 'soc', exerciseId: codes.id });
		expect(await app.seats.current(req)).toEqual(seat);
	});

	it('seats a participant without a team to wait for the facilitator, then places them', async () => {
		const req = fakeRequest();
		const seat = await app.seats.join(req, { code: codes.joinCode, name: 'Kai', teamId: null });
		expect(seat).toMatchObject({ name: 'Kai', kind: 'participant', teamId: null });
		expect((await app.seats.members(codes.id)).find((m) => m.name === 'Kai')?.teamId).toBeNull();
		await app.seats.assign(codes.id, seat.seatId, 'legal');
		expect((await app.seats.current(req))?.teamId).toBe('legal');
	});

	it('answers an unknown code with join/unknown_code and locks out after repeated failures', async () => {
		expect(await code(app.seats.lookup(fakeRequest(), 'ZZZZ-ZZZZ-ZZ'))).toBe('join/unknown_code');
		for (let i = 0; i < 29; i++) await code(app.seats.lookup(fakeRequest(), 'ZZZZ-ZZZZ-ZZ'));
		expect(await code(app.seats.lookup(fakeRequest(), codes.joinCode))).toBe('join/rate_limited');
	});

	it('refuses a team that is not in the exercise', async () => {
		expect(
			await code(app.seats.join(fakeRequest(), { code: codes.joinCode, name: 'Ana', teamId: 'comms' }))
		).toBe('team/not_in_exercise');
	});

	it('seats observers and evaluators only with the staff code', async () => {
		expect(
			await code(app.seats.joinStaff(fakeRequest(), { code: codes.joinCode, name: 'Oli', role: 'observer' }))
		).toBe('form/invalid');
		const seat = await app.seats.joinStaff(fakeRequest(), {
			code: codes.staffCode,
			name: 'Eve',
			role: 'evaluator'
		});
		expect(seat).toMatchObject({ kind: 'evaluator', teamId: null });
	});

	it('refuses an empty display name', async () => {
		expect(
			await code(app.seats.join(fakeRequest(), { code: codes.joinCode, name: '   ', teamId: 'soc' }))
		).toBe('form/invalid');
	});
});
