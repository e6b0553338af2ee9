/**
 * Time and the debrief from the console, in Chromium: the facilitator jumps the flagship to Tuesday evening, the
 * legal and LI teams answer the questions that start their clocks, and the "next morning" quick pick takes the
 * exercise to Wednesday 08:00; the clock strip on the console and on the legal
 * team's page shows the right remaining business time. At the end the facilitator changes what teams see, and
 * the team's page follows. A second scenario with a legal deadline, a benchmark and a hold checks that every
 * screen labels a benchmark as not a legal deadline and a hold as a hold. Steps run in order and build on each
 * other; nothing waits on time (the exercise is paused before the jumps).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	joinAsParticipant,
	joinAsStaff,
	newPerson,
	pageErrors,
	openClockStrip,
	participantLink,
	staffLink
} from './flows';

const BENCHMARK = 'Exercise benchmark, not a legal deadline';
const CPNI = 'CPNI breach report to the USSS and FBI';
const CALEA = 'CALEA compromise report to the affected agencies';

let app: RunningApp;
let scenarios: string;
let browser: Browser;
let facilitator: Page;
let legal: Page;
let li: Page;

beforeAll(async () => {
	// The flagship as shipped, and the labelling drill from the server tests.
	scenarios = mkdtempSync(path.join(tmpdir(), 'switchboard-e2e-scenarios-'));
	copyFileSync('scenarios/salt-typhoon.yaml', path.join(scenarios, 'salt-typhoon.yaml'));
	copyFileSync('src/lib/server/testing/scenarios/clock-kinds.yaml', path.join(scenarios, 'clock-kinds.yaml'));
	app = await startApp({ SWITCHBOARD_SCENARIOS: scenarios });
	browser = await launchBrowser();
	facilitator = (await newPerson(browser)).page;
	legal = (await newPerson(browser)).page;
	li = (await newPerson(browser)).page;
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
	if (scenarios) rmSync(scenarios, { recursive: true, force: true });
});

const jumpSection = () => facilitator.getByRole('region', { name: 'Jump the scenario clock' });
const clockItem = (page: Page, name: string): Locator =>
	page
		.getByRole('region', { name: 'Regulatory clocks' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name, exact: true }) });

describe('jumping the flagship’s scenario clock from the console', () => {
	it('the facilitator runs the flagship with the legal and lawful-intercept teams, paused', async () => {
		await firstRunSetup(facilitator, app.url);
		await createExercise(facilitator, app.url, {
			scenarioId: 'salt-typhoon',
			organisation: 'Northwind Telecom',
			leaveOut: ['SOC / threat hunting', 'Network engineering', 'Communications', 'Executive leadership']
		});
		const link = await participantLink(facilitator);
		await joinAsParticipant(legal, link, 'Lena', 'Legal and regulatory');
		await joinAsParticipant(li, link, 'Ivo', 'Lawful-intercept compliance');
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		await facilitator.getByRole('button', { name: 'Pause' }).click();
		await facilitator.getByText('Paused: the scenario clock is stopped.').waitFor();
	});

	it('previews what a jump to Tuesday 18:00 fires, then jumps there', async () => {
		const jump = jumpSection();
		await jump.getByRole('radio', { name: 'A chosen in-world time' }).check();
		await jump.getByText('Choose a quick pick or enter a date and time.').waitFor();
		await jump.getByLabel('In-world date and time').fill('2024-10-01T18:00');
		await jump.getByText(/^To Tue 1 Oct 2024, 18:00: \d+ scheduled items? on the way/).waitFor();
		const fires = jump.getByRole('list', { name: 'What the jump fires' }).getByRole('listitem');
		expect(await fires.count()).toBeGreaterThan(0);
		expect(await fires.first().innerText()).toMatch(/^(Mon 30 Sept|Tue 1 Oct) 2024, \d\d:\d\d .+ reaches /);
		await expectNoSeriousA11yViolations(facilitator, 'console with the jump preview');
		await jump.getByRole('button', { name: 'Jump to Tue 1 Oct 2024, 18:00' }).click();
		await facilitator.getByText(/^Scenario clock moved to Tue 1 Oct 2024, 18:00\./).waitFor();
		await facilitator.locator('time.world', { hasText: 'Tue 1 Oct 2024, 18:00' }).waitFor();
	});

	it('the legal and LI teams answer the questions that start their clocks', async () => {
		const determination = legal.getByRole('region', {
			name: 'Does this memo amount to a reasonable determination of a CPNI breach under 47 CFR 64.2011? Give your reasoning.',
			exact: true
		});
		await determination
			.getByRole('radio', { name: 'Yes - record the determination and its time today' })
			.check();
		await determination
			.getByLabel(/^Why\? Your team’s reasoning/)
			.fill('An outsider took call records with a stolen account: that is a CPNI breach.');
		await determination.getByRole('button', { name: 'Submit team answer' }).click();
		const assess = li.getByRole('region', {
			name: 'How do you classify what the audit shows, and who do you bring in first?',
			exact: true
		});
		await assess
			.getByRole('radio', {
				name: 'A compromise of lawful interception; the senior LI officer takes charge and the record is preserved'
			})
			.check();
		await assess.getByRole('button', { name: 'Submit team answer' }).click();
		await clockItem(facilitator, CPNI).waitFor();
		await clockItem(facilitator, CALEA).waitFor();
	});

	it('refuses a time that is not later, naming the time now', async () => {
		const jump = jumpSection();
		await jump.getByRole('radio', { name: 'A chosen in-world time' }).check();
		await jump.getByLabel('In-world date and time').fill('2024-10-01T09:00');
		await jump.getByText('Choose a time later than the scenario time now (Tue 1 Oct 2024, 18:00).').waitFor();
		expect(await jump.getByRole('button', { name: 'Jump', exact: true }).isDisabled()).toBe(true);
	});

	it('jumps to the next morning with the quick pick, from the keyboard', async () => {
		const jump = jumpSection();
		const pick = jump.getByRole('button', { name: 'The next morning (08:00)' });
		await pick.focus();
		await facilitator.keyboard.press('Enter');
		expect(await pick.getAttribute('aria-pressed')).toBe('true');
		await jump.getByText(/^To Wed 2 Oct 2024, 08:00:/).waitFor();
		const go = jump.getByRole('button', { name: 'Jump to Wed 2 Oct 2024, 08:00' });
		await go.focus();
		await facilitator.keyboard.press('Enter');
		await facilitator.getByText(/^Scenario clock moved to Wed 2 Oct 2024, 08:00\./).waitFor();
	});

	it('the console’s clock strip shows the remaining business time of each running clock', async () => {
		const cpni = clockItem(facilitator, CPNI);
		await cpni.getByText('8d 16h left in calendar time (a window of 7 business days)').waitFor();
		await cpni.getByText('Due Fri 11 Oct 2024, 00:00').waitFor();
		expect(await cpni.locator('.status').innerText()).toBe('Running');
		const calea = clockItem(facilitator, CALEA);
		await calea.getByText(/^2d 10h left of /).waitFor();
		await calea.getByText('Due Fri 4 Oct 2024, 18:00').waitFor();
		await calea.getByText(BENCHMARK).waitFor();
		await screenshot(facilitator, 'console-after-jump');
	});

	it('the legal and LI teams’ clock strips show the same', async () => {
		for (const page of [legal, li]) await openClockStrip(page);
		const cpni = clockItem(legal, CPNI);
		await cpni.getByText('8d 16h left in calendar time (a window of 7 business days)').waitFor();
		await cpni.getByText('Due Fri 11 Oct 2024, 00:00').waitFor();
		await clockItem(li, CALEA)
			.getByText(/^2d 10h left of /)
			.waitFor();
		await clockItem(li, CALEA).getByText(BENCHMARK).waitFor();
	});

	it('the jump control fits a 360 px phone', async () => {
		await facilitator.setViewportSize({ width: 360, height: 740 });
		await jumpSection().getByRole('radio', { name: 'A chosen in-world time' }).check();
		const jump = jumpSection();
		const width = await jump.evaluate((el) => el.scrollWidth - el.clientWidth);
		expect(width).toBeLessThanOrEqual(0);
		await expectNoSeriousA11yViolations(facilitator, 'console at 360 px');
		await screenshot(facilitator, 'console-jump-phone');
		await facilitator.setViewportSize({ width: 1280, height: 800 });
	});

	it('after EndEx the facilitator chooses what teams see, and the team’s page follows', async () => {
		await facilitator.getByRole('button', { name: 'End exercise' }).click();
		await facilitator.getByRole('button', { name: 'Yes, end exercise' }).click();
		const debrief = facilitator.getByRole('region', { name: 'What teams see in the debrief' });
		await debrief.waitFor();
		await legal.getByRole('heading', { name: "Your team's score" }).waitFor();
		expect(await legal.getByRole('heading', { name: 'Model answers' }).count()).toBe(0);

		await debrief.getByRole('checkbox', { name: /^Model answers/ }).check();
		await debrief.getByRole('button', { name: 'Save what teams see' }).click();
		await facilitator.getByText('Teams now see their own score and model answers.').waitFor();
		await legal.getByRole('heading', { name: 'Model answers' }).waitFor();
		await legal.getByRole('heading', { name: "Other teams' results" }).waitFor({ state: 'detached' });
		await expectNoSeriousA11yViolations(legal, 'team page with model answers');

		await debrief.getByRole('checkbox', { name: /^Model answers/ }).uncheck();
		await debrief.getByRole('checkbox', { name: /^Other teams’ results/ }).check();
		await debrief.getByRole('button', { name: 'Save what teams see' }).click();
		await facilitator.getByText('Teams now see their own score and other teams’ results.').waitFor();
		await legal.getByRole('heading', { name: "Other teams' results" }).waitFor();
		await legal.getByRole('heading', { name: 'Model answers' }).waitFor({ state: 'detached' });
		await legal.getByRole('row', { name: /Lawful-intercept compliance/ }).waitFor();
		await expectNoSeriousA11yViolations(facilitator, 'console with the debrief settings');
	});
});

describe('benchmark and hold labels on every screen', () => {
	let soc: Page;
	let evaluator: Page;

	it('the scenario guide labels each clock', async () => {
		await facilitator.goto(`${app.url}/scenarios/clock-kinds`);
		const row = (name: string) => facilitator.getByRole('row').filter({ hasText: name });
		await row('Early warning to the CSIRT').getByRole('cell', { name: BENCHMARK, exact: true }).waitFor();
		await row('Law-enforcement quiet period').getByRole('cell', { name: 'Hold', exact: true }).waitFor();
		await row('Regulator report').getByRole('cell', { name: 'Deadline', exact: true }).waitFor();
	});

	it('the console, the team’s page and the evaluator’s page label them while they run', async () => {
		await createExercise(facilitator, app.url, { scenarioId: 'clock-kinds', organisation: 'Testco' });
		soc = (await newPerson(browser)).page;
		evaluator = (await newPerson(browser)).page;
		await joinAsParticipant(soc, await participantLink(facilitator), 'Sam', 'SOC');
		await joinAsStaff(evaluator, await staffLink(facilitator), 'Eva', 'Evaluator');
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		await facilitator.getByRole('button', { name: 'Pause' }).click();
		await soc.getByRole('region', { name: 'Regulatory clocks' }).waitFor();
		await openClockStrip(soc);
		for (const page of [facilitator, soc, evaluator]) {
			await clockItem(page, 'Early warning to the CSIRT').getByText(BENCHMARK).waitFor();
			const hold = clockItem(page, 'Law-enforcement quiet period');
			await hold.getByText(/^Hold · Test rule 3/).waitFor();
			expect(await hold.locator('.status').innerText()).toBe('In force');
			expect(await clockItem(page, 'Regulator report').getByText(BENCHMARK).count()).toBe(0);
		}
	});

	it('the review labels them once the hold is breached', async () => {
		const decision = soc.getByRole('region', { name: 'Do you report to the regulator now?', exact: true });
		await decision.getByRole('radio', { name: 'Wait for more facts' }).check();
		await decision.getByRole('button', { name: 'Submit team answer' }).click();
		await clockItem(soc, 'Law-enforcement quiet period').getByText('Breached', { exact: true }).waitFor();
		await facilitator.getByRole('button', { name: 'End exercise' }).click();
		await facilitator.getByRole('button', { name: 'Yes, end exercise' }).click();
		await facilitator.getByRole('link', { name: 'Open review' }).click();
		await facilitator.waitForURL('**/review');
		const table = facilitator.getByRole('table', { name: 'Regulatory clocks: started, deadline, outcome' });
		const row = (name: string) => table.getByRole('row').filter({ hasText: name });
		await row('Early warning to the CSIRT').getByRole('cell', { name: BENCHMARK, exact: true }).waitFor();
		const hold = row('Law-enforcement quiet period');
		await hold.getByRole('cell', { name: 'Hold', exact: true }).waitFor();
		await hold.getByText(/^Breached .* before it ended$/).waitFor();
		await facilitator
			.getByText(/Regulatory clocks: 0 met, 0 missed; holds: 0 observed, 1 breached/)
			.waitFor();
		await expectNoSeriousA11yViolations(facilitator, 'review with clock labels');
	});

	it('no page threw an uncaught error or logged a console error', () => {
		expect(pageErrors, pageErrors.join('\n')).toEqual([]);
	});
});
