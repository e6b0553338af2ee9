/**
 * The evaluator's page during the flagship, at 1280×800 and 360×740: the feed gets the width its logs and tables
 * need, nothing in a team's panel is cut off, the team and objective menus show whole names, the marking status
 * reads as sentences, the rubric levels are worded as on the console, and axe finds nothing serious.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playEverything } from './flagship-play';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	joinAsStaff,
	newPerson,
	staffLink
} from './flows';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let evaluator: Page;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	const facilitator = await newPerson(browser);
	await firstRunSetup(facilitator.page, app.url);
	const id = await createExercise(facilitator.page, app.url, {
		scenarioId: 'salt-typhoon',
		organisation: 'Northwind Telecom'
	});
	const link = await staffLink(facilitator.page);
	evaluator = (await newPerson(browser)).page;
	await joinAsStaff(evaluator, link, 'Eve', 'Evaluator');
	const cookie = (await facilitator.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	await playEverything(app.url, cookie, id, { end: false });
	await evaluator.reload();
	await evaluator.getByRole('heading', { name: 'Feed' }).first().waitFor();
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

/** Boxes inside the active team panel that cut their content off. */
const clipped = (page: Page) =>
	page.locator('[role="tabpanel"]:not([hidden]) .team-panel').evaluate((panel) =>
		[...panel.querySelectorAll<HTMLElement>('*')]
			// Cut off: content wider than a box that hides it. Sideways-scrolling boxes a keyboard can reach are fine.
			.filter(
				(e) => e.scrollWidth > e.clientWidth + 1 && ['hidden', 'clip'].includes(getComputedStyle(e).overflowX)
			)
			.filter((e) => !e.closest('.visually-hidden'))
			.filter((e) => e.clientWidth > 0)
			.map((e) => `${e.tagName.toLowerCase()}.${e.className} ${e.clientWidth}<${e.scrollWidth}`)
	);

/** Options of a select whose text is wider than the select shows. */
const cutOptions = (page: Page, label: string) =>
	page.getByLabel(label, { exact: true }).evaluate((select: HTMLSelectElement) => {
		const probe = document.createElement('span');
		probe.style.font = getComputedStyle(select).font;
		probe.style.whiteSpace = 'nowrap';
		probe.style.position = 'absolute';
		document.body.append(probe);
		const room = select.clientWidth - 36; // the arrow and padding
		const cut = [...select.options]
			.map((o) => o.text)
			.filter((t) => ((probe.textContent = t), probe.offsetWidth > room));
		probe.remove();
		return cut;
	});

describe('the evaluator page', () => {
	it('at 1280×800 gives the feed room and cuts nothing off', async () => {
		await evaluator.setViewportSize({ width: 1280, height: 800 });
		for (const tab of await evaluator.getByRole('tab').all()) {
			await tab.click();
			const feed = evaluator.locator('[role="tabpanel"]:not([hidden]) .team-panel section', {
				has: evaluator.getByRole('heading', { name: 'Feed' })
			});
			expect((await feed.boundingBox())!.width).toBeGreaterThan(640);
			expect(await clipped(evaluator)).toEqual([]);
		}
		expect(await cutOptions(evaluator, 'Team')).toEqual([]);
		expect(await cutOptions(evaluator, 'Objective')).toEqual([]);
		await screenshot(evaluator, 'observe-evaluator-1280');
		await expectNoSeriousA11yViolations(evaluator, 'evaluator page 1280');
	});

	it('words marking as the console does, in sentences with spaces between them', async () => {
		const status = await evaluator.locator('form.rubric .status').allInnerTexts();
		expect(status.length).toBeGreaterThan(0);
		for (const s of status) {
			expect(s).not.toMatch(/[a-z0-9]\.[A-Z]/);
			expect(s).toMatch(/^(Waiting for marks\.|Marked( by .+)?[:.] )/);
		}
		const rubric = evaluator.locator('form.rubric').first();
		for (const level of ['No credit', 'Half credit', 'Full credit']) {
			expect(await rubric.getByRole('radio', { name: level }).count()).toBeGreaterThan(0);
		}
	});

	it('at 360×740 is no wider than the screen', async () => {
		await evaluator.setViewportSize({ width: 360, height: 740 });
		const width = await evaluator.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
		expect(await cutOptions(evaluator, 'Team')).toEqual([]);
		await screenshot(evaluator, 'observe-evaluator-360');
		await expectNoSeriousA11yViolations(evaluator, 'evaluator page 360');
	});
});
