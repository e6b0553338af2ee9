import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../engine/types';
import { hashToken, newToken } from '../auth/tokens';
import {
	openStore,
	StoreError,
	type ExerciseRecord,
	type ScheduledEvent,
	type Store,
	type StoreErrorCode
} from './index';
import { TEST_DATABASE_URL, testTargets, type TestDatabase } from './test-targets';

if (!TEST_DATABASE_URL) {
	console.warn(
		'PostgreSQL store contract not run: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).'
	);
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
	const error = await promise.then(
		() => new Error('expected a rejection'),
		(e: unknown) => e
	);
	if (!(error instanceof StoreError)) throw error;
	return error;
}

async function expectCode(promise: Promise<unknown>, code: StoreErrorCode): Promise<StoreError> {
	const error = await rejection(promise);
	expect(error.code).toBe(code);
	return error;
}

let serial = 0;

function input(seq: number, key = `k-${seq}`, at = 1_700_000_000_000 + seq * 1000): Input {
	return {
		seq,
		at,
		key,
		actor: { role: 'facilitator', userId: 'u-1', name: 'Dana' },
		command:
			seq === 1
				? { type: 'exercise.start' }
				: { type: 'note.add', noteId: `n-${seq}`, text: `Note ${seq} — “ok”` }
	};
}

