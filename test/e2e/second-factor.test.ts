/**
 * The TOTP second factor in the browser: a facilitator turns it on from their account page with a code from
 * an authenticator (computed here with otplib from the key the page shows), signs out, and signing in again asks
 * for the code. Both pages pass axe-core on a desktop and a phone.
 */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from './harness';
import { expectNoSeriousA11yViolations, FACILITATOR, firstRunSetup, newPerson } from './flows';

let app: RunningApp;
let browser: Browser;
let page: Page;
let key: string;

const code = () => generate({ secret: key });

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	page = (await newPerson(browser)).page;
	await firstRunSetup(page, app.url);
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('the second factor in the browser', () => {
	it('turns on from the account page with a code from the app and shows the recovery codes once', async () => {
		await page.goto(app.url + '/logout');
		await page.getByRole('link', { name: 'Your account and second factor' }).click();
		await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
		await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
		key = (await page.locator('code.key').innerText()).trim();
		await expectNoSeriousA11yViolations(page, 'second factor set-up');
		await page.getByLabel('Code from the app').fill('000000');
		await page.getByRole('button', { name: 'Turn on' }).click();
		await page.getByRole('alert').filter({ hasText: 'That code does not match' }).waitFor();
		await page.getByLabel('Code from the app').fill(await code());
		await page.getByRole('button', { name: 'Turn on' }).click();
		await page.getByText('Keep these recovery codes somewhere safe').waitFor();
		expect(await page.locator('.codes li').count()).toBe(10);
	});

	it('asks for the code after the password when signing in again', async () => {
		await page.goto(app.url + '/logout');
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.goto(app.url + '/login');
		await page.getByLabel('Username').fill(FACILITATOR.username);
		await page.getByLabel('Password').fill(FACILITATOR.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL('**/login/code**');
		await expectNoSeriousA11yViolations(page, 'code step');
		await page.setViewportSize({ width: 360, height: 740 });
		await expectNoSeriousA11yViolations(page, 'code step on a phone');
		await page.getByLabel('Code').fill(await code());
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL('**/exercises');
		await page.goto(app.url + '/account');
		await page.getByText(/On: signing in asks for a code/).waitFor();
		await expectNoSeriousA11yViolations(page, 'account page on a phone');
	});
});
