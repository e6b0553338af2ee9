/**
 * Every page on a 360 px phone: the sweep visits each route under src/routes (a test fails when a new page is
 * not visited), in the state people meet it (a running exercise with a decision open, then the ended one), and
 * checks that nothing is wider than the screen. Each page is also screenshotted at 360x740 and 1280x800 and
 * checked with axe-core; the main pages (home, join, lobby, play, console, observe, review, scenarios) again in the
 * dark theme, at both sizes. The evaluator's page is met with a router log in the feed: its lines wrap at 1280 px
 * and every box that scrolls sideways can be reached from the keyboard.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousA11yViolations, type RunningApp } from './harness';
import {
	createExercise,
	FACILITATOR,
	facilitatorSession,
	firstRunSetup,
	injectHeading,
	joinAsParticipant,
	joinAsStaff,
	newPerson,
	participantLink,
	releaseNow,
	staffLink,
	type FacilitatorSession
} from './flows';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const SOC = 'SOC / threat hunting';
const TICKET = 'Unplanned change on pe-chi-02';
const SYSLOG = 'Syslog and an on-box script from pe-chi-02';

/** Route ids of every page (a +page.svelte) under src/routes, e.g. "/exercises/[id]/review". */
function pageRoutes(dir = 'src/routes', base = ''): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) out.push(...pageRoutes(full, `${base}/${name}`));
		else if (name === '+page.svelte') out.push(base || '/');
	}
	return out;
}

/**
 * Pages this sweep leaves to another test, and why: the report is an A4 print layout (test/e2e/report.test.ts
 * checks its pages), and the draft editor needs a draft of the author's own (test/e2e/studio.test.ts opens it at
 * 360x740 with axe).
 */
const CHECKED_ELSEWHERE = ['/exercises/[id]/review/report', '/scenarios/[id]/edit'];

let session: FacilitatorSession;
let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let player: Page;
let evaluator: Page;
let visitor: Page;
let exerciseId: string;
let joinCode: string;
const visited = new Set<string>();

/** Elements sticking out past the right edge of the screen, for the failure message. */
async function overflowingElements(page: Page): Promise<string[]> {
	return page.evaluate((limit) => {
		const describe = (el: Element) =>
			el.tagName.toLowerCase() +
			(el.id ? `#${el.id}` : '') +
			[...el.classList]
				.filter((c) => !c.startsWith('svelte-'))
				.map((c) => `.${c}`)
				.join('');
		// Content scrolling inside a box that itself fits (a wide table in its scroll box) is fine.
		const clipped = (el: Element) => {
			for (let p = el.parentElement; p; p = p.parentElement)
				if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= limit + 0.5)
					return true;
			return false;
		};
		const out: string[] = [];
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.right <= limit + 0.5 || clipped(el)) continue;
			// Report the outermost offender only: skip elements whose parent already sticks out.
			const parent = el.parentElement;
			if (parent && parent.getBoundingClientRect().right > limit + 0.5 && !clipped(parent)) continue;
			out.push(`${describe(el)} (right edge ${Math.round(r.right)} px)`);
		}
		return out.slice(0, 8);
	}, PHONE.width);
}

/** Soft check: the page is no wider than the phone screen; the failure names what sticks out. */
async function fitsPhone(page: Page, route: string, name: string): Promise<void> {
	const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
	const offenders = width > PHONE.width ? await overflowingElements(page) : [];
	expect
		.soft(width, `${name} (${route}) is ${width} px wide at 360 px:\n${offenders.join('\n')}`)
		.toBeLessThanOrEqual(PHONE.width);
}

/**
 * Opens a page at phone size, waits until `ready` has rendered, then checks there is no horizontal overflow,
 * takes both screenshots and runs axe (serious and critical findings fail the test, softly, so one run lists
 * every page's problems). With `dark`, the same page is then shown with the device in dark mode (the theme
 * follows it): screenshots, axe and the width check again at both sizes.
 */
async function sweep(
	page: Page,
	route: string,
	url: string,
	name: string,
	ready: (page: Page) => Promise<unknown> = (p) => p.locator('h1').first().waitFor(),
	{ dark = false }: { dark?: boolean } = {}
): Promise<void> {
	visited.add(route);
	await page.setViewportSize(PHONE);
	if (url) await page.goto(app.url + url);
	await ready(page);
	await fitsPhone(page, route, name);
	await screenshot(page, `${name}-360`);
	const phoneViolations = await seriousA11yViolations(page);
	expect.soft(phoneViolations, `${name} at 360 px`).toEqual([]);
	await page.setViewportSize(DESKTOP);
	await screenshot(page, `${name}-1280`);
	const desktopViolations = await seriousA11yViolations(page);
	expect.soft(desktopViolations, `${name} at 1280 px`).toEqual([]);
	if (dark) await darkChecks(page, route, name);
	await page.setViewportSize(PHONE);
}

