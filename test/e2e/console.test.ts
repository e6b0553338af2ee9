/**
 * The facilitator console as it is run, in Chromium: the quickstart with Legal left out. Each step is one
 * observation from issue 10: hold gives feedback in a message area that stays on screen, injects for teams not
 * playing are apart and named, the keyboard drives the frequent actions (never while typing) with a help
 * overlay, the team board shows what a team answered, everything locks after the end and no message carries an
 * internal id. Screenshots at 1280×800 and 360×740, axe clean. Steps run in order and build on each other.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	newPerson,
	pageErrors,
	releaseNow
} from './flows';

const LEGAL = 'Legal and regulatory';
const SOC = 'SOC / threat hunting';
const TICKET = 'Unplanned change on pe-chi-02';
const SYSLOG = 'Syslog and an on-box script from pe-chi-02';
const CONTAIN_PROMPT = 'What does the SOC do with the tunnel right now?';
const MONITOR = "Leave it up, mirror its traffic and capture the router's state";
/** Ids of the quickstart's injects and teams, which no message may show. */
const INTERNAL_IDS =
	/syslog-extract|config-ticket|counsel-email|regulator-letter|"legal"|inject\.\w+|\bended\b while/;

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	page = (await newPerson(browser)).page;
	await page.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const status = () => page.locator('#command-status');
const controls = () => page.getByRole('group', { name: 'Exercise controls' });
const injectLine = (title: string): Locator =>
	page
		.getByRole('region', { name: 'Injects' })
		.getByRole('listitem')
		.filter({ has: page.getByText(title, { exact: true }) });

/** Whether the element is inside the viewport now. */
async function onScreen(locator: Locator): Promise<boolean> {
	const box = await locator.boundingBox();
	const viewport = page.viewportSize();
	return !!box && !!viewport && box.y >= 0 && box.y + box.height <= viewport.height;
}

describe('the facilitator console', () => {
	it('opens with the exercise, and starts from the keyboard', async () => {
		await firstRunSetup(page, app.url);
		const id = await createExercise(page, app.url, {
			scenarioId: 'example-quickstart',
			organisation: 'Northwind Telecom',
			leaveOut: [LEGAL]
		});
		await page.goto(`${app.url}/exercises/${id}/console`);
		await page
			.getByRole('status')
			.filter({ hasText: /Connection:\s*Live/ })
			.waitFor();
		await page.keyboard.press('p');
		await status().getByText('Exercise started: the scenario clock is running.').waitFor();
		await controls().getByRole('button', { name: 'Pause' }).waitFor();
	});

	it('keeps injects for teams not playing apart, named, never as skipped ones with ids', async () => {
		const region = page.getByRole('region', { name: 'Injects' });
		expect(await region.getByRole('heading', { name: /^Skipped/ }).count()).toBe(0);
		const apart = region.getByText(/^Not for the teams playing \(2\)$/);
		await apart.click();
		await injectLine('Do we have a reportable breach?')
			.getByText(/Only for Legal and regulatory, who are not playing/)
			.waitFor();
		expect(await region.innerText()).not.toMatch(/\blegal\b/);
		// The CPNI clock belongs to Legal, which is not playing: named, not "legal".
		await page
			.getByRole('region', { name: 'Regulatory clocks' })
			.getByText(/owner Legal and regulatory/)
			.waitFor();
	});

	it('answers a hold far down the page in the message area that stays on screen, and marks the line', async () => {
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		const showAll = page.getByRole('button', { name: /^Show all \d+ upcoming injects$/ });
		if ((await showAll.count()) > 0) await showAll.click();
		const line = injectLine(SYSLOG);
		// By keyboard: a pointer click aimed under the sticky bar would land on the bar.
		await line.getByRole('button', { name: `Hold: ${SYSLOG}` }).press('Enter');
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await status()
			.getByText(`“${SYSLOG}” will hold when due: it waits under Held until you release it.`)
			.waitFor();
		expect(await onScreen(status())).toBe(true);
		await line.getByText('Will hold when due', { exact: true }).waitFor();
		expect(await line.getByRole('button', { name: /^Hold:/ }).count()).toBe(0);
		expect(await status().innerText()).not.toMatch(INTERNAL_IDS);
	});

	it('holds the next upcoming inject with h, and never takes typing in a field for a shortcut', async () => {
		await page.keyboard.press('h');
		await status()
			.getByText(/will hold when due: it waits under Held until you release it\.$/)
			.waitFor();
		await page.getByLabel('Title').fill('');
		await page.getByLabel('Title').pressSequentially('prp');
		expect(await page.getByLabel('Title').inputValue()).toBe('prp');
		await controls().getByRole('button', { name: 'Pause' }).waitFor();
		await page.getByLabel('Title').fill('');
	});

	it('lists the shortcuts in an overlay opened with ?', async () => {
		await page.locator('body').click({ position: { x: 5, y: 300 } });
		await page.keyboard.press('?');
		const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
		await help.waitFor();
		await help.getByText('Release the next inject (held ones first)').waitFor();
		await expectNoSeriousA11yViolations(page, 'shortcut help');
		await page.keyboard.press('Escape');
		await help.waitFor({ state: 'hidden' });
	});

	it('shows on the team board what a team answered, not just that it did', async () => {
		await releaseNow(page, TICKET);
		const answerFor = page.getByRole('region', { name: 'Answer for a team' });
		await answerFor.getByLabel('Team to answer for').selectOption({ label: `${SOC} (1 open)` });
		const decision = answerFor.getByRole('region', { name: CONTAIN_PROMPT });
		await decision.getByRole('radio', { name: MONITOR }).check();
		await decision.getByRole('button', { name: 'Submit team answer' }).click();
		await status().getByText(`Answer recorded for ${SOC}.`).waitFor();
		const card = page.getByRole('region', { name: 'Teams' }).getByRole('article', { name: SOC });
		await card.getByText(MONITOR).waitFor();
	});

	it('looks right and is axe clean at 1280×800 and 360×740', async () => {
		await page.evaluate(() => window.scrollTo(0, 0));
		await screenshot(page, 'console-1280');
		await expectNoSeriousA11yViolations(page, 'console at 1280');
		await page.setViewportSize({ width: 360, height: 740 });
		await screenshot(page, 'console-360');
		await expectNoSeriousA11yViolations(page, 'console at 360');
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('locks everything about injects after the end, and says why in words', async () => {
		await page.getByRole('button', { name: 'End exercise' }).click();
		await page.getByRole('button', { name: 'Yes, end exercise' }).click();
		await status().getByText('Exercise ended. The review is ready.').waitFor();
		const region = page.getByRole('region', { name: 'Injects' });
		await region.getByText(/^The exercise has ended: injects can no longer be released/).waitFor();
		expect(await page.getByRole('button', { name: /^(Release now|Release anyway|Hold|Skip):/ }).count()).toBe(
			0
		);
		expect(await page.getByRole('button', { name: 'Send inject' }).isDisabled()).toBe(true);
		await page.locator('body').click({ position: { x: 5, y: 300 } });
		await page.keyboard.press('r');
		await status()
			.getByText('The exercise has ended: injects can no longer be released, held or skipped.')
			.waitFor();
		expect(await status().innerText()).not.toMatch(INTERNAL_IDS);
		await screenshot(page, 'console-ended-1280');
		await expectNoSeriousA11yViolations(page, 'console after the end');
		expect(pageErrors).toEqual([]);
	});
});
