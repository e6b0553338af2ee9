/**
 * People on slow phones fill in forms before the page's scripts have loaded. Hydration must keep what they typed
 * and chose, so the submission carries it. Scripts are held back with a route until the form is filled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Cookie, Page } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from './harness';
import {
	createExercise,
	firstRunSetup,
	joinAsParticipant,
	newPerson,
	participantLink,
	pageErrors,
	staffLink
} from './flows';

let app: RunningApp;
let browser: Browser;
let joinLink: string;
let staffJoinLink: string;
let facilitatorCookies: Cookie[];
let facilitator: Page;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	facilitator = (await newPerson(browser)).page;
	await firstRunSetup(facilitator, app.url);
	await createExercise(facilitator, app.url, {
		scenarioId: 'example-quickstart',
		organisation: 'Northwind Telecom'
	});
	joinLink = await participantLink(facilitator);
	staffJoinLink = await staffLink(facilitator);
	facilitatorCookies = await facilitator.context().cookies();
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

/** Opens `url` with its JavaScript held back; the returned function lets it load and waits for hydration. */
async function openWithoutScripts(
	url: string,
	cookies: Cookie[] = []
): Promise<{ page: Page; hydrate: () => Promise<void> }> {
	const { context, page } = await newPerson(browser);
	await context.addCookies(cookies);
	let release = () => {};
	const gate = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	return {
		page,
		hydrate: async () => {
			release();
			// Hydration runs as soon as the held scripts arrive; the network going quiet means they all did.
			await page.waitForLoadState('networkidle');
		}
	};
}

describe('forms filled in before the scripts load', () => {
	it('the participant join form keeps the typed name and chosen team through hydration', async () => {
		const { page, hydrate } = await openWithoutScripts(joinLink);
		await page.getByLabel('Your name').fill('Priya');
		await page.getByRole('radio', { name: /SOC \/ threat hunting/ }).check();
		await hydrate();
		expect(await page.getByLabel('Your name').inputValue()).toBe('Priya');
		expect(await page.getByRole('radio', { name: /SOC \/ threat hunting/ }).isChecked()).toBe(true);
		await page.getByRole('button', { name: 'Join the exercise' }).click();
		await page.getByText('SOC / threat hunting · Priya').waitFor();
	});

	it('the staff join form keeps the typed name and chosen role through hydration', async () => {
		const { page, hydrate } = await openWithoutScripts(staffJoinLink);
		await page.getByLabel('Your name').fill('Eve');
		await page.getByRole('radio', { name: /Evaluator/ }).check();
		await hydrate();
		expect(await page.getByLabel('Your name').inputValue()).toBe('Eve');
		expect(await page.getByRole('radio', { name: /Evaluator/ }).isChecked()).toBe(true);
	});

	it('the home page keeps a join code typed before hydration', async () => {
		const { page, hydrate } = await openWithoutScripts(app.url + '/');
		const code = joinLink.split('/').pop() ?? '';
		await page.getByLabel('Join code').fill(code);
		await hydrate();
		expect(await page.getByLabel('Join code').inputValue()).toBe(code);
	});

	it('the join page keeps a code typed before hydration', async () => {
		const { page, hydrate } = await openWithoutScripts(app.url + '/join');
		const code = joinLink.split('/').pop() ?? '';
		await page.getByLabel('Join code').fill(code);
		await hydrate();
		expect(await page.getByLabel('Join code').inputValue()).toBe(code);
	});

	it('the sign-in form keeps the typed username through hydration', async () => {
		const { page, hydrate } = await openWithoutScripts(app.url + '/login');
		await page.getByLabel('Username').fill('fran');
		await hydrate();
		expect(await page.getByLabel('Username').inputValue()).toBe('fran');
	});

	it('the new-exercise form keeps an edited organisation and a team left out through hydration', async () => {
		const { page, hydrate } = await openWithoutScripts(
			`${app.url}/exercises/new?scenario=example-quickstart`,
			facilitatorCookies
		);
		await page.getByLabel('Organisation name').fill('Contoso Mobile');
		await page.getByRole('checkbox', { name: /Communications/ }).uncheck();
		await hydrate();
		expect(await page.getByLabel('Organisation name').inputValue()).toBe('Contoso Mobile');
		expect(await page.getByRole('checkbox', { name: /Communications/ }).isChecked()).toBe(false);
	});

	it('the feedback form keeps ratings and answers given before hydration, and after a refused submit', async () => {
		const exerciseId = await createExercise(facilitator, app.url, {
			scenarioId: 'example-quickstart',
			organisation: 'Northwind Telecom'
		});
		const seat = await newPerson(browser);
		await joinAsParticipant(seat.page, await participantLink(facilitator), 'Quinn', 'SOC / threat hunting');
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		await facilitator.getByRole('button', { name: 'End exercise' }).click();
		await facilitator.getByRole('button', { name: 'Yes, end exercise' }).click();
		await facilitator.getByText('Exercise ended. The review is ready.').waitFor();

		const { page, hydrate } = await openWithoutScripts(
			`${app.url}/exercises/${exerciseId}/feedback`,
			await seat.context.cookies()
		);
		const statements = [
			'The exercise objectives were clear to me.',
			'The scenario was realistic for our organisation.',
			"I understood my team's role and responsibilities.",
			'The injects and materials helped us make decisions.',
			'I am better prepared to handle a real incident like this one.'
		];
		const agree = statements.map((name) =>
			page.getByRole('group', { name }).getByRole('radio', { name: '4 Agree' })
		);
		const went = page.getByLabel('What went well?');
		const takeaway = page.getByLabel('Your takeaway in one word');
		for (const radio of agree) await radio.check();
		await went.fill('Quick escalation');
		await takeaway.fill('two words');
		await hydrate();
		for (const radio of agree) expect(await radio.isChecked()).toBe(true);
		expect(await went.inputValue()).toBe('Quick escalation');
		expect(await takeaway.inputValue()).toBe('two words');

		await page.getByRole('button', { name: 'Send feedback' }).click();
		await page.getByText('Use a single word for your takeaway.').waitFor();
		for (const radio of agree) expect(await radio.isChecked()).toBe(true);
		expect(await went.inputValue()).toBe('Quick escalation');
		expect(await takeaway.inputValue()).toBe('two words');
	});

	it('no page threw an uncaught error or logged a console error', () => {
		expect(pageErrors, pageErrors.join('\n')).toEqual([]);
	});
});
