import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import { parseRoleMap, readOidcSettings, rolesFromClaim } from '../auth/oidc-config';
import { openStore } from '../db';
import {
	fakeRequest,
	manualClock,
	serviceErrorCode,
	TEST_SCENARIOS,
	type ManualClock
} from '../testing/harness';
import { followToCallback, startTestIdp, type TestIdp } from '../testing/oidc-provider';
import { OIDC_COOKIE } from './single-sign-on';

const REDIRECT = 'http://127.0.0.1:5999/login/oidc/callback';
const ACCOUNTS = {
	alice: { name: 'Alice Admin', email: 'alice@example.net', roles: ['ttx-admins', 'everyone'] },
	fred: { name: 'Fred Facilitator', roles: ['ttx-staff'] },
	nora: { name: 'Nora Nobody', roles: ['everyone'] }
};

function settings(idp: TestIdp, issuer = idp.issuer) {
	return readOidcSettings({
		OIDC_ISSUER: issuer,
		OIDC_CLIENT_ID: idp.clientId,
		OIDC_CLIENT_SECRET: idp.clientSecret,
		OIDC_REDIRECT_URL: REDIRECT,
		OIDC_PROVIDER_NAME: 'Test IdP',
		OIDC_ROLE_MAP: 'ttx-admins=administrator+facilitator,ttx-staff=facilitator'
	})!;
}

describe('OpenID Connect settings', () => {
	it('reads the role map and refuses an unknown role or a missing variable by name', () => {
		expect([...parseRoleMap('a=administrator+facilitator, b=evaluator')]).toEqual([
			['a', ['administrator', 'facilitator']],
			['b', ['evaluator']]
		]);
		expect(() => parseRoleMap('a=owner')).toThrow(
			'OIDC_ROLE_MAP: unknown role "owner" for "a"; use administrator, author, facilitator, evaluator.'
		);
		expect(() => readOidcSettings({ OIDC_ISSUER: 'https://idp.example' })).toThrow(
			'OIDC_CLIENT_ID must be set when OIDC_ISSUER is.'
		);
		expect(() =>
			readOidcSettings({
				OIDC_ISSUER: 'http://idp.example',
				OIDC_CLIENT_ID: 'x',
				ORIGIN: 'https://sb.example',
				OIDC_ROLE_MAP: 'a=evaluator'
			})
		).toThrow('OIDC_ISSUER must use https (http is accepted only for localhost); got "http://idp.example".');
		expect(readOidcSettings({})).toBeNull();
	});

	it('maps a list or a space-separated claim to roles', () => {
		const map = parseRoleMap('g1=facilitator,g2=evaluator');
		expect(rolesFromClaim(['g2', 'g1', 'other'], map)).toEqual(['facilitator', 'evaluator']);
		expect(rolesFromClaim('g2 other', map)).toEqual(['evaluator']);
		expect(rolesFromClaim(undefined, map)).toEqual([]);
	});
});

