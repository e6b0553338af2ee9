/**
 * Evaluator-owned HSEEP ratings in the browser: the quickstart played through the socket (left running), an
 * evaluator rating objectives on the evaluator page at 1280x800 and, from the keyboard, at 360x740; the
 * facilitator rating from the console; a Legal participant's socket spied on throughout; then the review page
 * and the Markdown and JSON exports showing each rating beside its suggestion, with who and why.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireTeamView } from '../../src/lib/realtime/wire-view';
import { schemaErrors, type JsonSchema } from '../../src/lib/server/services/exports-json-schema';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	joinAsParticipant,
	joinAsStaff,
	participantLink,
	staffLink
} from './flows';
import { ViewFollower } from '../../src/lib/server/testing/view-follower';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import { command, playQuickstart, type Client } from './quickstart-play';

const LEGAL = 'Legal and regulatory';
const SOC = 'SOC / threat hunting';
const COMMS = 'Communications';
const NOTIFY = 'Meet the CPNI breach notice rule';
const DETECT = 'Scope the router compromise without alerting the intruder';
const PUBLIC = 'Speak accurately and consistently in public';
const REASON_S = 'Determination was reasoned, but the FBI was told before the Secret Service was asked.';
const REASON_M = 'On review of the log: the notice left out the case facts the rule asks for.';
const REASON_SOC = 'Kept the tunnel up and captured state without tipping off the intruder.';
const REASON_FAC = 'Legal never looked at the holding line before it went out.';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let facilitatorCookie: string;
let evaluator: Page;
let exerciseId: string;
/** Every view the Legal participant's socket received, as sent. */
/** Everything the Legal participant's socket received: the views it held and the patches, as sent. */
const legalFrames: string[] = [];
let legalSocket: Client | undefined;
let legalViews: ViewFollower | undefined;

async function person(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport, acceptDownloads: true });
	return { context, page: await context.newPage() };
}

const cookieHeader = async (context: BrowserContext) =>
	(await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

async function download(page: Page, linkName: string): Promise<string> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: linkName }).click()
	]);
	return readFileSync((await file.path())!).toString('utf8');
}

/** The rating card of one objective inside a rating panel, opened. */
async function openCard(page: Page, team: string, objective: string) {
	const panel = page.getByRole('region', { name: `HSEEP ratings: ${team}` });
	const card = panel.locator('details', { has: page.locator('summary', { hasText: objective }) });
	if (!(await card.evaluate((d) => (d as HTMLDetailsElement).open))) await card.locator('summary').click();
	return card;
}

/** Waits until the page has no horizontal scroll (nothing wider than the viewport). */
async function fitsWidth(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	const f = await person();
	facilitator = f.page;
	await firstRunSetup(facilitator, app.url);
	exerciseId = await createExercise(facilitator, app.url, {
		scenarioId: 'example-quickstart',
		organisation: 'Northwind Telecom'
	});
	facilitatorCookie = await cookieHeader(f.context);
	const staff = await staffLink(facilitator);
	const join = await participantLink(facilitator);

	evaluator = (await person()).page;
	await joinAsStaff(evaluator, staff, 'Eve', 'Evaluator');

	const lee = await person();
	await joinAsParticipant(lee.page, join, 'Lee', LEGAL);
	const seatCookie = await cookieHeader(lee.context);
	legalSocket = io(app.url, {
		transports: ['websocket'],
		extraHeaders: { cookie: seatCookie, origin: app.url },
		auth: { as: 'seat' },
		reconnection: false
	});
	legalViews = new ViewFollower(legalSocket);
	legalViews.on((msg) => legalFrames.push(JSON.stringify(msg)));
	legalSocket.on('exercise:patch', (msg) => legalFrames.push(JSON.stringify(msg)));
	await new Promise<void>((resolve, reject) => {
		legalSocket!.on('connect_error', reject);
		legalSocket!.on('connect', () => legalSocket!.emit('exercise:sync', { exerciseId }, () => resolve()));
	});

	await playQuickstart(app.url, facilitatorCookie, exerciseId, { end: false });
});

afterAll(async () => {
	legalSocket?.disconnect();
	await browser?.close();
	await app?.stop();
});

