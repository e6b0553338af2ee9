/**
 * In-world messages in the flagship, played as a new team would in Chromium: Legal drafts the USSS/FBI CPNI
 * report, the Executive team approves it, Legal sends it to the USSS/FBI persona, the facilitator replies from a
 * template, and the CPNI clock stops at the send time. Communications then sends a press statement to the
 * reporter after the executives approve it, and the room view shows it. Desktop (1280x800) and phone
 * (360x740), axe clean. The press statement goes out inside the CPNI hold, which the facilitator sees flagged at
 * once; the facilitator marks the CPNI report and an evaluator the statement against the scenario's message
 * rubrics, and the marks reach the score, the review and the export. The steps run in order and build on each
 * other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	joinAsParticipant,
	joinAsStaff,
	newPerson,
	openClockStrip,
	pageErrors,
	participantLink,
	releaseNow,
	staffLink
} from './flows';

const LEGAL = 'Legal and regulatory';
const EXEC = 'Executive leadership';
const COMMS = 'Communications';
const REPORT_BODY = 'Call records for 13 to 27 September were copied out of the mediation network.';
const STATEMENT_BODY = 'We are working with federal authorities and will not comment further tonight.';
const CPNI_HOLD = 'Customer and public notice hold after the CPNI report';
const REPORT_RUBRIC = 'The CPNI breach report to the USSS and FBI';
const STATEMENT_RUBRIC = 'The statement to the reporter';
const MARK_NOTE = 'Dates given; the recipient line also named the FCC.';

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let legal: Page;
let exec: Page;
let comms: Page;
let evaluator: Page;
let exerciseId: string;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	[facilitator, legal, exec, comms, evaluator] = await Promise.all(
		[0, 1, 2, 3, 4].map(async () => (await newPerson(browser)).page)
	);
	for (const p of [facilitator, legal, exec, comms, evaluator])
		await p.setViewportSize({ width: 1280, height: 800 });
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
		await joinAsStaff(evaluator, await staffLink(facilitator), 'Eve', 'Evaluator');
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

	it('the facilitator sees at once that the press statement breached the CPNI hold', async () => {
		// The CPNI report went out, so the customer and public notice hold is in force; a press statement breaks it.
		const inbox = facilitator.getByRole('region', { name: /^Inbox/ });
		const statement = inbox.getByRole('article', { name: 'Statement on the reports' });
		await statement.getByText(`Sent while a hold was in force: ${CPNI_HOLD} breached.`).waitFor();
		// The team sees its hold as breached, never the control cell's note on its statement.
		expect(await comms.getByText(/Sent while a hold was in force/).count()).toBe(0);
	});

	it('the facilitator marks the sent CPNI report against its rubric from the console inbox', async () => {
		const inbox = facilitator.getByRole('region', { name: /^Inbox/ });
		const form = inbox
			.getByRole('article', { name: 'CPNI breach report' })
			.getByRole('form', { name: `Marked against “${REPORT_RUBRIC}”` });
		await form.getByText('Not marked yet.').waitFor();
		const credit = (criterion: RegExp, level: string) =>
			form.getByRole('group', { name: criterion }).getByRole('radio', { name: level }).check();
		await credit(/^Says what was taken, over which dates/, 'Full credit');
		await credit(/^Filed within seven business days/, 'Full credit');
		await credit(/^Sent through the central reporting facility/, 'Half credit');
		await form.getByLabel(/^Note/).fill(MARK_NOTE);
		await expectNoSeriousA11yViolations(facilitator, 'console inbox with a marking form at 1280 px');
		await form.getByRole('button', { name: /^Save marks/ }).click();
		await form.getByText(/^4\.5 of 6 points, marked by /).waitFor();
		await facilitator.setViewportSize({ width: 360, height: 740 });
		await form.scrollIntoViewIfNeeded();
		await expectNoSeriousA11yViolations(facilitator, 'console inbox with a marking form at 360 px');
		await screenshot(facilitator, 'messages-console-marks-phone');
		await facilitator.setViewportSize({ width: 1280, height: 800 });
		// Legal never sees the rubric, the marks or the note.
		expect(await legal.getByText(/marked by|Says what was taken/).count()).toBe(0);
		expect(await legal.getByText(MARK_NOTE).count()).toBe(0);
	});

	it('an evaluator marks the statement to the reporter from the evaluator page', async () => {
		await evaluator.getByRole('tab', { name: new RegExp(`^${COMMS}`) }).click();
		const form = evaluator
			.getByRole('region', { name: 'Messages to mark' })
			.getByRole('article', { name: 'Statement on the reports' })
			.getByRole('form', { name: `Marked against “${STATEMENT_RUBRIC}”` });
		await form
			.getByRole('group', { name: /^Sent before the reporter's 18:00 deadline/ })
			.getByRole('radio', { name: 'Full credit' })
			.check();
		await form.getByRole('button', { name: /^Save marks/ }).click();
		await form.getByText('1 of 5 points, marked by Eve').waitFor();
		await expectNoSeriousA11yViolations(evaluator, 'evaluator page with messages to mark');
	});

	it('the marks score for the team against the objective, and the breach costs the hold, in the export', async () => {
		const res = await facilitator.request.get(`${app.url}/exercises/${exerciseId}/review/export.json`);
		const doc = await res.json();
		const find = (subject: string) => doc.messages.find((m: { subject: string }) => m.subject === subject);
		expect(find('CPNI breach report').mark).toMatchObject({
			points: 4.5,
			maxPoints: 6,
			marks: { content: 1, timing: 1, recipient: 0.5, approval: 0 },
			note: MARK_NOTE
		});
		const entries = (team: string) => doc.scores[team].entries as { id: string }[];
		expect(entries('legal').find((e) => e.id === 'message:cpni-report:legal')).toMatchObject({
			points: 4.5,
			maxPoints: 6,
			objectives: ['obj-notify']
		});
		expect(entries('comms').find((e) => e.id === 'message:reporter-statement:comms')).toMatchObject({
			points: 1,
			objectives: ['obj-public']
		});
		const statement = find('Statement on the reports');
		expect(statement.breaches).toEqual([{ clockId: 'cpni-hold', name: CPNI_HOLD }]);
		expect(doc.clocks.find((c: { id: string }) => c.id === 'cpni-hold')).toMatchObject({
			status: 'breached',
			stoppedAt: statement.sentAt
		});
		expect(entries('legal').find((e) => e.id === 'clock:cpni-hold')).toMatchObject({ points: -8 });
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
		await report.getByText(`Marked against “${REPORT_RUBRIC}”:`).waitFor();
		await report.getByText(`Note: ${MARK_NOTE}`).waitFor();
		await region
			.getByRole('article', { name: 'Statement on the reports' })
			.getByText(`Sent while a hold was in force: ${CPNI_HOLD} breached.`)
			.waitFor();
		await expectNoSeriousA11yViolations(facilitator, 'review with messages');
	});

	it('no page threw an uncaught error or logged a console error', () => {
		expect(pageErrors, pageErrors.join('\n')).toEqual([]);
	});
});
