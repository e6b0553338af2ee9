import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import { ServiceError } from '../errors';
import { fakeRequest, serviceErrorCode, startApp } from '../testing/harness';
import type { App } from '../app';

const form = { name: 'Dana', username: 'Dana', password: 'correct horse battery' };

const code = serviceErrorCode;

describe('sessions service', () => {
	let app: App;
	let close: () => Promise<void>;
	beforeEach(async () => ({ app, close } = await startApp()));
	afterEach(() => close());

	it('creates the first facilitator, signs them in with an HttpOnly cookie and closes setup', async () => {
		const req = fakeRequest();
		expect(await app.sessions.needsSetup()).toBe(true);
		const f = await app.sessions.setup(req, form);
		expect(f).toMatchObject({ username: 'dana', name: 'Dana' });
		expect(await app.sessions.current(req)).toEqual(f);
		expect(await app.sessions.needsSetup()).toBe(false);
		expect(await code(app.sessions.setup(fakeRequest(), { ...form, username: 'eve' }))).toBe('setup/closed');
	});

	it.each(['password', '12345678', 'aaaaaaaa'])('refuses "%s" as the first password', async (password) => {
		expect(await code(app.sessions.setup(fakeRequest(), { ...form, password }))).toBe('password/weak');
		expect(await app.sessions.needsSetup()).toBe(true);
	});

	it('rejects a short password at setup with a message naming the rule', async () => {
		const e = await app.sessions.setup(fakeRequest(), { ...form, password: 'short' }).catch((x) => x);
		expect(e).toBeInstanceOf(ServiceError);
		expect(e.message).toMatch(/at least 8 characters/);
	});

	it('gives the same error for an unknown user and a wrong password', async () => {
		await app.sessions.setup(fakeRequest(), form);
		expect(
			await code(app.sessions.login(fakeRequest(), { username: 'nobody', password: 'whatever123' }))
		).toBe('auth/invalid_credentials');
		expect(
			await code(app.sessions.login(fakeRequest(), { username: 'dana', password: 'wrong password' }))
		).toBe('auth/invalid_credentials');
	});

	it('locks out an address after ten failed sign-ins', async () => {
		await app.sessions.setup(fakeRequest(), form);
		for (let i = 0; i < 10; i++)
			await code(app.sessions.login(fakeRequest(), { username: 'dana', password: 'nope nope' }));
		expect(await code(app.sessions.login(fakeRequest(), form))).toBe('auth/rate_limited');
		expect(await app.sessions.login(fakeRequest('http://127.0.0.1/', '10.0.0.9'), form)).toMatchObject({
			username: 'dana'
		});
	});

	it('ends the session on logout', async () => {
		const req = fakeRequest();
		await app.sessions.setup(req, form);
		const token = req.jar.get('sb_session')!;
		await app.sessions.logout(req);
		expect(req.jar.has('sb_session')).toBe(false);
		expect(await app.sessions.byToken(token)).toBeNull();
	});

	it('redirects to login with the page to return to when nobody is signed in', async () => {
		await app.sessions.setup(fakeRequest(), form);
		const e = await app.sessions.require(fakeRequest('http://127.0.0.1/exercises?x=1')).catch((x) => x);
		expect(isRedirect(e) && e.location).toBe('/login?next=%2Fexercises%3Fx%3D1');
	});
});