describe('single sign-on against a real OpenID Connect provider', () => {
	let idp: TestIdp;
	let app: App;
	let clock: ManualClock;
	let dir: string;

	beforeAll(async () => {
		idp = await startTestIdp({ redirectUri: REDIRECT, accounts: ACCOUNTS });
	});
	afterAll(() => idp.close());
	beforeEach(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'switchboard-sso-'));
		clock = manualClock(Date.now());
		app = createApp({
			store: await openStore(path.join(dir, 'db.sqlite')),
			scenariosDir: TEST_SCENARIOS,
			now: clock.now,
			oidc: settings(idp)
		});
	});
	afterEach(async () => {
		await app.close();
		rmSync(dir, { recursive: true, force: true });
	});

	/** Starts in one browser and comes back from the provider: the callback request, with the browser's cookie. */
	async function signInAt(person: string) {
		idp.signInAs = person;
		const browser = fakeRequest('http://127.0.0.1:5999/login/oidc');
		const authorize = await app.sso!.start(browser, '/exercises');
		expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
		expect(authorize.searchParams.get('state')).toBeTruthy();
		const back = await followToCallback(authorize, REDIRECT);
		const callback = fakeRequest(back.href);
		callback.jar.set(OIDC_COOKIE, browser.jar.get(OIDC_COOKIE)!);
		return { callback, back, cookie: browser.jar.get(OIDC_COOKIE)! };
	}

	it('signs a mapped user in with the roles their group grants, and records it', async () => {
		const { callback } = await signInAt('alice');
		const { user, next } = await app.sso!.finish(callback);
		expect(next).toBe('/exercises');
		expect(user).toMatchObject({
			name: 'Alice Admin',
			username: 'alice',
			roles: ['administrator', 'facilitator']
		});
		expect(callback.jar.get('sb_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect((await app.sessions.byToken(callback.jar.get('sb_session')!))?.userId).toBe(user.userId);
		const stored = await app.store.users.byId(user.userId);
		expect(stored?.externalId).toBe(`${idp.issuer} alice`);
		expect(stored?.passwordHash).toBe('');
		const actions = (await app.audit.page({}, 1)).entries.map((e) => e.action);
		expect(actions).toEqual(['auth.sign_in', 'account.created_sso']);
		// The same person next time is the same account, with roles following the provider.
		const again = await signInAt('alice');
		expect((await app.sso!.finish(again.callback)).user.userId).toBe(user.userId);
	});

	it('refuses a replayed state, and a callback from a browser that did not start the sign-in', async () => {
		const { back, cookie } = await signInAt('fred');
		const first = fakeRequest(back.href);
		first.jar.set(OIDC_COOKIE, cookie);
		await app.sso!.finish(first);
		const replay = fakeRequest(back.href);
		replay.jar.set(OIDC_COOKIE, cookie);
		expect(await serviceErrorCode(app.sso!.finish(replay))).toBe('oidc/state');
		const other = await signInAt('fred');
		const stranger = fakeRequest(other.back.href);
		await expect(app.sso!.finish(stranger)).rejects.toThrow(
			'This sign-in link was already used or has expired. Start again with “Sign in with Test IdP”.'
		);
		const failed = await app.audit.page({ action: 'auth.sign_in_failed' }, 1);
		expect(failed.total).toBe(2);
	});

	it('refuses a tampered state even with the right cookie', async () => {
		const { back, cookie } = await signInAt('fred');
		back.searchParams.set('state', 'not-the-state');
		const req = fakeRequest(back.href);
		req.jar.set(OIDC_COOKIE, cookie);
		expect(await serviceErrorCode(app.sso!.finish(req))).toBe('oidc/invalid');
	});

	it('refuses an expired ID token', async () => {
		const { callback } = await signInAt('fred');
		// The provider's ID tokens live 60 s; the sign-in itself may take 10 minutes.
		clock.advance(5 * 60 * 1000);
		const refused = app.sso!.finish(callback);
		await expect(refused).rejects.toThrow(
			'Test IdP sign-in could not be verified (the ID token has expired). Try again.'
		);
		expect(callback.jar.get('sb_session')).toBeUndefined();
	});

	it('refuses a user whose groups map to no role, with a message that says so', async () => {
		const { callback } = await signInAt('nora');
		await expect(app.sso!.finish(callback)).rejects.toThrow(
			'Your Test IdP account is not in any group that has a role in Switchboard (claim “roles”). Ask an administrator to add you to one.'
		);
		expect(await app.store.users.byUsername('nora')).toBeNull();
	});

	it('refuses a provider that claims another issuer', async () => {
		const liar = await startTestIdp({
			redirectUri: REDIRECT,
			accounts: ACCOUNTS,
			claimedIssuer: (real) => `${real}/someone-else`
		});
		const wrong = createApp({
			store: await openStore(path.join(dir, 'other.sqlite')),
			scenariosDir: TEST_SCENARIOS,
			now: clock.now,
			oidc: settings(liar)
		});
		try {
			const start = wrong.sso!.start(fakeRequest(), '/');
			expect(await serviceErrorCode(start)).toBe('oidc/unavailable');
			await expect(wrong.sso!.start(fakeRequest(), '/')).rejects.toThrow(/discovery document .* was refused/);
		} finally {
			await wrong.close();
			await liar.close();
		}
	});

	it('refuses a disabled account', async () => {
		const { callback } = await signInAt('fred');
		const { user } = await app.sso!.finish(callback);
		await app.store.users.setDisabled(user.userId, new Date());
		const again = await signInAt('fred');
		expect(await serviceErrorCode(app.sso!.finish(again.callback))).toBe('auth/disabled');
	});
});
