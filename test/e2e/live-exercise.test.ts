/**
 * The quickstart scenario played live in Chromium: a facilitator, two teams of two participants and an evaluator,
 * each in their own browser context, from first-run setup to the after-action review. The steps run in order and
 * build on each other; each names the one behaviour it checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import {
	createExercise,
	FACILITATOR,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	injectHeading,
	joinAsParticipant,
	joinAsStaff,
	newPerson,
	pageErrors,
	participantLink,
	releaseNow,
	signIn,
	staffLink
} from './flows';

const SOC = 'SOC / threat hunting';
const COMMS = 'Communications';
const TICKET = 'Unplanned change on pe-chi-02';
const CONTAIN_PROMPT = 'What does the SOC do with the tunnel right now?';
const MONITOR = "Leave it up, mirror its traffic and capture the router's state";
const PRESS_CALL = 'Reporter on the line';
const STATEMENT =
	'We are investigating unauthorised activity on part of our network with outside experts and have ' +
	'informed law enforcement. We will share more when we can do so accurately.';

const ADHOC_TITLE = 'Core router vendor on the phone';
const ADHOC_PROMPT = 'Do we let the vendor log in to pe-chi-02 remotely?';
const ADHOC_OPTIONS = ['Yes, under our supervision', 'No, on site only', 'Not before legal signs off'];

type Marked = Window & { keptPage?: boolean };

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let alice: Page; // SOC
let bob: Page; // SOC
let carol: Page; // Communications
let dan: Page; // Communications
let evaluator: Page;
let exerciseId: string;
let joinLink: string;
let roomPage: Page;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	[facilitator, alice, bob, carol, dan, evaluator] = await Promise.all(
		Array.from({ length: 6 }, async () => (await newPerson(browser)).page)
	);
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('a live quickstart exercise', () => {
	it('home page offers first-run setup and passes axe-core', async () => {
		await facilitator.goto(app.url + '/');
		await facilitator.getByRole('link', { name: 'Set up Switchboard' }).waitFor();
		await expectNoSeriousA11yViolations(facilitator, 'home page');
	});

	it('facilitator creates the first account, signs out and signs back in', async () => {
		await firstRunSetup(facilitator, app.url);
		await facilitator.goto(app.url + '/exercises');
		await facilitator.getByRole('button', { name: /^Sign out/ }).click();
		await facilitator.waitForURL((u) => !u.pathname.startsWith('/exercises'));
		await signIn(facilitator, app.url);
		await facilitator.goto(app.url + '/');
		await facilitator.getByText(`Signed in as ${FACILITATOR.name}.`).waitFor();
	});

	it('lobby shows the join code and link and passes axe-core', async () => {
		exerciseId = await createExercise(facilitator, app.url, {
			scenarioId: 'example-quickstart',
			organisation: 'Northwind Telecom',
			leaveOut: ['Legal and regulatory']
		});
		joinLink = await participantLink(facilitator);
		expect(joinLink).toMatch(/\/join\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
		await facilitator.getByText(/^Join code /).waitFor({ state: 'attached' });
		await expectNoSeriousA11yViolations(facilitator, 'lobby');
	});

	it('the lobby keeps the staff code hidden until the facilitator asks for it', async () => {
		const staff = facilitator.getByRole('region', { name: 'Observers and evaluators' });
		expect(await staff.getByText(/^Staff code/).count()).toBe(0);
		expect(await staff.getByRole('link').count()).toBe(0);
		const reveal = staff.getByRole('button', { name: 'Show the staff code' });
		expect(await reveal.getAttribute('aria-expanded')).toBe('false');
		await reveal.click();
		await staff.getByText(/^Staff code [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}/).waitFor();
		await staff.getByRole('button', { name: 'Hide the staff code' }).click();
		await staff.getByText(/^Staff code/).waitFor({ state: 'detached' });
	});

	it('a wrong join code on the home page is answered in place, with the code kept in the field', async () => {
		await alice.goto(app.url + '/');
		await alice.getByLabel('Join code').fill('ZZZZ-ZZZZ-ZZ');
		await alice.getByRole('button', { name: 'Join', exact: true }).click();
		const alert = alice.getByRole('alert');
		await alert.waitFor();
		expect(await alert.innerText()).toMatch(/no exercise has that code/i);
		expect(new URL(alice.url()).pathname).toBe('/');
		expect(await alice.getByLabel('Join code').inputValue()).toBe('ZZZZ-ZZZZ-ZZ');
	});

	it('a join link with a wrong code offers the code box with the code in it and says why', async () => {
		await alice.goto(app.url + '/join/ZZZZ-ZZZZ-ZZ');
		await alice.getByRole('heading', { name: 'Join an exercise' }).waitFor();
		expect(await alice.getByRole('alert').innerText()).toMatch(/no exercise has that code/i);
		const field = alice.getByLabel('Join code');
		expect(await field.inputValue()).toBe('ZZZZ-ZZZZ-ZZ');
		const code = joinLink.split('/').pop() ?? '';
		await field.fill(code);
		await alice.getByRole('button', { name: 'Continue' }).click();
		await alice.waitForURL(`**/join/${code}`);
		await alice.getByRole('radio').first().waitFor();
		await expectNoSeriousA11yViolations(alice, 'join page after a wrong code');
	});

	it('the code is grouped the same way in the lobby, on the join page and in the room view', async () => {
		const code = joinLink.split('/').pop() ?? '';
		const lobbyCode = facilitator.getByRole('region', { name: 'Participants join with' }).locator('.code');
		expect((await lobbyCode.innerText()).trim()).toContain(code);
		await alice.goto(app.url + '/join');
		await alice.getByLabel('Join code').fill(code.replace(/-/g, '').toLowerCase());
		await alice.getByRole('button', { name: 'Continue' }).click();
		await alice.waitForURL(`**/join/${code}`);
		await alice.getByText(`code ${code}`).waitFor();
	});

	it('a malformed join code is refused with a message naming the problem', async () => {
		await alice.goto(app.url + '/');
		await alice.getByLabel('Join code').fill('hi!');
		await alice.getByRole('button', { name: 'Join', exact: true }).click();
		const alert = alice.getByRole('alert');
		await alert.waitFor();
		expect(await alert.innerText()).toMatch(/code/i);
		expect(new URL(alice.url()).pathname).toBe('/');
	});

	it('the join page passes axe-core', async () => {
		await alice.goto(joinLink);
		await alice.getByRole('heading', { name: /^Join / }).waitFor();
		await expectNoSeriousA11yViolations(alice, 'join page');
	});

	it('lobby lists each participant as they join', async () => {
		const code = joinLink.split('/').pop() ?? '';
		await bob.goto(app.url + '/');
		await bob.getByLabel('Join code').fill(code.toLowerCase());
		await bob.getByRole('button', { name: 'Join', exact: true }).click();
		await bob.waitForURL('**/join/**');
		await joinAsParticipant(bob, bob.url(), 'Bob', SOC);
		await joinAsParticipant(alice, joinLink, 'Alice', SOC);
		await joinAsParticipant(carol, joinLink, 'Carol', COMMS);
		await facilitator.getByRole('heading', { name: 'Who has joined (3)' }).waitFor();
		for (const name of ['Alice', 'Bob', 'Carol']) {
			await facilitator.getByText(`${name}, connected`).waitFor({ state: 'attached' });
		}
	});

	it('the room view shows the code, the QR code and the teams filling up, and never the staff code', async () => {
		const staffCode = (await staffLink(facilitator)).split('/').pop() ?? '';
		await facilitator.getByRole('button', { name: 'Hide the staff code' }).click();
		const [room] = await Promise.all([
			facilitator.context().waitForEvent('page'),
			facilitator.getByRole('link', { name: 'Open the room view for the projector' }).click()
		]);
		roomPage = room;
		await room.waitForLoadState();
		const code = joinLink.split('/').pop() ?? '';
		await room.getByText(code, { exact: true }).waitFor();
		await room.getByRole('img', { name: /^QR code for / }).waitFor();
		await room
			.getByRole('list', { name: `In ${SOC}` })
			.getByText('Alice')
			.waitFor();
		await room
			.getByRole('list', { name: `In ${SOC}` })
			.getByText('Bob')
			.waitFor();
		await room
			.getByRole('list', { name: `In ${COMMS}` })
			.getByText('Carol')
			.waitFor();
		await room.getByRole('status').getByText('3 people have joined').waitFor();
		expect(await room.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
		expect(await room.content()).not.toContain(staffCode);
		await expectNoSeriousA11yViolations(room, 'room view');
		for (const [width, height] of [
			[1280, 800],
			[360, 740]
		]) {
			await room.setViewportSize({ width, height });
			expect(await room.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			await screenshot(room, `room-view-${width}`);
		}
	});

	it('a participant who leaves the team to the facilitator gets the workspace once moved in the lobby', async () => {
		await joinAsParticipant(dan, joinLink, 'Dan', null);
		const unplaced = facilitator.getByRole('heading', { name: 'Not yet placed (1)' });
		await unplaced.waitFor();
		await facilitator.getByRole('combobox', { name: 'Team for Dan' }).selectOption({ label: COMMS });
		await facilitator.getByRole('button', { name: 'Move Dan' }).click();
		await dan.getByText(`${COMMS} · Dan`).waitFor();
		await facilitator.getByRole('heading', { name: 'Who has joined (4)' }).waitFor();
		await unplaced.waitFor({ state: 'detached' });
	});

	it('the room view follows the lobby live: a newcomer placed by the facilitator appears in their team', async () => {
		await roomPage
			.getByRole('list', { name: `In ${COMMS}` })
			.getByText('Dan')
			.waitFor();
		await roomPage.getByRole('status').getByText('4 people have joined').waitFor();
		await roomPage.close();
	});

	it('a participant cannot open the facilitator console', async () => {
		await alice.goto(`${app.url}/exercises/${exerciseId}/console`);
		await alice.waitForURL('**/login**');
		expect(new URL(alice.url()).pathname).toBe('/login');
		await alice.goto(`${app.url}/play/${exerciseId}`);
		await alice.getByText(`${SOC} · Alice`).waitFor();
	});

	it('the facilitator starts the exercise and lands on the console', async () => {
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		await facilitator.getByRole('button', { name: 'Pause' }).waitFor();
		await alice.getByText('Waiting for the facilitator to begin.').waitFor({ state: 'detached' });
		await expectNoSeriousA11yViolations(facilitator, 'console');
	});

	it('a released inject arrives live in both SOC members’ feeds without a reload', async () => {
		// A marker on the window survives only if the page is never reloaded or re-navigated.
		for (const page of [alice, bob]) await page.evaluate(() => ((window as Marked).keptPage = true));
		await releaseNow(facilitator, TICKET);
		await injectHeading(alice, TICKET).waitFor();
		await injectHeading(bob, TICKET).waitFor();
		for (const page of [alice, bob]) {
			expect(await page.evaluate(() => (window as Marked).keptPage)).toBe(true);
		}
		expect(await injectHeading(carol, TICKET).count()).toBe(0);
		await expectNoSeriousA11yViolations(alice, 'team workspace');
	});

	it('an answer from one SOC member shows at once for the other, and not for Communications', async () => {
		const decision = alice.getByRole('region', { name: CONTAIN_PROMPT });
		await decision.getByRole('radio', { name: MONITOR }).check();
		await decision.getByRole('button', { name: 'Submit team answer' }).click();
		const seenByBob = bob.getByText('Your team answered (submitted by Alice)');
		await seenByBob.waitFor();
		await bob.getByRole('region', { name: CONTAIN_PROMPT }).getByText(MONITOR).waitFor();
		expect(await carol.getByText(CONTAIN_PROMPT).count()).toBe(0);
		expect(await carol.getByText(MONITOR).count()).toBe(0);
		await screenshot(bob, 'live-team-workspace');
	});

	it('the SOC score appears on the facilitator console', async () => {
		const card = facilitator.getByRole('article', { name: SOC });
		await card.getByText('Answered, on time by Alice').waitFor();
		await card.getByText(/^6 \/ \d+ pts$/).waitFor();
	});

	it('a participant who reloads keeps the seat and the team’s state', async () => {
		await bob.reload();
		await bob.getByText(`${SOC} · Bob`).waitFor();
		await injectHeading(bob, TICKET).waitFor();
		await bob.getByText('Your team answered (submitted by Alice)').waitFor();
	});

	it('the facilitator asks SOC an ad-hoc question; Bob answers it on a phone; Communications never sees it; the console shows the answer, not scored', async () => {
		const form = facilitator.getByRole('region', { name: 'Ad-hoc inject' });
		await form.getByLabel('Title').fill(ADHOC_TITLE);
		await form.getByLabel('Body (Markdown)').fill('The vendor’s engineer asks for remote access.');
		await form.getByRole('radio', { name: 'Chosen teams' }).check();
		await form.getByRole('checkbox', { name: SOC }).check();
		await form.getByRole('checkbox', { name: 'Ask for a decision' }).check();
		// Sent without a question: the error sits beside the question field, which takes the focus.
		await form.getByRole('button', { name: 'Send inject' }).click();
		const question = form.getByRole('textbox', { name: 'Question', exact: true });
		await form.getByText('Write the question the teams answer.').waitFor();
		expect(await question.getAttribute('aria-invalid')).toBe('true');
		expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
		await question.fill(ADHOC_PROMPT);
		await form.getByLabel('Option 1', { exact: true }).fill(ADHOC_OPTIONS[0]);
		await form.getByLabel('Option 2', { exact: true }).fill(ADHOC_OPTIONS[1]);
		// A third option by keyboard: the new field takes the focus.
		await form.getByRole('button', { name: 'Add an option' }).focus();
		await facilitator.keyboard.press('Enter');
		await facilitator.keyboard.type(ADHOC_OPTIONS[2]);
		expect(await form.getByLabel('Option 3', { exact: true }).inputValue()).toBe(ADHOC_OPTIONS[2]);
		await form.getByLabel(/^Deadline in scenario minutes/).fill('30');
		await expectNoSeriousA11yViolations(facilitator, 'console with the ad-hoc question form');
		await form.getByRole('button', { name: 'Send inject' }).click();
		await facilitator
			.locator('#command-status')
			.getByText(`Sent “${ADHOC_TITLE}” with its question to ${SOC}.`)
			.waitFor();

		await bob.setViewportSize({ width: 360, height: 740 });
		await injectHeading(bob, ADHOC_TITLE).waitFor();
		const asked = bob.getByRole('region', { name: ADHOC_PROMPT });
		await asked.getByText('A question from the facilitator (not scored).').waitFor();
		for (const label of ADHOC_OPTIONS) await asked.getByRole('radio', { name: label }).waitFor();
		await expectNoSeriousA11yViolations(bob, 'team workspace with an ad-hoc question at 360 px');
		expect(await bob.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await asked.getByRole('radio', { name: ADHOC_OPTIONS[1] }).check();
		await asked.getByRole('button', { name: 'Submit team answer' }).click();
		await asked.getByText('Your team answered (submitted by Bob)').waitFor();
		await screenshot(bob, 'adhoc-question-answered-360');
		await alice.getByRole('region', { name: ADHOC_PROMPT }).getByText(ADHOC_OPTIONS[1]).waitFor();
		await bob.setViewportSize({ width: 1280, height: 900 });

		for (const page of [carol, dan]) {
			expect(await injectHeading(page, ADHOC_TITLE).count()).toBe(0);
			expect(await page.getByText(ADHOC_PROMPT).count()).toBe(0);
			expect(await page.getByText(ADHOC_OPTIONS[1]).count()).toBe(0);
		}

		const card = facilitator.getByRole('article', { name: SOC });
		const line = card.getByRole('listitem').filter({ hasText: ADHOC_PROMPT });
		await line.getByText('not scored', { exact: true }).waitFor();
		await line.getByText(ADHOC_OPTIONS[1]).waitFor();
		await line.getByText('Answered, on time by Bob').waitFor();
		expect(await facilitator.getByRole('article', { name: COMMS }).getByText(ADHOC_PROMPT).count()).toBe(0);
		for (const [width, height] of [
			[1280, 800],
			[360, 740]
		]) {
			await facilitator.setViewportSize({ width, height });
			await line.scrollIntoViewIfNeeded();
			await expectNoSeriousA11yViolations(facilitator, `console with an ad-hoc answer at ${width} px`);
			await screenshot(facilitator, `adhoc-answer-console-${width}`);
		}
		await facilitator.setViewportSize({ width: 1280, height: 900 });
	});

	it('an evaluator marks Communications’ free-text statement and the console shows the score', async () => {
		await joinAsStaff(evaluator, await staffLinkFromLobby(), 'Eve', 'Evaluator');
		await releaseNow(facilitator, PRESS_CALL);
		await injectHeading(dan, PRESS_CALL).waitFor();
		await carol.getByRole('textbox', { name: "Your team's answer" }).fill(STATEMENT);
		await carol.getByRole('button', { name: 'Submit team answer' }).click();
		await dan.getByText(STATEMENT).waitFor();

		await evaluator.getByRole('tab', { name: new RegExp(`^${COMMS}`) }).click();
		const form = evaluator.getByRole('form', { name: /^Rubric marks for / });
		for (const criterion of await form.getByRole('group').all()) {
			await criterion.getByRole('radio', { name: 'Full credit' }).check();
		}
		await form.getByRole('button', { name: 'Save marks' }).click();
		await form.getByText(/^Marked by Eve: 8 of 8 points\./).waitFor();
		await expectNoSeriousA11yViolations(evaluator, 'observer page');

		const card = facilitator.getByRole('article', { name: COMMS });
		await card.getByText(/^8 \/ \d+ pts$/).waitFor();
		const rubric = facilitator.getByRole('form', { name: new RegExp(`^${COMMS}: `) });
		await rubric.getByText(/^Marked by Eve: 8 of 8 points/).waitFor();
		for (const criterion of await rubric.getByRole('group').all()) {
			expect(await criterion.getByRole('radio', { name: 'Full credit' }).isChecked()).toBe(true);
		}
		await screenshot(facilitator, 'live-console');
	});

	it('the facilitator ends the exercise and every participant sees it end', async () => {
		await facilitator.getByRole('button', { name: 'End exercise' }).click();
		await facilitator.getByRole('button', { name: 'Yes, end exercise' }).click();
		await facilitator.getByText('Exercise ended. The review is ready.').waitFor();
		for (const page of [alice, bob, carol, dan]) {
			await page.getByText('The exercise has ended.').waitFor();
		}
	});

	it('the review page shows each team’s score and passes axe-core', async () => {
		await facilitator.getByRole('link', { name: 'Open review' }).click();
		await facilitator.waitForURL('**/review');
		const soc = facilitator.getByRole('region', { name: SOC, exact: true });
		await soc.getByText(/^6 of \d+ points/).waitFor();
		const comms = facilitator.getByRole('region', { name: COMMS, exact: true });
		await comms.getByText(/^8 of \d+ points/).waitFor();
		const adhoc = facilitator.getByRole('region', { name: 'Ad-hoc questions' });
		await adhoc.getByText(`“${ADHOC_PROMPT}”`).waitFor();
		await adhoc.getByText('not scored', { exact: true }).waitFor();
		expect(await adhoc.innerText()).toMatch(/No, on site only · answered at .+ · on time/);
		await screenshot(facilitator, 'live-review');
		await expectNoSeriousA11yViolations(facilitator, 'review page');
	});

	it('no page threw an uncaught error or logged a console error', () => {
		expect(pageErrors, pageErrors.join('\n')).toEqual([]);
	});
});

/** The staff link, read from a lobby page in the facilitator's context (the console does not show it). */
async function staffLinkFromLobby(): Promise<string> {
	const lobby = await facilitator.context().newPage();
	try {
		await lobby.goto(`${app.url}/exercises/${exerciseId}/lobby`);
		return await staffLink(lobby);
	} finally {
		await lobby.close();
	}
}
