/**
 * Identity in the browser: a facilitator signs in through an OpenID Connect provider (a real oidc-provider run
 * by the test), gets the role their group maps to, runs an exercise and signs out in another tab; the console
 * left open can no longer send commands. The administrator page and the audit log are checked on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestIdp, type TestIdp } from '../../src/lib/server/testing/oidc-provider';
import { freePort, launchBrowser, startApp, type RunningApp } from './harness';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	FACILITATOR,
	firstRunSetup,
	newPerson,
	pageErrors
} from './flows';

let app: RunningApp;
let idp: TestIdp;
let browser: Browser;
let admin: Page;
let sam: { context: BrowserContext; page: Page };
let consolePage: Page;
let exerciseId: string;

beforeAll(async () => {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	idp = await startTestIdp({
		redirectUri: `${origin}/login/oidc/callback`,
		accounts: {
			sam: { name: 'Sam Okoro', roles: ['ttx-staff'] },
			nobody: { name: 'Nia Nobody', roles: ['finance'] }
		}
	});
	app = await startApp(
		{
			OIDC_ISSUER: idp.issuer,
			OIDC_CLIENT_ID: idp.clientId,
			OIDC_CLIENT_SECRET: idp.clientSecret,
			OIDC_PROVIDER_NAME: 'Test IdP',
			OIDC_ROLE_MAP: 'ttx-staff=facilitator,ttx-admins=administrator'
		},
		{ port }
	);
	browser = await launchBrowser();
	admin = (await newPerson(browser)).page;
	await firstRunSetup(admin, app.url);
	sam = await newPerson(browser);
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
	await idp?.close();
});

async function signInWithIdp(page: Page, username: string): Promise<void> {
	await page.goto(app.url + '/login');
	await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
	await page.getByLabel('IdP username').fill(username);
	await page.getByRole('button', { name: 'Continue' }).click();
}

describe('single sign-on in the browser', () => {
	it('the sign-in page offers the provider and passes axe-core', async () => {
		await sam.page.goto(app.url + '/login');
		await sam.page.getByRole('link', { name: 'Sign in with Test IdP' }).waitFor();
		await expectNoSeriousA11yViolations(sam.page, 'sign-in page with single sign-on');
	});

	it('a person whose groups map to no role is refused with a message saying so', async () => {
		const { page, context } = await newPerson(browser);
		await signInWithIdp(page, 'nobody');
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.innerText()).toContain('not in any group that has a role in Switchboard');
		await expectNoSeriousA11yViolations(page, 'refused single sign-on');
		await context.close();
	});

	it('signs Sam in through the provider with the facilitator role (no administration link)', async () => {
		await signInWithIdp(sam.page, 'sam');
		await sam.page.waitForURL('**/exercises');
		await sam.page.getByRole('link', { name: /Sign out/ }).waitFor();
		expect(await sam.page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
		const response = await sam.page.goto(app.url + '/admin');
		expect(response?.status()).toBe(403);
	});

	it('Sam creates and starts an exercise from the console', async () => {
		exerciseId = await createExercise(sam.page, app.url, {
			scenarioId: 'example-quickstart',
			organisation: 'Northwind Telecom'
		});
		await sam.page.getByRole('button', { name: 'Start exercise' }).click();
		await sam.page.waitForURL('**/console');
		await sam.page.getByRole('button', { name: 'Pause' }).waitFor();
		consolePage = sam.page;
	});

	it('after Sam signs out in another tab, the console left open can no longer send commands', async () => {
		const tab = await sam.context.newPage();
		await tab.goto(app.url + '/logout');
		await tab.getByRole('button', { name: 'Sign out' }).click();
		await tab.waitForURL(app.url + '/');
		const notice = consolePage.getByRole('alert').filter({ hasText: 'You are signed out here' });
		await notice.waitFor();
		await consolePage.getByRole('button', { name: 'Pause' }).click();
		// The administrator, still signed in, pauses the same exercise: had Sam's pause reached the server, the
		// exercise would already be paused and there would be no Pause button to press.
		await admin.goto(`${app.url}/exercises/${exerciseId}/console`);
		await admin.getByRole('button', { name: 'Pause' }).click();
		await admin.getByRole('button', { name: 'Resume' }).waitFor();
		await consolePage.reload();
		await consolePage.waitForURL('**/login**');
	});

	it('the administrator sees Sam’s account and the audit log records the sign-in, start and sign-out', async () => {
		await admin.goto(app.url + '/admin');
		await admin.getByText('Sam Okoro', { exact: true }).first().waitFor();
		await expectNoSeriousA11yViolations(admin, 'administration page');
		await admin.goto(app.url + '/admin/audit?q=sam');
		const rows = admin.getByRole('row');
		await admin.getByRole('cell', { name: 'Signed out' }).waitFor();
		const text = await rows.allInnerTexts();
		expect(text.some((r) => r.includes('Sam Okoro') && r.includes('Signed in'))).toBe(true);
		expect(text.some((r) => r.includes('Sam Okoro') && r.includes('Ran an exercise command'))).toBe(true);
		await expectNoSeriousA11yViolations(admin, 'audit log');
		await admin.setViewportSize({ width: 360, height: 740 });
		await expectNoSeriousA11yViolations(admin, 'audit log on a phone');
		await admin.goto(app.url + '/admin');
		await expectNoSeriousA11yViolations(admin, 'administration page on a phone');
		const width = await admin.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
		await admin.setViewportSize({ width: 1280, height: 800 });
	});

	it('an invitation link creates an account with the chosen roles', async () => {
		await admin.goto(app.url + '/admin');
		await admin.getByLabel('Who is it for').fill('Lee from the SOC');
		await admin.getByRole('checkbox', { name: 'Evaluator' }).first().check();
		await admin.getByRole('button', { name: 'Create invitation link' }).click();
		const link = await admin.getByLabel(/Invitation link/).inputValue();
		const { page, context } = await newPerson(browser);
		await page.goto(link);
		await page.getByLabel('Your name').fill('Lee Park');
		await page.getByLabel('Username').fill('lee');
		await page.getByLabel('Password').fill('orbit lantern meadow');
		await page.getByRole('button', { name: 'Create account' }).click();
		await page.waitForURL(app.url + '/');
		await page.goto(link);
		await page.getByText('This invitation link is no longer valid').waitFor();
		await context.close();
		await admin.reload();
		await admin.getByText('Lee Park', { exact: true }).first().waitFor();
	});

	it('a signed-out visitor who opens the import page is told which account it needs, then lands on it', async () => {
		for (const [width, height] of [
			[1280, 800],
			[360, 740]
		]) {
			const { context, page } = await newPerson(browser);
			await page.setViewportSize({ width, height });
			await page.goto(app.url + '/scenarios/import');
			await page.waitForURL('**/login?next=*');
			await page
				.getByRole('status')
				.filter({
					hasText:
						'Importing a scenario needs a scenario author or facilitator account. Sign in with one to continue.'
				})
				.waitFor();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			await expectNoSeriousA11yViolations(page, `sign-in with a reason at ${width} px`);
			if (width === 360) {
				await page.getByLabel('Username').fill(FACILITATOR.username);
				await page.getByLabel('Password').fill(FACILITATOR.password);
				await page.getByRole('button', { name: 'Sign in', exact: true }).click();
				await page.waitForURL('**/scenarios/import');
				await page.getByRole('heading', { name: 'Import a scenario', level: 1 }).waitFor();
			}
			await context.close();
		}
	});

	it('no page logged an error', () => {
		// The /admin 403 is asserted above; the test provider's bare page has no favicon.
		const ours = pageErrors.filter((e) => !/status of 403/.test(e) && !e.startsWith(idp.issuer));
		expect(ours).toEqual([]);
	});
});
