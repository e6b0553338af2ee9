import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ack, ViewMessage } from '$lib/realtime/contract';
import { testTargets, type TestDatabase } from '../db/test-targets';
import {
	facilitatorCookie,
	fakeRequest,
	manualClock,
	serviceErrorCode,
	startServer,
	type ManualClock,
	type TestServer,
	type TestSocket
} from '../testing/harness';
import { INVITE_TTL_MS } from './accounts';
import type { Facilitator } from './sessions';

const PASSWORD = 'orbit lantern meadow';
const sync = (s: TestSocket, exerciseId: string) =>
	s.timeout(5000).emitWithAck('exercise:sync', { exerciseId }) as Promise<Ack<ViewMessage>>;
const tokenOf = (link: string) => new URL(link).pathname.split('/').pop()!;

describe('account administration', () => {
	let db: TestDatabase;
	let clock: ManualClock;
	let server: TestServer;
	let admin: Facilitator;

	beforeEach(async () => {
		db = await testTargets[0].create();
		clock = manualClock();
		server = await startServer(db, clock);
		const { cookie } = await facilitatorCookie(server.app);
		admin = (await server.app.sessions.byToken(cookie.split('=')[1]))!;
	});
	afterEach(async () => {
		await server.close();
		await db.drop();
	});

	async function invited(roles: string[], username = 'lee'): Promise<{ user: Facilitator; cookie: string }> {
		const { link } = await server.app.accounts.invite(fakeRequest(), admin, { label: 'Lee (SOC)', roles });
		const req = fakeRequest();
		const user = await server.app.accounts.acceptInvite(req, tokenOf(link), {
			name: 'Lee Okafor',
			username,
			password: PASSWORD
		});
		return { user, cookie: `sb_session=${req.jar.get('sb_session')}` };
	}

	it('makes the first account administrator, scenario author and facilitator', () => {
		expect(admin.roles).toEqual(['administrator', 'author', 'facilitator']);
	});

	it('creates an account from an invitation with its roles, once, and records both steps', async () => {
		const { link, expiresAt } = await server.app.accounts.invite(fakeRequest(), admin, {
			label: 'Lee (SOC)',
			roles: ['facilitator', 'evaluator']
		});
		expect(link).toMatch(/^http:\/\/127\.0\.0\.1\/invite\/[A-Za-z0-9_-]{43}$/);
		expect(expiresAt.getTime()).toBe(clock.now() + INVITE_TTL_MS);
		const user = await server.app.accounts.acceptInvite(fakeRequest(), tokenOf(link), {
			name: 'Lee Okafor',
			username: 'lee',
			password: PASSWORD
		});
		expect(user.roles).toEqual(['facilitator', 'evaluator']);
		const again = server.app.accounts.acceptInvite(fakeRequest(), tokenOf(link), {
			name: 'Someone',
			username: 'someone',
			password: PASSWORD
		});
		expect(await serviceErrorCode(again)).toBe('invite/closed');
		const log = await server.app.audit.page({}, 1);
		expect(log.entries.map((e) => [e.action, e.actorName, e.target])).toEqual([
			['auth.sign_in', 'Lee Okafor', 'lee'],
			['account.created', 'Lee Okafor', 'lee'],
			['account.invite', 'Dana Facilitator', 'Lee (SOC)'],
			['auth.setup', 'Dana Facilitator', 'dana']
		]);
	});

	it('refuses an expired or revoked invitation, a weak password and a role that does not exist', async () => {
		const { link } = await server.app.accounts.invite(fakeRequest(), admin, {
			label: 'Late',
			roles: ['evaluator']
		});
		clock.advance(INVITE_TTL_MS);
		expect(await server.app.accounts.openInvite(tokenOf(link))).toBeNull();
		const second = await server.app.accounts.invite(fakeRequest(), admin, {
			label: 'Kim',
			roles: ['author']
		});
		const weak = server.app.accounts.acceptInvite(fakeRequest(), tokenOf(second.link), {
			name: 'Kim',
			username: 'kim',
			password: 'password'
		});
		expect(await serviceErrorCode(weak)).toBe('password/weak');
		const invite = (await server.app.accounts.overview(admin)).invites.find((i) => i.label === 'Kim')!;
		await server.app.accounts.revokeInvite(fakeRequest(), admin, invite.id);
		expect(await server.app.accounts.openInvite(tokenOf(second.link))).toBeNull();
		const unknown = server.app.accounts.invite(fakeRequest(), admin, { label: 'X', roles: ['root'] });
		await expect(unknown).rejects.toThrow(
			'Unknown role "root": use administrator, author, facilitator, evaluator.'
		);
	});

	it('lets only an administrator manage accounts', async () => {
		const { user } = await invited(['facilitator']);
		expect(await serviceErrorCode(server.app.accounts.overview(user))).toBe('auth/forbidden');
		expect(
			await serviceErrorCode(
				server.app.accounts.setRoles(fakeRequest(), user, user.userId, ['administrator'])
			)
		).toBe('auth/forbidden');
	});

	it('keeps at least one enabled administrator and never lets an administrator disable themselves', async () => {
		expect(
			await serviceErrorCode(
				server.app.accounts.setRoles(fakeRequest(), admin, admin.userId, ['facilitator'])
			)
		).toBe('account/last_administrator');
		expect(
			await serviceErrorCode(server.app.accounts.setDisabled(fakeRequest(), admin, admin.userId, true))
		).toBe('account/self');
		const { user } = await invited(['administrator']);
		expect(await server.app.accounts.setRoles(fakeRequest(), admin, admin.userId, ['facilitator'])).toEqual([
			'facilitator'
		]);
		const entry = (await server.app.audit.page({ action: 'account.roles' }, 1)).entries[0];
		expect(entry.detail).toEqual({
			before: ['administrator', 'author', 'facilitator'],
			after: ['facilitator']
		});
		expect(user.roles).toEqual(['administrator']);
	});

	it('disabling an account ends its sessions and closes its open console sockets; enabling lets it sign in again', async () => {
		const { user, cookie } = await invited(['facilitator']);
		const { id: exerciseId } = await server.app.exercises.create(user, {
			scenarioId: 'server-drill',
			organisation: 'Northwind Telecom',
			teams: ['soc', 'legal']
		});
		const socket = await server.client(cookie);
		expect('data' in (await sync(socket, exerciseId))).toBe(true);
		const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
		await server.app.accounts.setDisabled(fakeRequest(), admin, user.userId, true);
		expect(await closed).toBe('io server disconnect');
		expect(await server.app.sessions.byToken(cookie.split('=')[1])).toBeNull();
		const refused = server.app.sessions.login(fakeRequest(), { username: 'lee', password: PASSWORD });
		expect(await serviceErrorCode(refused)).toBe('auth/disabled');
		await server.app.accounts.setDisabled(fakeRequest(), admin, user.userId, false);
		const back = await server.app.sessions.login(fakeRequest(), { username: 'lee', password: PASSWORD });
		expect(back.userId).toBe(user.userId);
		const actions = (await server.app.audit.page({ action: 'account.' }, 1)).entries.map((e) => e.action);
		expect(actions.slice(0, 2)).toEqual(['account.enabled', 'account.disabled']);
	});

	it('records exercise lifecycle commands in the audit log by the time they are acknowledged', async () => {
		const { user, cookie } = await invited(['facilitator']);
		const { id: exerciseId } = await server.app.exercises.create(user, {
			scenarioId: 'server-drill',
			name: 'Thursday drill',
			organisation: 'Northwind Telecom',
			teams: ['soc', 'legal']
		});
		const socket = await server.client(cookie);
		await sync(socket, exerciseId);
		const started = await socket.timeout(5000).emitWithAck('exercise:command', {
			exerciseId,
			key: 'start-key-1',
			command: { type: 'exercise.start' }
		});
		expect(started).toEqual({ data: expect.anything() });
		const [entry] = (await server.app.audit.page({ action: 'exercise.command' }, 1)).entries;
		expect(entry).toMatchObject({
			actorId: user.userId,
			actorName: 'Lee Okafor',
			detail: { command: 'exercise.start' }
		});
		expect(entry.target).toBe('Thursday drill');
	});

	it('lists live sessions and ends one, closing its sockets', async () => {
		const { user, cookie } = await invited(['facilitator']);
		const { sessions } = await server.app.accounts.overview(admin);
		const row = sessions.find((s) => s.username === 'lee')!;
		expect(row).toMatchObject({ account: 'Lee Okafor', method: 'Invitation', current: false });
		expect(sessions.find((s) => s.username === 'dana')?.current).toBe(true);
		const socket = await server.client(cookie);
		const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
		await server.app.accounts.endSession(fakeRequest(), admin, row.id);
		expect(await closed).toBe('io server disconnect');
		expect(await server.app.sessions.bySessionId(user.sessionId)).toBeNull();
		expect(await serviceErrorCode(server.app.accounts.endSession(fakeRequest(), admin, row.id))).toBe(
			'session/not_found'
		);
	});
});
