/**
 * In-world messages in the flagship, played as a new team would in Chromium: Legal drafts the USSS/FBI CPNI
 * report, the Executive team approves it, Legal sends it to the USSS/FBI persona, the facilitator replies from a
 * template, and the CPNI clock stops at the send time. Communications then sends a press statement to the
 * reporter after the executives approve it, and the room view shows it. Desktop (1280x800) and phone
 * (360x740), axe clean. The steps run in order and build on each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	joinAsParticipant,
	newPerson,
	openClockStrip,
	pageErrors,
	participantLink,
	releaseNow
} from './flows';

const LEGAL = 'Legal and regulatory';
const EXEC = 'Executive leadership';
const COMMS = 'Communications';
const REPORT_BODY = 'Call records for 13 to 27 September were copied out of the mediation network.';
const STATEMENT_BODY = 'We are working with federal authorities and will not comment further tonight.';

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let legal: Page;
let exec: Page;
let comms: Page;
let exerciseId: string;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	[facilitator, legal, exec, comms] = await Promise.all(
		[0, 1, 2, 3].map(async () => (await newPerson(browser)).page)
	);
	for (const p of [facilitator, legal, exec, comms]) await p.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const messages = (page: Page) => page.getByRole('region', { name: 'Messages', exact: true });
const card = (page: Page, subject: string) =>
	messages(page).getByRole('article', { name: subject, exact: true });

async function compose(page: Page, to: RegExp, subject: string, body: string, channel?: string) {
	await messages(page).getByRole('button', { name: 'New message' }).click();
	const form = messages(page).getByRole('form', { name: 'New message' });
	await form.getByRole('checkbox', { name: to }).check();
	if (channel) await form.getByLabel('Channel').selectOption({ label: channel });
	await form.getByLabel('Subject').fill(subject);
	await form.getByLabel('Message').fill(body);
	await form.getByRole('button', { name: 'Save draft' }).click();
	await card(page, subject).waitFor();
}

describe('messages in the flagship', () => {
	it('sets up an exercise with Legal, Executives and Communications and starts it', async () => {
		await firstRunSetup(facilitator, app.url);
		exerciseId = await createExercise(facilitator, app.url, {
			scenarioId: 'salt-typhoon',
			organisation: 'Northwind Telecom',
			leaveOut: ['SOC / threat hunting', 'Network engineering', 'Lawful-intercept compliance']
		});
		const link = await participantLink(facilitator);
		await joinAsParticipant(legal, link, 'Lena', LEGAL);
		await joinAsParticipant(exec, link, 'Eli', EXEC);
		await joinAsParticipant(comms, link, 'Cleo', COMMS);
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
	});

	it('Legal records the CPNI determination, so the CPNI report clock runs', async () => {
		await releaseNow(facilitator, 'Forensics confirms call-detail records left the network');
		const decision = legal.getByRole('region', {
			name: 'Does this memo amount to a reasonable determination of a CPNI breach under 47 CFR 64.2011? Give your reasoning.',
			exact: true
		});
		await decision.getByRole('radio', { name: 'Yes - record the determination and its time today' }).check();
		await decision.getByLabel(/^Why\? Your team’s reasoning/).fill('Call records were taken by an outsider.');
		await decision.getByRole('button', { name: 'Submit team answer' }).click();
		await openClockStrip(legal);
		const cpni = legal
			.getByRole('region', { name: 'Regulatory clocks' })
			.getByRole('listitem')
			.filter({ hasText: 'CPNI breach report to the USSS and FBI' });
		await cpni.getByText('Running', { exact: true }).waitFor();
	});

	it('Legal drafts the USSS/FBI report; other teams do not see the draft', async () => {
		await compose(legal, /^USSS and FBI/, 'CPNI breach report', REPORT_BODY);
		const draft = card(legal, 'CPNI breach report');
		await draft.getByText('Regulator filing', { exact: true }).waitFor();
		await draft.getByText('Last edited by Lena').waitFor();
		await expectNoSeriousA11yViolations(legal, 'legal workspace with a draft');
		expect(await exec.getByText(REPORT_BODY).count()).toBe(0);
		await draft.getByRole('button', { name: 'Submit for approval by Executive leadership' }).click();
		await draft.getByText('With Executive leadership for approval.').waitFor();
	});

	it('the Executive team approves it and Legal sends it to the USSS/FBI persona', async () => {
		const pending = card(exec, 'CPNI breach report');
		await pending.getByText(REPORT_BODY).waitFor();
		await expectNoSeriousA11yViolations(exec, 'executive approval panel');
		await pending.getByLabel(/^Comment/).fill('Approved: file today.');
		await pending.getByRole('button', { name: 'Approve' }).click();
		const draft = card(legal, 'CPNI breach report');
		await draft.getByText('Approved by Executive leadership (Eli): “Approved: file today.”').waitFor();
		await draft.getByRole('button', { name: 'Send', exact: true }).click();
		await card(legal, 'CPNI breach report').getByText('Sent', { exact: true }).waitFor();
	});

	it('the facilitator replies from a template and Legal reads the reply', async () => {
		const inbox = facilitator.getByRole('region', { name: /^Inbox/ });
		const message = inbox.getByRole('article', { name: 'CPNI breach report' });
		await message.getByText(REPORT_BODY).waitFor();
		await message.getByRole('button', { name: 'Receipt' }).click();
		await expectNoSeriousA11yViolations(facilitator, 'console inbox');
		await message.getByRole('button', { name: 'Send reply' }).click();
		await card(legal, 'CPNI breach report')
			.getByText(/has been received and forwarded\s+to the US Secret Service and the FBI/)
			.waitFor();
		await card(legal, 'CPNI breach report')
			.getByText('Reply from USSS and FBI (CPNI breach reporting facility)')
			.waitFor();
		await screenshot(legal, 'messages-legal-reply');
	});

	it('the CPNI clock stopped at the moment the report was sent', async () => {
		await openClockStrip(legal);
		const cpni = legal
			.getByRole('region', { name: 'Regulatory clocks' })
			.getByRole('listitem')
			.filter({ hasText: 'CPNI breach report to the USSS and FBI' });
		await cpni.getByText('Met', { exact: true }).waitFor();
		const res = await facilitator.request.get(`${app.url}/exercises/${exerciseId}/review/export.json`);
		expect(res.status()).toBe(200);
		const doc = await res.json();
		const report = doc.messages.find((m: { subject: string }) => m.subject === 'CPNI breach report');
		const clock = doc.clocks.find((c: { id: string }) => c.id === 'fcc-cpni');
		expect(report.status).toBe('sent');
		expect(clock.status).toBe('met');
		expect(clock.stoppedAt).toBe(report.sentAt);
		expect(report.steps.map((s: { kind: string }) => s.kind)).toEqual([
			'drafted',
			'submitted',
			'approved',
			'sent',
			'reply'
		]);
	});

	it('Communications, on a phone, sends a statement to the reporter after approval', async () => {
		await comms.setViewportSize({ width: 360, height: 740 });
		// The compose form itself, open on a phone.
		await messages(comms).getByRole('button', { name: 'New message' }).click();
		await messages(comms).getByRole('form', { name: 'New message' }).waitFor();
		await expectNoSeriousA11yViolations(comms, 'compose form at 360 px');
		expect(await comms.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await messages(comms).getByRole('button', { name: 'Cancel' }).click();
		await compose(comms, /^M\. Lindqvist/, 'Statement on the reports', STATEMENT_BODY, 'Press statement');
		await expectNoSeriousA11yViolations(comms, 'communications messages at 360 px');
		const width = await comms.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
		const draft = card(comms, 'Statement on the reports');
		await draft.getByRole('button', { name: 'Submit for approval by Executive leadership' }).click();
		await card(exec, 'Statement on the reports').getByRole('button', { name: 'Approve' }).click();
		await draft.getByRole('button', { name: 'Send', exact: true }).click();
		await card(comms, 'Statement on the reports').getByText('Sent', { exact: true }).waitFor();
		await screenshot(comms, 'messages-comms-phone');
	});

	it('the room view shows the published statement and nothing private', async () => {
		const room = await facilitator.context().newPage();
		await room.setViewportSize({ width: 1280, height: 800 });
		// The names' arrival animation would catch axe mid-fade; a projector set to reduced motion has none.
		await room.emulateMedia({ reducedMotion: 'reduce' });
		await room.goto(`${app.url}/exercises/${exerciseId}/room`);
		const news = room.getByRole('region', { name: 'News' });
		await news.getByText('Statement from Communications:').waitFor();
		await news.getByText(STATEMENT_BODY).waitFor();
		expect(await room.getByText(REPORT_BODY).count()).toBe(0);
		// The facilitator puts the CPNI clock on screen; the choice stays with this browser.
		await room.getByText(/^Clocks on screen/).click();
		await room.getByRole('checkbox', { name: 'CPNI breach report to the USSS and FBI' }).check();
		const clocks = room.getByRole('region', { name: 'Clocks', exact: true });
		await clocks.getByText('Met', { exact: true }).waitFor();
		expect(await clocks.getByText(/Facilitator notes/).count()).toBe(0);
		await room.reload();
		await room
			.getByRole('region', { name: 'Clocks', exact: true })
			.getByText('Met', { exact: true })
			.waitFor();
		await expectNoSeriousA11yViolations(room, 'room view with news');
		await room.setViewportSize({ width: 360, height: 740 });
		await expectNoSeriousA11yViolations(room, 'room view at 360 px');
		await screenshot(room, 'messages-room');
		await room.close();
	});

	it('the review shows each team’s messages with their approvals and replies', async () => {
		await facilitator.goto(`${app.url}/exercises/${exerciseId}/review`);
		const region = facilitator.getByRole('region', { name: 'Messages', exact: true });
		const report = region.getByRole('article', { name: 'CPNI breach report' });
		await report.getByText('Approved by Executive leadership (Eli): “Approved: file today.”').waitFor();
		await report.getByText('Reply from USSS and FBI (CPNI breach reporting facility)').waitFor();
		await region
			.getByRole('article', { name: 'Statement on the reports' })
			.getByText(STATEMENT_BODY)
			.waitFor();
		await expectNoSeriousA11yViolations(facilitator, 'review with messages');
	});

	it('no page threw an uncaught error or logged a console error', () => {
		expect(pageErrors, pageErrors.join('\n')).toEqual([]);
	});
});
