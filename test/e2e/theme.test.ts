/**
 * Light and dark themes: the page follows the device's colour scheme, the theme switch in the site header (used
 * from the keyboard) overrides it and is remembered across reloads, and the theme is on <html> before the app's
 * own scripts run, so a page never flashes the other theme. The dark pages' axe checks are in overflow.test.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function person(colorScheme: 'light' | 'dark'): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
	return { context, page: await context.newPage() };
}

/** Waits until the theme switch is live (hydrated) and says which choice it holds. */
async function switchReady(page: Page): Promise<void> {
	await page.waitForFunction(() => document.documentElement.dataset.themeChoice !== undefined);
}

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const background = (page: Page) =>
	page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

describe('light and dark themes', () => {
	it('follows the device until the person picks a theme, then remembers the pick', async () => {
		const { context, page } = await person('dark');
		await page.goto(app.url + '/join');
		expect(await theme(page)).toBe('dark');
		const switcher = page.getByRole('group', { name: 'Theme' });
		const chosen = () => switcher.getByRole('radio', { checked: true }).getAttribute('value');
		await switchReady(page);
		expect(await chosen()).toBe('device');
		const darkBackground = await background(page);

		// From the keyboard: the chosen radio takes focus, the arrow key moves to "Light" and picks it.
		await switcher.getByRole('radio', { name: 'Auto' }).focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => theme(page)).toBe('light');
		expect(await chosen()).toBe('light');
		expect(await background(page)).not.toBe(darkBackground);
		await screenshot(page, 'theme-light-chosen-on-dark-device');

		await page.reload();
		expect(await theme(page)).toBe('light');
		await switchReady(page);
		expect(await chosen()).toBe('light');

		// Back to the device's setting: dark again, and nothing stored.
		await switcher.getByRole('radio', { name: 'Auto' }).check();
		await expect.poll(() => theme(page)).toBe('dark');
		expect(await page.evaluate(() => localStorage.getItem('switchboard-theme'))).toBeNull();
		await context.close();
	});

	it('sets the theme before the first paint: without the app’s scripts the page is already in the chosen theme', async () => {
		const { context, page } = await person('light');
		await page.goto(app.url + '/');
		await switchReady(page);
		await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
		await expect.poll(() => theme(page)).toBe('dark');
		const darkBackground = await background(page);

		// Block every script of the app: only the inline one in the page's <head> runs, as at first paint.
		await page.route('**/_app/**/*.js', (route) => route.abort());
		await page.reload();
		expect(await theme(page)).toBe('dark');
		expect(await background(page)).toBe(darkBackground);
		await context.close();
	});
});
