/**
 * Exercises have a name (issue 10), in Chromium: the facilitator names the run at creation (a blank name is
 * refused in place, naming the field), sees the name on the lobby and the console, renames it from the console,
 * and a participant sees it at the top of /play on a 360×740 phone; the review page carries it. Screenshots at
 * 1280×800 and 360×740, axe clean. Steps run in order and build on each other.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	joinAsParticipant,
	newPerson,
	participantLink
} from './flows';

const SOC = 'SOC / threat hunting';
const NAME = 'Night shift drill, Chicago PoP';
const RENAMED = 'Night shift drill, take two';

let app: RunningApp;
let browser: Browser;
let page: Page;
let phone: Page;
let id: string;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	page = (await newPerson(browser)).page;
	await page.setViewportSize({ width: 1280, height: 800 });
	phone = (await newPerson(browser)).page;
	await phone.setViewportSize({ width: 360, height: 740 });
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('naming an exercise', () => {
	it('asks for a name at creation, refusing a blank one in place', async () => {
		await firstRunSetup(page, app.url);
		await page.goto(`${app.url}/exercises/new?scenario=example-quickstart`);
		const field = page.getByLabel('Exercise name');
		expect(await field.inputValue()).toMatch(
			/^Quickstart: a tunnel on the intercept router · \d{4}-\d{2}-\d{2}$/
		);
		await screenshot(page, 'exercise-name-new-1280');
		await expectNoSeriousA11yViolations(page, 'new exercise at 1280');
		// A name of spaces passes the browser's "required" check; the server refuses it beside the field.
		await field.fill('   ');
		await page.getByRole('button', { name: 'Create exercise' }).click();
		await page.getByText('Give the exercise a name.').waitFor();
		expect(await field.getAttribute('aria-invalid')).toBe('true');
		id = await createExercise(page, app.url, {
			scenarioId: 'example-quickstart',
			organisation: 'Northwind Telecom',
			name: NAME
		});
	});

	it('shows the name on the lobby and the console, and renames it there', async () => {
		await page.getByRole('heading', { name: `Lobby: ${NAME}` }).waitFor();
		await page.goto(`${app.url}/exercises/${id}/console`);
		await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
		await page.getByRole('button', { name: 'Rename the exercise' }).click();
		await page.getByLabel('New name').fill(RENAMED);
		await page.getByRole('button', { name: 'Save name' }).click();
		await page
			.locator('#command-status')
			.getByText(`Renamed: the exercise is now called “${RENAMED}”.`)
			.waitFor();
		await page.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
		expect(await page.title()).toBe(`Console · ${RENAMED} · Switchboard`);
		await screenshot(page, 'exercise-name-console-1280');
		await expectNoSeriousA11yViolations(page, 'console at 1280');
		await page.setViewportSize({ width: 360, height: 740 });
		await screenshot(page, 'exercise-name-console-360');
		await expectNoSeriousA11yViolations(page, 'console at 360');
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(`${app.url}/exercises`);
		await page.getByRole('link', { name: RENAMED, exact: true }).waitFor();
	});

	it('shows the name to a participant on a phone', async () => {
		await page.goto(`${app.url}/exercises/${id}/lobby`);
		await joinAsParticipant(phone, await participantLink(page), 'Ana', SOC);
		await phone.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
		await screenshot(phone, 'exercise-name-play-360');
		await expectNoSeriousA11yViolations(phone, 'play at 360');
	});

	it('carries the name to the review page', async () => {
		await page.goto(`${app.url}/exercises/${id}/review`);
		await page.getByRole('heading', { level: 1, name: `After-action review: ${RENAMED}` }).waitFor();
	});
});