describe.each(testTargets)('store contract on $name', (target) => {
	let database: TestDatabase;
	let store: Store;
	let userId: string;

	async function exercise(orgName = 'Northwind Telecom'): Promise<ExerciseRecord> {
		serial += 1;
		return store.exercises.create({
			scenarioId: 'salt-typhoon',
			scenarioVersion: '1.0.0',
			scenarioSource: 'id: salt-typhoon\ntitle: Salt Typhoon\n',
			title: `Exercise ${serial}`,
			name: `Run ${serial}`,
			orgName,
			config: { teams: ['soc', 'legal'], compression: 30, variables: { org: orgName } },
			createdBy: userId
		});
	}

	beforeAll(async () => {
		database = await target.create();
		store = await openStore(database.url);
		const user = await store.users.create({
			username: 'Facilitator',
			displayName: 'Dana',
			passwordHash: 'scrypt$x'
		});
		userId = user.id;
	});

	afterAll(async () => {
		await store?.close();
		await database?.drop();
	});

	it('migrates a fresh database and opens it again without re-running migrations', async () => {
		const again = await openStore(database.url);
		expect(again.dialect).toBe(target.name);
		expect(await again.users.count()).toBe(1);
		await again.close();
	});

	it('finds users by username whatever its case and refuses a taken username', async () => {
		expect((await store.users.byUsername('  FACILITATOR '))?.id).toBe(userId);
		expect((await store.users.byId(userId))?.displayName).toBe('Dana');
		await expectCode(
			store.users.create({ username: 'facilitator', displayName: 'Other', passwordHash: 'h' }),
			'user/username_taken'
		);
	});

	it('returns a session with its user only until it expires, and purges expired ones', async () => {
		const live = hashToken(newToken());
		const stale = hashToken(newToken());
		const now = new Date('2025-01-01T12:00:00Z');
		await store.sessions.create({ id: live, userId, expiresAt: new Date(now.getTime() + 60_000) });
		await store.sessions.create({ id: stale, userId, expiresAt: new Date(now.getTime() - 1) });
		const found = await store.sessions.getValid(live, now);
		expect(found?.user.username).toBe('facilitator');
		expect(found?.session.expiresAt.getTime()).toBe(now.getTime() + 60_000);
		expect(await store.sessions.getValid(live, new Date(now.getTime() + 60_000))).toBeNull();
		expect(await store.sessions.getValid(stale, now)).toBeNull();
		expect(await store.sessions.purgeExpired(now)).toBe(1);
		expect(await store.sessions.renew(live, new Date(now.getTime() + 120_000))).toBe(true);
		expect(await store.sessions.getValid(live, new Date(now.getTime() + 90_000))).not.toBeNull();
		await store.sessions.delete(live);
		expect(await store.sessions.getValid(live, now)).toBeNull();
	});

	it('creates an exercise with its id in the config and two distinct canonical codes', async () => {
		const created = await exercise();
		expect(created.config.exerciseId).toBe(created.id);
		expect(created.joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
		expect(created.staffCode).not.toBe(created.joinCode);
		expect(created.lifecycle).toBe('lobby');
		expect(await store.exercises.get(created.id)).toEqual(created);
	});

	it('finds an exercise by a join or staff code typed loosely, and says which it was', async () => {
		const created = await exercise();
		const typed = `${created.joinCode.slice(0, 4).toLowerCase()} - ${created.joinCode.slice(4)}`;
		expect((await store.exercises.byJoinCode(typed))?.id).toBe(created.id);
		expect((await store.exercises.byStaffCode(created.staffCode))?.id).toBe(created.id);
		expect(await store.exercises.byJoinCode(created.staffCode)).toBeNull();
		expect(await store.exercises.byAnyCode(created.staffCode)).toMatchObject({ kind: 'staff' });
		expect(await store.exercises.byJoinCode('not a code!')).toBeNull();
	});

	it('refuses a join code already used as a join or staff code by another exercise', async () => {
		const first = await exercise();
		const base = {
			scenarioId: 's',
			scenarioVersion: '1',
			scenarioSource: 'x',
			title: 'Clash',
			name: 'Clash run',
			orgName: 'Org',
			config: { teams: ['soc'], compression: 1, variables: {} },
			createdBy: userId
		};
		await expectCode(store.exercises.create({ ...base, joinCode: first.joinCode }), 'exercise/code_taken');
		await expectCode(store.exercises.create({ ...base, joinCode: first.staffCode }), 'exercise/code_taken');
		const bad = await expectCode(store.exercises.create({ ...base, joinCode: 'SHORT' }), 'exercise/invalid');
		expect(bad.message).toContain('10 characters');
	});

	it('lists exercises newest first with their lifecycle and teams, and tracks which are running', async () => {
		const older = await exercise();
		const newer = await exercise();
		await store.exercises.setLifecycle(older.id, 'ended', 1_700_000_500_000);
		const listed = await store.exercises.list({ createdBy: userId });
		const ids = listed.map((e) => e.id);
		expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
		const olderRow = listed.find((e) => e.id === older.id);
		expect(olderRow).toMatchObject({ lifecycle: 'ended', teams: ['soc', 'legal'] });
		expect(olderRow?.endedAt?.getTime()).toBe(1_700_000_500_000);
		expect(olderRow).not.toHaveProperty('scenarioSource');
		const running = (await store.runningExercises()).map((e) => e.id);
		expect(running).toContain(newer.id);
		expect(running).not.toContain(older.id);
		await expectCode(store.exercises.setLifecycle('missing', 'running'), 'exercise/not_found');
		await expectCode(store.exercises.setLifecycle(newer.id, 'exploded' as never), 'exercise/invalid');
	});

	it('names an exercise, renames it and refuses a blank or overlong name naming the field', async () => {
		const ex = await exercise();
		expect(ex.name).toBe(`Run ${serial}`);
		await store.exercises.rename(ex.id, '  Night shift drill  ');
		expect((await store.exercises.get(ex.id))?.name).toBe('Night shift drill');
		expect((await store.exercises.list()).find((e) => e.id === ex.id)?.name).toBe('Night shift drill');
		const blank = await expectCode(store.exercises.rename(ex.id, '   '), 'exercise/invalid');
		expect(blank.message).toBe('Exercise name must not be empty.');
		const long = await expectCode(store.exercises.rename(ex.id, 'x'.repeat(121)), 'exercise/invalid');
		expect(long.message).toBe('Exercise name must be at most 120 characters.');
		await expectCode(store.exercises.rename('missing', 'Name'), 'exercise/not_found');
	});

	it('keeps seats by token hash, lists them per exercise and moves them between teams', async () => {
		const ex = await exercise();
		const tokenHash = hashToken(newToken());
		const seat = await store.seats.create({
			exerciseId: ex.id,
			role: 'participant',
			name: 'Sam',
			teamId: 'soc',
			tokenHash
		});
		await store.seats.create({
			exerciseId: ex.id,
			role: 'observer',
			name: 'Olu',
			tokenHash: hashToken(newToken())
		});
		expect((await store.seats.byTokenHash(tokenHash))?.id).toBe(seat.id);
		expect((await store.seats.listForExercise(ex.id)).map((s) => [s.name, s.teamId])).toEqual([
			['Sam', 'soc'],
			['Olu', null]
		]);
		expect((await store.seats.setTeam(seat.id, 'legal')).teamId).toBe('legal');
		await store.seats.touch(seat.id, new Date('2030-01-01T00:00:00Z'));
		expect((await store.seats.byId(seat.id))?.lastSeenAt.toISOString()).toBe('2030-01-01T00:00:00.000Z');
		await expectCode(
			store.seats.create({ exerciseId: ex.id, role: 'participant', name: 'X', tokenHash }),
			'seat/token_taken'
		);
		await expectCode(
			store.seats.create({ exerciseId: ex.id, role: 'boss' as never, name: 'X', tokenHash: 'y' }),
			'seat/invalid'
		);
		await expectCode(
			store.seats.create({ exerciseId: 'nope', role: 'observer', name: 'X', tokenHash: 'z' }),
			'exercise/not_found'
		);
	});

	it('stores inputs in order and returns those after a seq with their JSON intact', async () => {
		const ex = await exercise();
		for (let seq = 1; seq <= 5; seq++)
			expect(await store.events.appendInput(ex.id, input(seq), [])).toEqual({ duplicate: false });
		const after = await store.events.inputsAfter(ex.id, 2);
		expect(after.map((i) => i.seq)).toEqual([3, 4, 5]);
		expect(after[0]).toEqual(input(3));
		expect(await store.events.inputsAfter(ex.id, 0)).toHaveLength(5);
		expect(await store.events.lastSeq(ex.id)).toBe(5);
		expect(await store.events.inputByKey(ex.id, 'k-4')).toEqual(input(4));
		expect(await store.events.hasInputKey(ex.id, 'k-9')).toBe(false);
	});

	it('stores a retried key once and reports the seq it was stored under', async () => {
		const ex = await exercise();
		await store.events.appendInput(ex.id, input(1, 'start'), []);
		await store.events.appendInput(ex.id, input(2, 'note'), []);
		expect(await store.events.appendInput(ex.id, input(3, 'start'), [])).toEqual({ duplicate: true, seq: 1 });
		expect(await store.events.inputsAfter(ex.id, 0)).toHaveLength(2);
	});

	it('scopes keys to their sender: the same key from another sender is a new input', async () => {
		const ex = await exercise();
		const by = (seq: number, userId: string) => ({
			...input(seq, 'shared-key'),
			actor: { role: 'participant' as const, userId, teamId: 'soc' }
		});
		expect(await store.events.appendInput(ex.id, by(1, 'seat-a'), [])).toEqual({ duplicate: false });
		expect(await store.events.appendInput(ex.id, by(2, 'seat-b'), [])).toEqual({ duplicate: false });
		expect(await store.events.appendInput(ex.id, by(3, 'seat-a'), [])).toEqual({ duplicate: true, seq: 1 });
		expect((await store.events.inputByKey(ex.id, 'shared-key', 'participant:seat-b'))?.seq).toBe(2);
		expect(await store.events.hasInputKey(ex.id, 'shared-key', 'facilitator:seat-a')).toBe(false);
	});

	it('refuses an input whose seq does not follow the log, naming the expected seq', async () => {
		const ex = await exercise();
		const gap = await expectCode(store.events.appendInput(ex.id, input(2), []), 'event/seq_conflict');
		expect(gap.message).toContain('expects 1');
		await expectCode(store.events.appendInput('missing', input(1), []), 'exercise/not_found');
		const bad = await expectCode(
			store.events.appendInput(ex.id, { ...input(1), key: ' ' }, []),
			'event/invalid'
		);
		expect(bad.message).toContain('Input key');
	});

	it('replaces the scheduled events together with each appended input', async () => {
		const ex = await exercise();
		const first: ScheduledEvent[] = [
			{ itemId: 'inject:b', kind: 'inject', dueScenario: 7_200_000, dueWall: null },
			{ itemId: 'inject:a', kind: 'inject', dueScenario: 3_600_000, dueWall: 1_700_000_120_000 }
		];
		await store.events.appendInput(ex.id, input(1), first);
		expect(await store.events.scheduled(ex.id)).toEqual([first[1], first[0]]);
		const second: ScheduledEvent[] = [
			{ itemId: 'fcc', kind: 'clock', dueScenario: 604_800_000_000, dueWall: null }
		];
		await store.events.appendInput(ex.id, input(2), second);
		expect(await store.events.scheduled(ex.id)).toEqual(second);
		await expectCode(store.events.appendInput(ex.id, input(3), [second[0], second[0]]), 'event/invalid');
		expect(await store.events.scheduled(ex.id)).toEqual(second);
	});

	it('keeps the scheduled events right when an unchanged set is not rewritten, with another store appending too', async () => {
		const ex = await exercise();
		const other = await openStore(database.url);
		try {
			const a: ScheduledEvent[] = [
				{ itemId: 'inject:a', kind: 'inject', dueScenario: 60_000, dueWall: null }
			];
			const b: ScheduledEvent[] = [{ itemId: 'inject:b', kind: 'inject', dueScenario: 120_000, dueWall: 5 }];
			await store.events.appendInput(ex.id, input(1), a);
			a.push(b[0]); // the caller changing its list afterwards changes nothing stored or remembered
			await store.events.appendInput(ex.id, input(2), [a[0]]);
			expect(await store.events.scheduled(ex.id)).toEqual([a[0]]);
			// Another store (connection, node) appends with a different set: this store must not trust its memory.
			await other.events.appendInput(ex.id, input(3), b);
			await store.events.appendInput(ex.id, input(4), [a[0]]);
			expect(await store.events.scheduled(ex.id)).toEqual([a[0]]);
			// A duplicate or a refused input leaves the set alone and does not count as written.
			expect(await store.events.appendInput(ex.id, input(5, 'k-4'), b)).toEqual({ duplicate: true, seq: 4 });
			await expectCode(store.events.appendInput(ex.id, input(7), b), 'event/seq_conflict');
			expect(await store.events.scheduled(ex.id)).toEqual([a[0]]);
			await store.events.appendInput(ex.id, input(5), [a[0]]);
			expect(await store.events.scheduled(ex.id)).toEqual([a[0]]);
			await store.events.appendInput(ex.id, input(6), []);
			expect(await store.events.scheduled(ex.id)).toEqual([]);
			await store.events.appendInput(ex.id, input(7), []);
			expect(await store.events.scheduled(ex.id)).toEqual([]);
			await other.events.appendInput(ex.id, input(8), b);
			await store.events.appendInput(ex.id, input(9), []);
			expect(await store.events.scheduled(ex.id)).toEqual([]);
			const many: ScheduledEvent[] = Array.from({ length: 40 }, (_, i) => ({
				itemId: `inject:${String(i).padStart(2, '0')}`,
				kind: 'inject',
				dueScenario: 1000 * i,
				dueWall: i % 2 ? null : 2000 * i
			}));
			await store.events.appendInput(ex.id, input(10), many.slice(0, 3));
			expect(await store.events.scheduled(ex.id)).toEqual(many.slice(0, 3));
			await store.events.appendInput(ex.id, input(11), many);
			expect(await store.events.scheduled(ex.id)).toEqual(many);
			expect((await store.events.inputsAfter(ex.id, 0)).map((i) => i.seq)).toEqual(
				Array.from({ length: 11 }, (_, i) => i + 1)
			);
		} finally {
			await other.close();
		}
	});

	it('keeps seq unique when many writers append to one exercise at once', async () => {
		const ex = await exercise();
		const contenders = Array.from({ length: 8 }, (_, i) =>
			store.events.appendInput(ex.id, input(1, `race-${i}`), [])
		);
		const outcomes = await Promise.allSettled(contenders);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		for (const o of outcomes)
			if (o.status === 'rejected') expect((o.reason as StoreError).code).toBe('event/seq_conflict');

		// Optimistic writers: read the last seq, try the next one, retry on conflict.
		async function writer(name: string, count: number): Promise<void> {
			for (let i = 0; i < count;) {
				const seq = (await store.events.lastSeq(ex.id)) + 1;
				try {
					await store.events.appendInput(ex.id, input(seq, `${name}-${i}`), []);
					i += 1;
				} catch (e) {
					if (!(e instanceof StoreError && e.code === 'event/seq_conflict')) throw e;
				}
			}
		}
		await Promise.all(['a', 'b', 'c', 'd'].map((name) => writer(name, 5)));
		const log = await store.events.inputsAfter(ex.id, 0);
		expect(log.map((i) => i.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
		expect(new Set(log.map((i) => i.key)).size).toBe(21);
	});

	it('stores a key retried concurrently exactly once', async () => {
		const ex = await exercise();
		const results = await Promise.all(
			Array.from({ length: 6 }, () => store.events.appendInput(ex.id, input(1, 'same'), []))
		);
		expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
		expect(results.filter((r) => r.duplicate)).toEqual(Array(5).fill({ duplicate: true, seq: 1 }));
		expect(await store.events.inputsAfter(ex.id, 0)).toHaveLength(1);
	});

	it('prunes all but the newest snapshots of one exercise', async () => {
		const ex = await exercise();
		const other = await exercise();
		for (const seq of [3, 6, 9, 12]) await store.snapshots.save(ex.id, seq, 'e', `{"v":${seq}}`);
		await store.snapshots.save(other.id, 3, 'e', '{}');
		expect(await store.snapshots.prune(ex.id, 2)).toBe(2);
		expect(await store.snapshots.seqs(ex.id)).toEqual([12, 9]);
		expect(await store.snapshots.seqs(other.id)).toEqual([3]);
		expect(await store.snapshots.prune(other.id, 2)).toBe(0);
	});

	it('returns the latest snapshot, optionally for one engine version, replacing one saved twice', async () => {
		const ex = await exercise();
		expect(await store.snapshots.latest(ex.id)).toBeNull();
		await store.snapshots.save(ex.id, 5, 'engine-1', '{"version":5}');
		await store.snapshots.save(ex.id, 10, 'engine-2', '{"version":10}');
		await store.snapshots.save(ex.id, 10, 'engine-2', '{"version":10,"again":true}');
		expect(await store.snapshots.latest(ex.id)).toMatchObject({
			seq: 10,
			state: '{"version":10,"again":true}'
		});
		expect(await store.snapshots.latest(ex.id, 'engine-1')).toMatchObject({
			seq: 5,
			engineVersion: 'engine-1'
		});
	});

	it('keeps improvement actions per exercise and lists open ones across an organisation', async () => {
		const first = await exercise('Contoso Mobile');
		const second = await exercise('Contoso Mobile');
		const fields = {
			capability: 'Cybersecurity',
			issue: 'No CALEA audit',
			action: 'Audit LI access',
			owner: 'CISO'
		};
		const a = await store.improvementActions.create(first.id, {
			...fields,
			element: 'planning',
			dueDate: '2025-03-31'
		});
		const b = await store.improvementActions.create(second.id, { ...fields, element: 'training' });
		expect(a).toMatchObject({
			orgName: 'Contoso Mobile',
			status: 'open',
			dueDate: '2025-03-31',
			objectiveId: null
		});
		const done = await store.improvementActions.update(b.id, { status: 'done' });
		expect(done.status).toBe('done');
		expect(done.updatedAt.getTime()).toBeGreaterThanOrEqual(b.updatedAt.getTime());
		expect((await store.improvementActions.listOpenForOrg('Contoso Mobile')).map((x) => x.id)).toEqual([
			a.id
		]);
		expect((await store.improvementActions.listForExercise(second.id)).map((x) => x.id)).toEqual([b.id]);
		const bad = await expectCode(
			store.improvementActions.create(first.id, { ...fields, element: 'vibes' as never }),
			'improvement/invalid'
		);
		expect(bad.message).toContain('Element must be one of planning');
		await expectCode(store.improvementActions.update(a.id, { dueDate: '2025-02-30' }), 'improvement/invalid');
		await expectCode(store.improvementActions.update('missing', { status: 'done' }), 'improvement/not_found');
	});

	it('keeps feedback per exercise and refuses feedback from a seat of another exercise', async () => {
		const ex = await exercise();
		const other = await exercise();
		const seat = await store.seats.create({
			exerciseId: ex.id,
			role: 'participant',
			name: 'Sam',
			teamId: 'soc',
			tokenHash: hashToken(newToken())
		});
		const saved = await store.feedback.add({
			exerciseId: ex.id,
			seatId: seat.id,
			ratings: { realism: 4 },
			comments: { best: 'The FBI call' }
		});
		expect(await store.feedback.list(ex.id)).toEqual([saved]);
		await expectCode(
			store.feedback.add({ exerciseId: other.id, seatId: seat.id, ratings: {}, comments: {} }),
			'seat/not_found'
		);
		const bad = await expectCode(
			store.feedback.add({
				exerciseId: ex.id,
				seatId: seat.id,
				ratings: { realism: 'high' as never },
				comments: {}
			}),
			'feedback/invalid'
		);
		expect(bad.message).toBe('Ratings["realism"] must be a number.');
	});

	it('keeps everything across a restart (close and reopen)', async () => {
		const ex = await exercise();
		await store.events.appendInput(ex.id, input(1), [
			{ itemId: 'x', kind: 'inject', dueScenario: 1, dueWall: 2 }
		]);
		await store.close();
		store = await openStore(database.url);
		expect((await store.exercises.get(ex.id))?.config).toEqual(ex.config);
		expect(await store.events.inputsAfter(ex.id, 0)).toEqual([input(1)]);
		expect(await store.events.scheduled(ex.id)).toHaveLength(1);
		expect(await store.users.count()).toBe(1);
	});
});