/**
 * The page in the dark theme at both sizes: screenshots, axe at 1280 and 360 px, and nothing wider than the phone
 * screen; then light again.
 */
async function darkChecks(page: Page, route: string, name: string): Promise<void> {
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
	await screenshot(page, `${name}-1280-dark`);
	const violations = await seriousA11yViolations(page);
	expect.soft(violations, `${name} at 1280 px, dark theme`).toEqual([]);
	await page.setViewportSize(PHONE);
	await fitsPhone(page, route, `${name}, dark theme`);
	await screenshot(page, `${name}-360-dark`);
	const phoneViolations = await seriousA11yViolations(page);
	expect.soft(phoneViolations, `${name} at 360 px, dark theme`).toEqual([]);
	await page.emulateMedia({ colorScheme: 'light' });
	await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
}

/**
 * Boxes on the page that scroll sideways (content wider than the box) and how: a log that must wrap instead, or
 * a box that keyboard users cannot reach or that has no name to announce.
 */
async function sidewaysScrollProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		for (const el of document.querySelectorAll('main *')) {
			if (!(el instanceof HTMLElement) || el.scrollWidth <= el.clientWidth + 1) continue;
			const style = getComputedStyle(el);
			if (style.overflowX === 'visible' || style.overflowX === 'hidden' || el.clientWidth <= 1) continue;
			const name = el.getAttribute('aria-label') ?? el.tagName.toLowerCase();
			const sizes = `${el.scrollWidth} px of text in ${el.clientWidth} px`;
			if (el.querySelector('code.wrap') || /syslog/i.test(name)) out.push(`log "${name}" cut off: ${sizes}`);
			else if (el.tabIndex < 0 || !el.getAttribute('aria-label'))
				out.push(`"${name}" scrolls (${sizes}) but is not a named, focusable region`);
		}
		return out;
	});
}

beforeAll(async () => {
	// The facilitator's account is made in the first test, which checks the set-up page before it is used.
	session = await facilitatorSession({ setup: false });
	({ app, browser, page: facilitator } = session);
	[player, evaluator, visitor] = await Promise.all(
		Array.from({ length: 3 }, async () => (await newPerson(browser)).page)
	);
});

afterAll(() => session?.close());