describe('evaluator-owned HSEEP ratings', () => {
	it('an evaluator rates Legal S with a reason and evidence, then M; the earlier rating stays listed', async () => {
		await evaluator.getByRole('tab', { name: new RegExp(`^${LEGAL}`) }).click();
		const card = await openCard(evaluator, LEGAL, NOTIFY);
		await card.getByText(/^Suggestion [PSMU]$|^No suggestion/).waitFor();
		const form = card.getByRole('form', { name: `Rate ${LEGAL} on ${NOTIFY}` });

		await form.getByRole('button', { name: 'Save rating' }).click();
		expect(await form.getByRole('alert').innerText()).toBe('Choose a rating: P, S, M or U.');
		await form.getByRole('radio', { name: /^S Performed with some challenges/ }).check();
		await form.getByRole('button', { name: 'Save rating' }).click();
		expect(await form.getByRole('alert').innerText()).toBe(
			'Give the reason for this rating; it appears in the review.'
		);

		await form.getByLabel('Reason (required)').fill(REASON_S);
		await form
			.getByRole('checkbox', { name: /answered “/ })
			.first()
			.check();
		await form.getByLabel('Other evidence (one per line)').fill('Watched the bridge call');
		await form.getByRole('button', { name: 'Save rating' }).click();
		await form.getByRole('status').getByText(`Rating saved: S for ${LEGAL} on ${NOTIFY}.`).waitFor();
		await card.getByText('Current rating: S — Performed with some challenges.').waitFor();
		await card.getByText('Set by Eve on', { exact: false }).waitFor();
		expect(await card.locator('summary').innerText()).toMatch(/S — suggestion [PSMU]|S — no suggestion/);

		await form.getByRole('radio', { name: /^M Performed with major challenges/ }).check();
		await form.getByLabel('Reason (required)').fill(REASON_M);
		await form.getByRole('button', { name: 'Save new rating' }).click();
		await card.getByText('Current rating: M — Performed with major challenges.').waitFor();
		await card.getByText(`Reason: ${REASON_M}`).waitFor();
		const earlier = card.locator('.earlier li');
		await earlier.first().waitFor();
		expect(await earlier.allInnerTexts()).toEqual([expect.stringMatching(/^S by Eve on /)]);
		// The evidence stays as cited: the ticked answer and the typed line.
		expect(
			await form
				.getByRole('checkbox', { name: /answered “/ })
				.first()
				.isChecked()
		).toBe(true);
		expect(await form.getByLabel('Other evidence (one per line)').inputValue()).toBe(
			'Watched the bridge call'
		);

		expect(await card.locator('.models li').allInnerTexts()).toContain(
			"Is this a breach of customer proprietary network information? — Best answer: 'Yes: determine a breach now and start the notice process'"
		);

		await screenshot(evaluator, 'ratings-evaluator-desktop');
		await expectNoSeriousA11yViolations(evaluator, 'evaluator rating panel at 1280x800');
	});

	it('at 360x740 the evaluator rates SOC from the keyboard, and the page fits the phone', async () => {
		await evaluator.setViewportSize(PHONE);
		const tab = evaluator.getByRole('tab', { name: new RegExp(`^${SOC.replace('/', '\\/')}`) });
		await tab.focus();
		await evaluator.keyboard.press('Enter');
		await evaluator.getByRole('region', { name: `HSEEP ratings: ${SOC}` }).waitFor();
		const panel = evaluator.getByRole('region', { name: `HSEEP ratings: ${SOC}` });
		const summary = panel.locator('summary', { hasText: DETECT });
		await summary.focus();
		await evaluator.keyboard.press('Enter');
		const form = panel.getByRole('form', { name: `Rate ${SOC} on ${DETECT}` });
		await form.waitFor();
		await evaluator.keyboard.press('Tab'); // first rating: P
		await evaluator.keyboard.press('Space');
		expect(await form.getByRole('radio', { name: /^P Performed without challenges/ }).isChecked()).toBe(true);
		await form.getByLabel('Reason (required)').focus();
		await evaluator.keyboard.type(REASON_SOC);
		await form.getByRole('button', { name: 'Save rating' }).focus();
		await evaluator.keyboard.press('Enter');
		await form.getByRole('status').getByText(`Rating saved: P for ${SOC} on ${DETECT}.`).waitFor();
		expect(await fitsWidth(evaluator)).toBe(true);
		await screenshot(evaluator, 'ratings-evaluator-phone');
		await expectNoSeriousA11yViolations(evaluator, 'evaluator rating panel at 360x740');
	});

	it('the facilitator rates from the console, where the evaluator’s ratings show with who set them', async () => {
		await facilitator.goto(`${app.url}/exercises/${exerciseId}/console`);
		const board = facilitator.getByRole('region', { name: 'HSEEP ratings', exact: true });
		await board.getByLabel('Team to rate').selectOption({ label: LEGAL });
		const notify = await openCard(facilitator, LEGAL, NOTIFY);
		await notify.getByText('Current rating: M — Performed with major challenges.').waitFor();
		await notify.getByText('Set by Eve on', { exact: false }).waitFor();
		const card = await openCard(facilitator, LEGAL, PUBLIC);
		const form = card.getByRole('form', { name: `Rate ${LEGAL} on ${PUBLIC}` });
		await form.getByRole('radio', { name: /^U Unable to be performed/ }).check();
		await form.getByLabel('Reason (required)').fill(REASON_FAC);
		await form.getByRole('button', { name: 'Save rating' }).click();
		await card.getByText('Current rating: U — Unable to be performed.').waitFor();
		await expectNoSeriousA11yViolations(facilitator, 'console rating panel');
	});

	it('the Legal participant never received a rating, suggestion or reason while the exercise ran', () => {
		expect(legalFrames.length).toBeGreaterThan(3);
		for (const frame of legalFrames) {
			expect(frame).not.toMatch(/"rating"|"suggestion"|"ratingHistory"|"byObjective"/);
			for (const text of [REASON_S, REASON_M, REASON_SOC, REASON_FAC]) expect(frame).not.toContain(text);
		}
	});

	it('after EndEx Legal sees its own ratings only, never SOC’s (the debrief does not share other teams)', async () => {
		const socket: Client = io(app.url, {
			transports: ['websocket'],
			extraHeaders: { cookie: facilitatorCookie, origin: app.url },
			auth: { as: 'facilitator' },
			reconnection: false
		});
		await new Promise<void>((ok) => socket.on('connect', () => ok()));
		const ended = new Promise<void>((resolve) =>
			legalViews!.on((msg) => {
				if (msg.view.header.lifecycle === 'ended') resolve();
			})
		);
		await command(socket, exerciseId, { type: 'exercise.end' }, 'e2e-ratings-end');
		await ended;
		socket.disconnect();
		const last = legalViews!.current!;
		const view = last.view as WireTeamView;
		expect(view.score?.byObjective['obj-notify']).toMatchObject({ rating: 'M', reason: REASON_M });
		expect(view.debrief?.otherTeams).toBeUndefined();
		for (const frame of legalFrames) expect(frame).not.toContain(REASON_SOC);
	});

	it('the scenario guide states a ranking’s model order and that teams see options shuffled', async () => {
		await facilitator.goto(`${app.url}/scenarios/example-quickstart`);
		const decision = facilitator.locator('.decision', { hasText: 'Model order:' }).first();
		expect(await decision.locator('.model').innerText()).toMatch(
			/^Model order: 1\. .+; 2\. .+; 3\. .+; 4\. .+$/
		);
		await decision.getByText('Options as written; each team sees them in its own shuffled order.').waitFor();
		await expectNoSeriousA11yViolations(facilitator, 'scenario guide');
	});

	describe('the review and its exports', () => {
		let suggestions: Record<string, Record<string, string | null>>;

		it('the JSON export carries each rating beside the suggestion, and every rating given in its log', async () => {
			await facilitator.goto(`${app.url}/exercises/${exerciseId}/review`);
			const doc = JSON.parse(await download(facilitator, 'JSON (whole exercise)'));
			const schema = JSON.parse(readFileSync('docs/exercise-export.schema.json', 'utf8')) as JsonSchema;
			expect(schemaErrors(schema, doc)).toEqual([]);
			expect(doc.scores.legal.byObjective['obj-notify']).toMatchObject({
				rating: 'M',
				ratedBy: 'Eve',
				reason: REASON_M,
				evidence: [expect.stringMatching(/^decision:.*:legal$/), 'Watched the bridge call']
			});
			expect(doc.scores.soc.byObjective['obj-detect']).toMatchObject({ rating: 'P', reason: REASON_SOC });
			expect(doc.scores.legal.byObjective['obj-public']).toMatchObject({
				rating: 'U',
				ratedBy: 'Fran Facilitator'
			});
			const ratingsGiven = doc.inputs
				.filter((i: { command: { type: string } }) => i.command.type === 'rating.set')
				.map((i: { command: { rating: string; reason: string } }) => [i.command.rating, i.command.reason]);
			expect(ratingsGiven).toEqual([
				['S', REASON_S],
				['M', REASON_M],
				['P', REASON_SOC],
				['U', REASON_FAC]
			]);
			expect(
				doc.timeline.filter((e: { kind: string }) => e.kind === 'rated').map((e: { text: string }) => e.text)
			).toEqual([
				`Rated ${LEGAL} S on "${NOTIFY}" (by Eve)`,
				`Rated ${LEGAL} M on "${NOTIFY}" (by Eve)`,
				`Rated ${SOC} P on "${DETECT}" (by Eve)`,
				`Rated ${LEGAL} U on "${PUBLIC}" (by Fran Facilitator)`
			]);
			suggestions = Object.fromEntries(
				Object.entries(
					doc.scores as Record<string, { byObjective: Record<string, { suggestion: string | null }> }>
				).map(([team, s]) => [
					team,
					Object.fromEntries(Object.entries(s.byObjective).map(([o, r]) => [o, r.suggestion]))
				])
			);
			expect(suggestions.comms['obj-public']).toMatch(/^[PSMU]$/);
		});

		it('the review page shows the rating beside the suggestion with who and why, and unrated ones plainly', async () => {
			const objectives = facilitator.getByRole('region', { name: 'Objectives: ratings and evidence' });
			const notify = objectives.getByRole('article', { name: NOTIFY });
			const legal = notify.locator('details', { hasText: `${LEGAL}:` });
			const suggested = suggestions.legal['obj-notify'];
			expect(await legal.locator('summary').innerText()).toContain(
				`${LEGAL}: M — Performed with major challenges — ${suggested ? `suggestion ${suggested}` : 'no suggestion'}`
			);
			await legal.locator('summary').click();
			await legal.getByText(`Rated M by Eve`, { exact: false }).waitFor();
			expect(await legal.innerText()).toContain(REASON_M);
			expect(await legal.innerText()).toContain('Watched the bridge call');
			const comms = objectives
				.getByRole('article', { name: PUBLIC })
				.locator('summary', { hasText: `${COMMS}:` });
			expect(await comms.innerText()).toContain(
				`${COMMS}: not rated yet — suggestion ${suggestions.comms['obj-public']}`
			);
			const table = facilitator.locator('table', {
				has: facilitator.locator('caption', { hasText: `${LEGAL} by objective` })
			});
			const row = table.locator('tbody tr', { hasText: NOTIFY });
			expect(await row.innerText()).toContain('M: Performed with major challenges');
			await expectNoSeriousA11yViolations(facilitator, 'review at 1280x800');
			await facilitator.setViewportSize(PHONE);
			await screenshot(facilitator, 'ratings-review-phone');
			await expectNoSeriousA11yViolations(facilitator, 'review at 360x740');
			await facilitator.setViewportSize(DESKTOP);
		});

		it('the Markdown export shows each rating beside its suggestion, who and why, and unrated ones plainly', async () => {
			const md = await download(facilitator, 'Markdown');
			const s = suggestions.legal['obj-notify'];
			expect(md).toContain(
				`| ${LEGAL} | M — Performed with major challenges | ${s ? `suggestion ${s}` : 'no suggestion (nothing to earn)'} |`
			);
			expect(md).toContain(`**${LEGAL}: rated M — `);
			expect(md).toMatch(new RegExp(`rated by Eve on [^*]+\\*\\* Why: ${REASON_M.replace(/[.:]/g, '\\$&')}`));
			expect(md).toContain('- Evidence: Watched the bridge call');
			expect(md).toContain(`**${COMMS}: not rated yet — suggestion ${suggestions.comms['obj-public']}.**`);
		});
	});
});
