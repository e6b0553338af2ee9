import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	facilitatorCookie,
	fakeRequest,
	manualClock,
	serviceErrorCode,
	startApp,
	type ManualClock
} from '../testing/harness';
import type { App } from '../app';
import { SECOND_FACTOR_COOKIE, type Facilitator } from './sessions';

const PASSWORD = 'correct horse battery';
let app: App;
let close: () => Promise<void>;
let clock: ManualClock;
let dana: Facilitator;

const codeAt = async (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

beforeEach(async () => {
	clock = manualClock(Date.UTC(2026, 11, 5, 9, 0));
	({ app, close } = await startApp(clock));
	const { cookie } = await facilitatorCookie(app);
	dana = (await app.sessions.byToken(cookie.split('=')[1]))!;
});
afterEach(() => close());

async function turnOn(): Promise<{ secret: string; recovery: string[] }> {
	await app.secondFactor.begin(dana);
	const { pending } = await app.secondFactor.status(dana);
	expect(Buffer.from(pending!.qr.split(',')[1], 'base64').toString()).toContain('<svg');
	const secret = pending!.secret;
	const wrong = app.secondFactor.confirm(fakeRequest(), dana, '000000');
	expect(await serviceErrorCode(wrong)).toBe('totp/wrong_code');
	const recovery = await app.secondFactor.confirm(fakeRequest(), dana, await codeAt(secret, clock.now()));
	return { secret, recovery };
}

/** Signs in with the password; returns the browser, now owing its code. */
async function passwordStep() {
	const req = fakeRequest();
	expect(await serviceErrorCode(app.sessions.login(req, { username: 'dana', password: PASSWORD }))).toBe(
		'auth/second_factor'
	);
	expect(req.jar.get('sb_session')).toBeUndefined();
	expect(app.sessions.hasSecondFactorChallenge(req)).toBe(true);
	return req;
}

describe('the TOTP second factor', () => {
	it('turns on only after a code from the app confirms it, and gives 10 recovery codes', async () => {
		const { recovery } = await turnOn();
		expect(recovery).toHaveLength(10);
		expect(recovery[0]).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		expect(await app.secondFactor.status(dana)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
	});

	it('asks for the code after the password, accepts it once, and refuses a wrong one', async () => {
		const { secret } = await turnOn();
		clock.advance(60_000);
		const req = await passwordStep();
		expect(await serviceErrorCode(app.sessions.completeSecondFactor(req, '123456'))).toBe('auth/wrong_code');
		const code = await codeAt(secret, clock.now());
		const user = await app.sessions.completeSecondFactor(req, code);
		expect(user.userId).toBe(dana.userId);
		expect(req.jar.get('sb_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(req.jar.has(SECOND_FACTOR_COOKIE)).toBe(false);
		// The same code again (someone watching) does not open a second session.
		const again = await passwordStep();
		expect(await serviceErrorCode(app.sessions.completeSecondFactor(again, code))).toBe('auth/wrong_code');
		const entries = (await app.audit.page({}, 1)).entries.map((e) => [e.action, e.detail.method ?? null]);
		expect(entries).toContainEqual(['auth.sign_in', 'password+totp']);
		expect(entries).toContainEqual(['auth.second_factor_on', null]);
	});

	it('accepts each recovery code once', async () => {
		const { recovery } = await turnOn();
		const req = await passwordStep();
		await app.sessions.completeSecondFactor(req, recovery[3].toLowerCase());
		expect((await app.secondFactor.status(dana)).recoveryCodesLeft).toBe(9);
		const again = await passwordStep();
		expect(await serviceErrorCode(app.sessions.completeSecondFactor(again, recovery[3]))).toBe(
			'auth/wrong_code'
		);
	});

	it('throttles wrong codes per account and lets the code step time out', async () => {
		await turnOn();
		const req = await passwordStep();
		for (let i = 0; i < 10; i++) {
			expect(await serviceErrorCode(app.sessions.completeSecondFactor(req, '000000'))).toBe(
				'auth/wrong_code'
			);
		}
		expect(await serviceErrorCode(app.sessions.completeSecondFactor(req, '000000'))).toBe(
			'auth/rate_limited'
		);
		clock.advance(5 * 60_000 + 1);
		expect(await serviceErrorCode(app.sessions.completeSecondFactor(req, '000000'))).toBe(
			'auth/second_factor_expired'
		);
	});

	it('turns off only with the password', async () => {
		await turnOn();
		expect(await serviceErrorCode(app.secondFactor.disable(fakeRequest(), dana, 'not my password'))).toBe(
			'auth/invalid_credentials'
		);
		await app.secondFactor.disable(fakeRequest(), dana, PASSWORD);
		expect(await app.secondFactor.status(dana)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
		const user = await app.sessions.login(fakeRequest(), { username: 'dana', password: PASSWORD });
		expect(user.userId).toBe(dana.userId);
	});
});
