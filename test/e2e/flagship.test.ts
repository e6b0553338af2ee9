/**
 * The flagship Salt Typhoon scenario played end to end in Chromium with all six teams, one participant each in
 * their own browser context. Time is driven forward with the highest compression on offer and by releasing each
 * team's first decision inject now. The steps run in order and build on each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import {
	firstRunSetup,
	injectHeading,
	joinAsParticipant,
	newPerson,
	openClockStrip,
	pageErrors,
	participantLink,
	releaseNow
} from './flows';

/**
 * Per team: who plays it, the inject released for it, the options its participant picks and, for a decision
 * that asks for it, the team's reasoning.
 */
const TEAMS = [
	{
		name: 'Network engineering',
		player: 'Nadia',
		inject: 'Nightly configuration diff on pe-chi-03',
		prompt: 'Which of these do you do in the next few hours? Choose all that apply.',
		picks: [
			'Copy the running config, bootflash listing and TACACS+ accounting off-box and hash them',
			'Open a security incident and page the SOC and CISO'
		]
	},
	{
		name: 'SOC / threat hunting',
		player: 'Sam',
		inject: 'SIEM: pe-chi-03 went silent for 42 minutes',
		prompt: 'What is your stance on pe-chi-03 for now?',
		picks: ['Live intrusion: preserve evidence, watch quietly, scope the fleet first']
	},
	{
		name: 'Legal and regulatory',
		player: 'Lena',
		inject: 'Forensics confirms call-detail records left the network',
		prompt:
			'Does this memo amount to a reasonable determination of a CPNI breach under 47 CFR 64.2011? Give your reasoning.',
		picks: ['Yes - record the determination and its time today'],
		reasoning: 'An outsider deliberately took call records with a stolen account: that is a CPNI breach.'
	},
	{
		name: 'Lawful-intercept compliance',
		player: 'Ivo',
		inject: 'Mediation platform audit shows queries with no court order behind them',
		prompt: 'How do you classify what the audit shows, and who do you bring in first?',
		picks: [
			'A compromise of lawful interception; the senior LI officer takes charge and the record is preserved'
		]
	},
	{
		name: 'Executive leadership',
		player: 'Eli',
		inject: 'CISO to CEO: this is a nation-state intrusion',
		prompt: 'How do you run the response from here?',
		picks: [
			'Stand up an executive crisis team, retain IR and outside counsel under privilege, pre-approve budget'
		]
	},
	{
		name: 'Communications',
		player: 'Cleo',
		inject: 'Get ready for a leak',
		prompt: 'What do you prepare now? Choose all that apply.',
		picks: [
			'A short holding line and a Q&A, cleared by legal, ready for a press call',
			'One named spokesperson, with every media call routed to them'
		]
	}
] as { name: string; player: string; inject: string; prompt: string; picks: string[]; reasoning?: string }[];

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
const players = new Map<string, Page>();

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
	facilitator = (await newPerson(browser)).page;
	for (const team of TEAMS) players.set(team.name, (await newPerson(browser)).page);
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const player = (team: string) => players.get(team) as Page;

