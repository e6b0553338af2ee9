import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { passwordHashing } from '../auth/password';
import { fakeRequest, serviceErrorCode, startApp } from '../testing/harness';
import type { App } from '../app';

const form = { name: 'Dana', username: 'dana', password: 'correct horse battery' };

// Each test runs up to 34 real scrypt hashes (32 MiB each, two at a time); on a shared, loaded machine that can
// take far longer than the default timeout. Nothing here measures time.
const HEAVY = 180_000;

/** How many of the attempts ended with each error code (or "ok"). */
async function outcomes(attempts: Promise<unknown>[]): Promise<Record<string, number>> {
	const codes = await Promise.all(attempts.map((a) => serviceErrorCode(a).catch(() => 'ok')));
	const tally: Record<string, number> = {};
	for (const c of codes) tally[c] = (tally[c] ?? 0) + 1;
	return tally;
}

describe('sign-in throttling', () => {
	let app: App;
	let close: () => Promise<void>;
	beforeEach(async () => {
		({ app, close } = await startApp());
		await app.sessions.setup(fakeRequest(), form);
	}, HEAVY);
	afterEach(() => close(), HEAVY);

	it(
		'evaluates at most 10 of 400 parallel wrong passwords from one address',
		async () => {
			const tally = await outcomes(
				Array.from({ length: 400 }, (_, i) =>
					app.sessions.login(fakeRequest(), { username: 'dana', password: `wrong guess ${i}` })
				)
			);
			expect(tally['auth/invalid_credentials']).toBe(10);
			expect(tally['auth/rate_limited']).toBe(390);
		},
		HEAVY
	);

	it(
		'evaluates at most 30 of 200 guesses at one account spread over 20 addresses',
		async () => {
			const tally = await outcomes(
				Array.from({ length: 200 }, (_, i) =>
					app.sessions.login(fakeRequest('http://127.0.0.1/', `198.51.100.${i % 20}`), {
						username: 'dana',
						password: `wrong guess ${i}`
					})
				)
			);
			expect(tally['auth/invalid_credentials']).toBe(30);
			expect((tally['auth/rate_limited'] ?? 0) + (tally['auth/account_locked'] ?? 0)).toBe(170);
		},
		HEAVY
	);

	it(
		'counts an attempt before its hash is checked, and forgives it when the password was right',
		async () => {
			for (let i = 0; i < 9; i++) {
				await serviceErrorCode(
					app.sessions.login(fakeRequest(), { username: 'dana', password: 'wrong guess' })
				);
			}
			await app.sessions.login(fakeRequest(), form);
			expect(
				await serviceErrorCode(
					app.sessions.login(fakeRequest(), { username: 'dana', password: 'wrong again' })
				)
			).toBe('auth/invalid_credentials');
			expect(await serviceErrorCode(app.sessions.login(fakeRequest(), form))).toBe('auth/rate_limited');
		},
		HEAVY
	);

	it(
		'never runs more than two password hashes at once, and answers busy past its queue',
		async () => {
			passwordHashing.resetPeak();
			const tally = await outcomes(
				Array.from({ length: 120 }, (_, i) =>
					app.sessions.login(fakeRequest('http://127.0.0.1/', `203.0.113.${i}`), {
						username: `nobody-${i}`,
						password: 'some password here'
					})
				)
			);
			expect(passwordHashing.peak).toBe(2);
			expect(tally['auth/busy']).toBeGreaterThan(0);
			expect(tally['auth/invalid_credentials'] + tally['auth/busy']).toBe(120);
		},
		HEAVY
	);
});