// Each page is opened, measured, screenshotted twice and checked by axe twice: slow on a shared machine.
describe('every page fits a 360 px screen', { timeout: 300_000 }, () => {
	it('first-run setup, then the facilitator’s library and account pages', async () => {
		await sweep(facilitator, '/setup', '/setup', 'setup');
		await firstRunSetup(facilitator, app.url);
		await sweep(visitor, '/', '/', 'home', undefined, { dark: true });
		await sweep(facilitator, '/scenarios', '/scenarios', 'scenarios', undefined, { dark: true });
		await sweep(facilitator, '/scenarios/[id]', '/scenarios/salt-typhoon', 'scenario-detail');
		await sweep(facilitator, '/scenarios/import', '/scenarios/import', 'scenario-import');
		await sweep(facilitator, '/exercises/new', '/exercises/new?scenario=salt-typhoon', 'exercise-new');
	});

	it('the account and administration pages', async () => {
		await sweep(facilitator, '/account', '/account', 'account');
		await sweep(facilitator, '/admin', '/admin', 'admin');
		await sweep(facilitator, '/admin/audit', '/admin/audit', 'admin-audit');
	});

	it('an invitation link opens its sign-up page', async () => {
		await facilitator.goto(app.url + '/admin');
		await facilitator.getByLabel('Who is it for').fill('Robin Reviewer');
		await facilitator.getByRole('button', { name: 'Create invitation link' }).click();
		const link = await facilitator.getByLabel(/^Invitation link/).inputValue();
		await sweep(visitor, '/invite/[token]', new URL(link).pathname, 'invite');
	});

	it('the lobby, the room view and both join pages', async () => {
		exerciseId = await createExercise(facilitator, app.url, {
			scenarioId: 'example-quickstart',
			organisation: 'Northwind Telecom'
		});
		await sweep(facilitator, '/exercises', '/exercises', 'exercises');
		await sweep(facilitator, '/exercises/[id]/lobby', `/exercises/${exerciseId}/lobby`, 'lobby', undefined, {
			dark: true
		});
		const link = await participantLink(facilitator);
		const staff = await staffLink(facilitator);
		joinCode = new URL(link).pathname.split('/').pop()!;
		await sweep(facilitator, '/exercises/[id]/room', `/exercises/${exerciseId}/room`, 'room-lobby');
		await sweep(player, '/join', '/join', 'join', undefined, { dark: true });
		await sweep(player, '/join/[code]', new URL(link).pathname, 'join-code');
		await joinAsParticipant(player, link, 'Alice', SOC);
		await joinAsStaff(evaluator, staff, 'Eve', 'Evaluator');
	});

	it('the running exercise: play with a decision open, observe, console and room', async () => {
		await facilitator.goto(`${app.url}/exercises/${exerciseId}/lobby`);
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		await releaseNow(facilitator, TICKET);
		await releaseNow(facilitator, SYSLOG);
		await sweep(
			player,
			'/play/[exerciseId]',
			`/play/${exerciseId}`,
			'play-running',
			(p) => injectHeading(p, TICKET).waitFor(),
			{ dark: true }
		);
		await sweep(
			evaluator,
			'/observe/[exerciseId]',
			`/observe/${exerciseId}`,
			'observe-running',
			(p) => injectHeading(p, SYSLOG).first().waitFor(),
			{ dark: true }
		);
		// The evaluator at 1280 px: the router log's long lines are all in view, other wide boxes scroll by keyboard.
		await evaluator.setViewportSize(DESKTOP);
		expect(await evaluator.getByRole('region', { name: /^syslog, pe-chi-02/ }).count()).toBeGreaterThan(0);
		expect(await sidewaysScrollProblems(evaluator), 'observe at 1280 px').toEqual([]);
		await evaluator.setViewportSize(PHONE);
		expect(await sidewaysScrollProblems(evaluator), 'observe at 360 px').toEqual([]);
		await sweep(
			facilitator,
			'/exercises/[id]/console',
			`/exercises/${exerciseId}/console`,
			'console-running',
			(p) => p.getByRole('button', { name: 'Pause' }).waitFor(),
			{ dark: true }
		);
		await sweep(facilitator, '/exercises/[id]/room', `/exercises/${exerciseId}/room`, 'room-running');
	});

	it('after the end: review, hot wash, feedback, trends and the ended play page', async () => {
		await facilitator.goto(`${app.url}/exercises/${exerciseId}/console`);
		await facilitator.getByRole('button', { name: 'End exercise' }).click();
		await facilitator.getByRole('button', { name: 'Yes, end exercise' }).click();
		await facilitator.getByText('Exercise ended. The review is ready.').waitFor();
		await sweep(
			facilitator,
			'/exercises/[id]/review',
			`/exercises/${exerciseId}/review`,
			'review',
			undefined,
			{
				dark: true
			}
		);
		await sweep(facilitator, '/exercises/[id]/hotwash', `/exercises/${exerciseId}/hotwash`, 'hotwash');
		await sweep(facilitator, '/trends', '/trends', 'trends');
		await sweep(player, '/exercises/[id]/feedback', `/exercises/${exerciseId}/feedback`, 'feedback');
		await sweep(player, '/play/[exerciseId]', `/play/${exerciseId}`, 'play-ended', (p) =>
			p.getByText('The exercise has ended.').waitFor()
		);
		await sweep(evaluator, '/observe/[exerciseId]', `/observe/${exerciseId}`, 'observe-ended');
	});

	it('sign-in, a wrong join code, the single sign-on callback and the code step', async () => {
		const fresh = (await newPerson(browser)).page;
		await sweep(fresh, '/login', '/login', 'login');
		await sweep(
			fresh,
			'/join/[code]',
			`/join/${joinCode.replace(/.$/, (c) => (c === 'X' ? 'Y' : 'X'))}`,
			'join-wrong-code'
		);
		// Without single sign-on configured the callback answers with the error page.
		await sweep(fresh, '/login/oidc/callback', '/login/oidc/callback', 'oidc-callback-error');
		await sweep(facilitator, '/logout', '/logout', 'logout');

		await facilitator.goto(app.url + '/account');
		await facilitator.getByRole('button', { name: 'Set up an authenticator app' }).click();
		const key = (await facilitator.locator('code.key').innerText()).trim();
		await facilitator.getByLabel('Code from the app').fill(await generate({ secret: key }));
		await facilitator.getByRole('button', { name: 'Turn on' }).click();
		await facilitator.getByText('Keep these recovery codes somewhere safe').waitFor();
		await facilitator.goto(app.url + '/logout');
		await facilitator.getByRole('button', { name: 'Sign out' }).click();
		await facilitator.goto(app.url + '/login');
		await facilitator.getByLabel('Username').fill(FACILITATOR.username);
		await facilitator.getByLabel('Password').fill(FACILITATOR.password);
		await facilitator.getByRole('button', { name: 'Sign in' }).click();
		await facilitator.waitForURL('**/login/code**');
		await sweep(facilitator, '/login/code', '', 'login-code');
	});

	it('visited every page under src/routes', () => {
		expect(pageRoutes().filter((r) => !visited.has(r) && !CHECKED_ELSEWHERE.includes(r))).toEqual([]);
	});
});