describe('the Salt Typhoon flagship with six teams', () => {
	it('the facilitator creates the exercise with all six teams at the highest compression', async () => {
		await firstRunSetup(facilitator, app.url);
		await facilitator.goto(`${app.url}/exercises/new?scenario=salt-typhoon`);
		const teamBoxes = facilitator.getByRole('group', { name: 'Teams taking part' }).getByRole('checkbox');
		expect(await teamBoxes.count()).toBe(6);
		for (const box of await teamBoxes.all()) expect(await box.isChecked()).toBe(true);
		const speed = facilitator.getByLabel('Time compression');
		const fastest = await speed
			.locator('option')
			.evaluateAll((options) => Math.max(...options.map((o) => Number((o as HTMLOptionElement).value))));
		await speed.selectOption(String(fastest));
		await facilitator.getByRole('button', { name: 'Create exercise' }).click();
		await facilitator.waitForURL('**/lobby');
	});

	it('one participant per team joins and the lobby shows all six', async () => {
		const link = await participantLink(facilitator);
		for (const team of TEAMS) await joinAsParticipant(player(team.name), link, team.player, team.name);
		await facilitator.getByRole('heading', { name: 'Who has joined (6)' }).waitFor();
	});

	it('starting the exercise brings the start-of-exercise briefing to every team', async () => {
		await facilitator.getByRole('button', { name: 'Start exercise' }).click();
		await facilitator.waitForURL('**/console');
		for (const team of TEAMS) {
			const feed = player(team.name).getByRole('region', { name: 'Incoming' });
			await feed.getByRole('article').first().waitFor();
		}
	});

	it('each team receives its first decision inject live', async () => {
		for (const team of TEAMS) {
			await releaseNow(facilitator, team.inject);
			await injectHeading(player(team.name), team.inject).waitFor();
		}
	});

	it('every team answers a decision through its workspace', async () => {
		for (const team of TEAMS) {
			const page = player(team.name);
			const decision = page.getByRole('region', { name: team.prompt, exact: true });
			for (const pick of team.picks) {
				await decision.getByRole(team.picks.length > 1 ? 'checkbox' : 'radio', { name: pick }).check();
			}
			if (team.reasoning) await decision.getByLabel(/^Why\? Your team’s reasoning/).fill(team.reasoning);
			await decision.getByRole('button', { name: 'Submit team answer' }).click();
			await decision.getByText(`Your team answered (submitted by ${team.player})`).waitFor();
		}
		for (const team of TEAMS) {
			const card = facilitator.getByRole('article', { name: team.name, exact: true });
			await card.getByText(new RegExp(`^Answered, (on time|late) by ${team.player}$`)).waitFor();
		}
		await screenshot(facilitator, 'flagship-console');
	});

	it('the legal team’s workspace shows the running CPNI breach-report clock', async () => {
		const page = player('Legal and regulatory');
		const clocks = page.getByRole('region', { name: 'Regulatory clocks' });
		await clocks.getByText(/^\d+ running/).waitFor();
		await openClockStrip(page);
		const cpni = clocks.getByRole('listitem').filter({ hasText: 'CPNI breach report to the USSS and FBI' });
		await cpni.getByText('Running', { exact: true }).waitFor();
		await cpni.getByRole('progressbar').waitFor();
		await screenshot(page, 'flagship-legal-workspace');
	});

	it('the facilitator ends the exercise', async () => {
		await facilitator.getByRole('button', { name: 'End exercise' }).click();
		await facilitator.getByRole('button', { name: 'Yes, end exercise' }).click();
		await facilitator.getByText('Exercise ended. The review is ready.').waitFor();
		for (const team of TEAMS) await player(team.name).getByText('The exercise has ended.').waitFor();
	});

	it('the review lists all six teams with their scores', async () => {
		await facilitator.getByRole('link', { name: 'Open review' }).click();
		await facilitator.waitForURL('**/review');
		const totals = facilitator.getByRole('table', { name: 'Totals by team' });
		await totals.waitFor();
		expect(await totals.locator('tbody tr').count()).toBe(6);
		for (const team of TEAMS) {
			const row = totals.getByRole('row', { name: new RegExp(`^${escapeRegExp(team.name)} `) });
			expect(await row.count()).toBe(1);
			const section = facilitator.getByRole('region', { name: team.name, exact: true });
			const total = await section.getByText(/^-?\d+ of \d+ points/).innerText();
			expect(Number(total.split(' ')[0])).toBeGreaterThan(0);
		}
		await screenshot(facilitator, 'flagship-review');
	});

	it('no page threw an uncaught error or logged a console error', () => {
		expect(pageErrors, pageErrors.join('\n')).toEqual([]);
	});
});

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
