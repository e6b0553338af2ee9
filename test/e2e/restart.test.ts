/**
 * The server goes away mid-exercise and comes back on the same database: open pages reconnect by themselves,
 * an answer given during the outage is delivered once (its idempotency key survives), and live pushes resume.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from './harness';
import {
	createExercise,
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
const HUNT = 'Mirror port shows what the tunnel carries';

/** The page's connection badge showing the given state. */
const connection = (page: Page, label: string) =>
	page.getByRole('status').filter({ hasText: new RegExp(`Connection:\\s*${label}`) });

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let alice: Page;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	facilitator = (await newPerson(browser)).page;
	alice = (await newPerson(browser)).page;
	await firstRunSetup(facilitator, app.url);
	await createExercise(facilitator, app.url, {
		scenarioId: 'example-quickstart',
		organisation: 'Northwind Telecom'
	});
	await joinAsParticipant(alice, await participantLink(facilitator), 'Alice', SOC);
	await facilitator.getByRole('button', { name: 'Start exercise' }).click();
	await facilitator.waitForURL('**/console');
	await releaseNow(facilitator, TICKET);
	await injectHeading(alice, TICKET).waitFor();
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('a server restart during an exercise', () => {
	it('an answer given while the server is down is delivered once it is back', async () => {
		await app.halt();
		await connection(alice, 'Reconnecting…').waitFor();
		const decision = alice.getByRole('region', { name: CONTAIN_PROMPT });
		await decision.getByRole('radio', { name: MONITOR }).check();
		await decision.getByRole('button', { name: 'Submit team answer' }).click();
		await alice.getByText('· 1 sending').waitFor();
		await app.relaunch();
		await alice.getByText('Your team answered (submitted by Alice)').waitFor();
		await connection(alice, 'Live').waitFor();
	});

	it('the facilitator console reconnects and shows the answer and the score', async () => {
		const card = facilitator.getByRole('article', { name: SOC });
		await card.getByText('Answered, on time by Alice').waitFor();
		await card.getByText(/^6 \/ \d+ pts$/).waitFor();
		const log = facilitator.getByRole('region', { name: 'Latest events' });
		expect(await log.getByRole('listitem').filter({ hasText: CONTAIN_PROMPT }).count()).toBe(1);
	});

	it('live pushes reach the participant again after the restart', async () => {
		await releaseNow(facilitator, HUNT);
		await injectHeading(alice, HUNT).waitFor();
	});

	it('no page threw an uncaught error or logged a console error', () => {
		// While the server is down, the browser logs each refused reconnect attempt; those are expected.
		const unexpected = pageErrors.filter((e) => !e.includes('net::ERR_CONNECTION_REFUSED'));
		expect(unexpected, unexpected.join('\n')).toEqual([]);
	});
});
