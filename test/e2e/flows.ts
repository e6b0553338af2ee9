/**
 * Steps the browser tests share: first-run setup, creating an exercise, joining as participant or staff, and
 * reading what the pages show. Each step waits on what the page renders (roles, labels, text), never on time.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, seriousA11yViolations, startApp, type RunningApp } from './harness';

/** Facilitator account the tests create on a fresh database. */
export const FACILITATOR = { name: 'Fran Facilitator', username: 'fran', password: 'correct horse battery' };

/** Uncaught exceptions and console errors from every page the tests opened, as "url: message" lines. */
export const pageErrors: string[] = [];

/** A page in its own browser context (own cookies), so each person holds their own session or seat. */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	context.on('page', watchErrors);
	const page = await context.newPage();
	return { context, page };
}

function watchErrors(page: Page): void {
	page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') pageErrors.push(`${page.url()}: ${m.text()}`);
	});
}

/** Creates the first facilitator account through /setup; the server signs them in and opens the library. */
export async function firstRunSetup(page: Page, url: string): Promise<void> {
	await page.goto(url + '/setup');
	await page.getByLabel('Display name').fill(FACILITATOR.name);
	await page.getByLabel('Username').fill(FACILITATOR.username);
	await page.getByLabel('Password', { exact: true }).fill(FACILITATOR.password);
	await page.getByLabel('Password again').fill(FACILITATOR.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.waitForURL('**/scenarios');
}

/** One app on a fresh database, one Chromium and the facilitator's page at 1280x800: a browser file's session. */
export interface FacilitatorSession {
	app: RunningApp;
	browser: Browser;
	page: Page;
	/** Closes the browser and stops the app (deleting its database). */
	close(): Promise<void>;
}

/**
 * Starts the built app and Chromium and opens the facilitator's page; with `setup` (the default) the facilitator
 * account is created through first-run setup, which signs them in. Anything started is stopped again if a later
 * step fails.
 */
export async function facilitatorSession({ setup = true } = {}): Promise<FacilitatorSession> {
	let app: RunningApp | undefined;
	let browser: Browser | undefined;
	const close = async () => {
		await browser?.close();
		await app?.stop();
	};
	try {
		app = await startApp();
		browser = await launchBrowser();
		const { page } = await newPerson(browser);
		await page.setViewportSize({ width: 1280, height: 800 });
		if (setup) await firstRunSetup(page, app.url);
		return { app, browser, page, close };
	} catch (e) {
		await close();
		throw e;
	}
}

/** Signs in through /login with the test facilitator's credentials. */
export async function signIn(page: Page, url: string): Promise<void> {
	await page.goto(url + '/login');
	await page.getByLabel('Username').fill(FACILITATOR.username);
	await page.getByLabel('Password').fill(FACILITATOR.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Fills the new-exercise form for a scenario and lands in its lobby; returns the exercise id. */
export async function createExercise(
	page: Page,
	url: string,
	opts: { scenarioId: string; organisation: string; leaveOut?: string[]; compression?: number; name?: string }
): Promise<string> {
	await page.goto(`${url}/exercises/new?scenario=${opts.scenarioId}`);
	if (opts.name !== undefined) await page.getByLabel('Exercise name').fill(opts.name);
	await page.getByLabel('Organisation name').fill(opts.organisation);
	for (const team of opts.leaveOut ?? []) await page.getByRole('checkbox', { name: team }).uncheck();
	if (opts.compression) await page.getByLabel('Time compression').selectOption(String(opts.compression));
	await page.getByRole('button', { name: 'Create exercise' }).click();
	await page.waitForURL('**/lobby');
	return new URL(page.url()).pathname.split('/')[2];
}

/** The participants' join link shown in the lobby. */
export async function participantLink(lobby: Page): Promise<string> {
	const link = lobby
		.getByRole('region', { name: 'Participants join with' })
		.getByRole('link', { name: /\/join\// });
	return (await link.getAttribute('href')) ?? '';
}

/** The staff (observer/evaluator) join link, which the lobby shows only once asked to. */
export async function staffLink(lobby: Page): Promise<string> {
	const region = lobby.getByRole('region', { name: 'Observers and evaluators' });
	const reveal = region.getByRole('button', { name: 'Show the staff code' });
	if ((await reveal.count()) > 0) await reveal.click();
	const link = region.getByRole('link');
	return (await link.getAttribute('href')) ?? '';
}

/**
 * Takes a participant seat from a join link and waits for the team workspace; with `team` null the participant
 * leaves the choice to the facilitator and waits on the "place me" page instead.
 */
export async function joinAsParticipant(
	page: Page,
	link: string,
	name: string,
	team: string | null
): Promise<void> {
	if (page.url() !== link) await page.goto(link);
	await page.getByLabel('Your name').fill(name);
	const choice = team === null ? 'Let the facilitator place me' : new RegExp(escape(team));
	await page.getByRole('radio', { name: choice }).check();
	await page.getByRole('button', { name: 'Join the exercise' }).click();
	await page.waitForURL('**/play/**');
	if (team === null) await page.getByText('Waiting for the facilitator to place you in a team.').waitFor();
	else await page.getByText(`${team} · ${name}`).waitFor();
}

/** Takes an observer or evaluator seat from the staff link and waits for the staff view. */
export async function joinAsStaff(
	page: Page,
	link: string,
	name: string,
	role: 'Observer' | 'Evaluator'
): Promise<void> {
	await page.goto(link);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('radio', { name: new RegExp(role) }).check();
	await page.getByRole('button', { name: 'Join as staff' }).click();
	await page.waitForURL('**/observe/**');
	await page.getByText(`${role} · ${name}`).waitFor();
}

/**
 * Releases one inject from the console now, by its title, and waits until the console lists it as delivered.
 * Under high compression the scheduler may deliver it first; the button is then gone and that is fine too.
 */
export async function releaseNow(consolePage: Page, title: string): Promise<void> {
	const delivered = consolePage
		.getByRole('list', { name: /^Delivered \(/ })
		.getByRole('listitem')
		.filter({ has: consolePage.getByText(title, { exact: true }) });
	const button = consolePage.getByRole('button', { name: `Release now: ${title}`, exact: true });
	const showAll = consolePage.getByRole('button', { name: /^Show all \d+ upcoming injects$/ });
	if ((await button.count()) === 0 && (await showAll.count()) > 0) await showAll.click();
	await button.or(delivered).first().waitFor();
	if ((await delivered.count()) === 0) {
		await button.click({ timeout: 5_000 }).catch(async (e) => {
			if ((await delivered.count()) === 0) throw e;
		});
	}
	await delivered.waitFor();
}

/** Opens a participant's folded clock strip; does nothing on pages that list the clocks in full. */
export async function openClockStrip(page: Page): Promise<void> {
	const details = page.getByRole('region', { name: 'Regulatory clocks' }).locator('details');
	if ((await details.count()) === 0) return;
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
		await details.locator('summary').click();
}

/** The heading an inject shows under in a feed. */
export function injectHeading(page: Page | Locator, title: string): Locator {
	return page.getByRole('heading', { name: title, exact: true });
}

/** Asserts axe-core finds no serious or critical violation; the list is the failure message. */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
	const violations = await seriousA11yViolations(page);
	expect(violations, `${where}:\n${violations.join('\n')}`).toEqual([]);
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
