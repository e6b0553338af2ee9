/**
 * A participant on a 360x740 phone: each decision sits in the card of the inject that asks it, the clocks are one
 * sticky line that opens for detail, an answer typed but not sent survives a reload, a new inject is impossible to
 * miss (highlight, notice, tab title, optional chime) and the menu offers only what a participant can open.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	injectHeading,
	joinAsParticipant,
	newPerson,
	pageErrors,
	participantLink,
	releaseNow
} from './flows';

const SOC = 'SOC / threat hunting';
const TICKET = 'Unplanned change on pe-chi-02';
const CONTAIN_PROMPT = 'What does the SOC do with the tunnel right now?';
const MONITOR = "Leave it up, mirror its traffic and capture the router's state";
const SYSLOG = 'Syslog and an on-box script from pe-chi-02';

type Counted = Window & { tones?: number };

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let phone: BrowserContext;
let alice: Page;
let exerciseId: string;

const article = (page: Page, title: string) =>
	page.getByRole('article').filter({ has: injectHeading(page, title) });

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	facilitator = (await newPerson(browser)).page;
	phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
	// Counts the tones the page synthesises (Web Audio oscillators started), since a test cannot listen.
	await phone.addInitScript(() => {
		const w = window as Counted;
		w.tones = 0;
		const start = OscillatorNode.prototype.start;
		OscillatorNode.prototype.start = function (...args: [number?]) {
			w.tones = (w.tones ?? 0) + 1;
			return start.apply(this, args);
		};
	});
	alice = await phone.newPage();
	alice.on('pageerror', (e) => pageErrors.push(`${alice.url()}: ${e.message}`));
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('playing on a phone', () => {
	it('a visitor’s menu offers joining and the facilitator sign-in, nothing that needs an account', async () => {
		await firstRunSetup(facilitator, app.url);
		exerciseId = await createExercise(facilitator, app.url, {
			scenarioId: 'example-quickstart',
			organisation: 'Northwind Telecom',
			compression: 1
		});
		await alice.goto(app.url + '/');
		const menu = alice.getByRole('navigation', { name: 'Main' }).getByRole('link');
		expect(await menu.allInnerTexts()).toEqual(['Join an exercise', 'Facilitator sign-in']);
	});

	it('a participant’s menu shows only joining and their own exercise', async () => {
		await joinAsParticipant(alice, await participantLink(facilitator), 'Alice', SOC);
		const menu = alice.getByRole('navigation', { name: 'Main' }).getByRole('link');
		expect(await menu.allInnerTexts()).toEqual(['Join an exercise', 'My exercise']);
		expect(
			await menu.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
		).toEqual(['/join', `/play/${exerciseId}`]);
	});

	it('the decision sits inside the card of the inject that asks it', async () => {
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		await releaseNow(facilitator, TICKET);
		const card = article(alice, TICKET);
		await card.waitFor();
		const decision = card.getByRole('region', { name: CONTAIN_PROMPT });
		await decision.getByRole('radio', { name: MONITOR }).waitFor();
		// The short list at the top links to it.
		const jump = alice
			.getByRole('region', { name: /^Open decisions/ })
			.getByRole('link', { name: CONTAIN_PROMPT });
		expect(await jump.getAttribute('href')).toBe('#decision-d-contain');
		await screenshot(alice, 'phone-play-decision-in-card');
		await expectNoSeriousA11yViolations(alice, 'play page on a phone');
	});

	it('the clocks are one line that stays on screen and opens for detail', async () => {
		const strip = alice.getByRole('region', { name: 'Regulatory clocks' });
		await strip.getByText(/No clock started yet|running|none running/).waitFor();
		const full = strip.getByRole('group', { name: 'Every clock in full' });
		expect(await full.isVisible()).toBe(false);
		const box = await strip.boundingBox();
		expect(box!.height).toBeLessThan(120);
		// Scrolled down to the decision, the strip is still at the top of the screen.
		await alice
			.getByRole('region', { name: CONTAIN_PROMPT })
			.getByRole('button', { name: 'Submit team answer' })
			.scrollIntoViewIfNeeded();
		const scrolled = await strip.boundingBox();
		expect(await alice.evaluate(() => window.scrollY)).toBeGreaterThan(0);
		expect(scrolled!.y).toBeGreaterThanOrEqual(0);
		expect(scrolled!.y).toBeLessThan(20);
		await strip.getByRole('heading', { name: 'Regulatory clocks' }).click();
		await full.waitFor();
		await screenshot(alice, 'phone-play-clocks-open');
		await strip.getByRole('heading', { name: 'Regulatory clocks' }).click();
		await full.waitFor({ state: 'hidden' });
	});

	it('an answer chosen but not sent survives a reload, and is forgotten once sent', async () => {
		const key = `switchboard:draft:${exerciseId}:soc:d-contain`;
		await alice.getByRole('region', { name: CONTAIN_PROMPT }).getByRole('radio', { name: MONITOR }).check();
		await alice.getByRole('region', { name: CONTAIN_PROMPT }).getByRole('radio', { name: 'High' }).check();
		await alice.reload();
		const decision = alice.getByRole('region', { name: CONTAIN_PROMPT });
		await expect.poll(() => decision.getByRole('radio', { name: MONITOR }).isChecked()).toBe(true);
		expect(await decision.getByRole('radio', { name: 'High' }).isChecked()).toBe(true);
		expect(JSON.parse((await alice.evaluate((k) => localStorage.getItem(k), key)) ?? '{}')).toMatchObject({
			option: 'monitor',
			confidence: 'high'
		});
		await decision.getByRole('button', { name: 'Submit team answer' }).click();
		await decision.getByText('Your team answered (submitted by Alice)').waitFor();
		await expect.poll(() => alice.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
		await alice.reload();
		await alice
			.getByRole('region', { name: CONTAIN_PROMPT })
			.getByText('Your team answered (submitted by Alice)')
			.waitFor();
	});

	it('the chime is off by default, and once turned on it is remembered and sounds for a new inject', async () => {
		const sound = alice.getByRole('checkbox', { name: 'Sound for new injects' });
		expect(await sound.isChecked()).toBe(false);
		await sound.check();
		await alice.reload();
		await expect
			.poll(() => alice.getByRole('checkbox', { name: 'Sound for new injects' }).isChecked())
			.toBe(true);
		expect(await alice.evaluate(() => (window as Counted).tones)).toBe(0);
	});

	it('a new inject shows a notice on screen, a count in the tab title, a highlight and a chime', async () => {
		// Alice is reading the ticket inbox further down the page when the log extract arrives.
		await alice.getByRole('tab', { name: /^Tickets/ }).click();
		await alice.getByRole('region', { name: CONTAIN_PROMPT }).scrollIntoViewIfNeeded();
		expect(await alice.title()).not.toMatch(/^\(/);
		await releaseNow(facilitator, SYSLOG);
		const notice = alice.getByRole('link', { name: `New: ${SYSLOG}` });
		await notice.waitFor();
		expect(await alice.title()).toMatch(/^\(1\) .*Switchboard$/);
		await expect.poll(() => alice.evaluate(() => (window as Counted).tones)).toBe(1);
		await screenshot(alice, 'phone-play-new-inject-notice');
		await notice.click();
		const card = article(alice, SYSLOG);
		await card.getByText('New', { exact: true }).waitFor();
		expect(await card.evaluate((el) => el.classList.contains('unread'))).toBe(true);
		await expect.poll(() => alice.title()).not.toMatch(/^\(/);
		await expect.poll(() => notice.count()).toBe(0);
		await screenshot(alice, 'phone-play-new-inject');
		await expectNoSeriousA11yViolations(alice, 'play page with a new inject');
	});

	it('an inject that arrives while the page is in a background tab is counted in its title', async () => {
		await alice.evaluate(() => {
			Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		});
		await releaseNow(facilitator, 'Mirror port shows what the tunnel carries');
		await expect.poll(() => alice.title()).toMatch(/^\(1\) /);
		await alice.evaluate(() => {
			Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		});
		await expect.poll(() => alice.title()).not.toMatch(/^\(/);
	});

	it('no page error was logged', () => {
		expect(pageErrors).toEqual([]);
	});
});
