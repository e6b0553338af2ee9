/**
 * The scenario studio tried as a new author would: duplicate the flagship into a draft, rename a team, edit an
 * inject and a decision in the form view and in the YAML, watch a validator error appear and go as it is typed,
 * watch the flow graph follow, preview an inject as a team, simulate, publish, and run an exercise on it; an
 * exercise run on the first version keeps its review when the scenario changes again. Every page passes axe at
 * 1280x800 and 360x740.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type RunningApp } from './harness';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	facilitatorSession,
	pageErrors,
	type FacilitatorSession
} from './flows';

let session: FacilitatorSession;
let app: RunningApp;
let page: Page;

const ID = 'acme-salt-typhoon';

beforeAll(async () => {
	session = await facilitatorSession();
	({ app, page } = session);
});

afterAll(() => session?.close());

/** Both viewports, axe each time; back to the desktop size afterwards. */
async function axeAtBothSizes(where: string, { fits = true } = {}) {
	await expectNoSeriousA11yViolations(page, `${where} at 1280x800`);
	await page.setViewportSize({ width: 360, height: 740 });
	await expectNoSeriousA11yViolations(page, `${where} at 360x740`);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	if (fits) expect(width, `${where} fits a 360 px phone`).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1280, height: 800 });
}

/** The draft's YAML as the server saved it. */
async function savedDraft(): Promise<string> {
	await page
		.getByRole('status')
		.filter({ hasText: /^Saved \(revision \d+\)$/ })
		.waitFor();
	const response = await page.request.get(`${app.url}/scenarios/${ID}/export?draft`);
	expect(response.status()).toBe(200);
	return response.text();
}

/** Waits for what the page shows, as long as a shared machine may take to check the flagship. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

const problems = () => page.locator('#problems-count');

/** Finds the first `text` in the YAML editor with its search panel and leaves it selected. */
async function selectInYaml(text: string) {
	await page.locator('.cm-content').click();
	await page.keyboard.press('Control+Home');
	await page.keyboard.press('Control+f');
	const search = page.getByRole('textbox', { name: 'Find' });
	await search.fill(text);
	// The panel takes the query on a key release, then Enter selects the next match.
	await search.press('End');
	await search.press('Enter');
	await page.keyboard.press('Escape');
}

describe('the scenario studio', () => {
	it('lists published scenarios with a way to duplicate them, and an empty drafts list', async () => {
		await page.goto(`${app.url}/scenarios`);
		await page.getByRole('heading', { name: 'Your drafts' }).waitFor();
		await page.getByText('No drafts yet').waitFor();
		await axeAtBothSizes('library');
	});

	it('refuses to duplicate under an id already taken, saying which scenario has it', async () => {
		await page.goto(`${app.url}/scenarios/salt-typhoon`);
		await page.getByText('Duplicate into a draft', { exact: true }).first().click();
		await page.getByLabel('Id of the copy').fill('example-quickstart');
		await page.getByRole('button', { name: 'Duplicate into a draft' }).click();
		await page
			.getByRole('alert')
			.filter({ hasText: 'The id "example-quickstart" is already used by the shipped scenario' })
			.waitFor();
	});

	it('duplicates the flagship into a draft that opens in the editor and validates', async () => {
		await page.getByLabel('Id of the copy').fill(ID);
		await page.getByLabel('Title of the copy').fill('Acme: Salt Typhoon');
		await page.getByRole('button', { name: 'Duplicate into a draft' }).click();
		await page.waitForURL(`**/scenarios/${ID}/edit`);
		await poll(() => problems().innerText()).toBe('No problems: the draft validates.');
		await page.locator('.cm-content').waitFor();
		await axeAtBothSizes('editor');
	});

	it('renames a team and edits an inject and a decision in the form view, writing the same YAML', async () => {
		await page.getByLabel('Name of team soc').fill('Acme SOC');
		await page.getByLabel('Name of team soc').press('Tab');
		await page.getByLabel('Inject', { exact: true }).selectOption({ label: 'Monday morning stand-up' });
		await page.getByLabel('Title', { exact: true }).fill('Monday stand-up at Acme');
		await page.getByLabel('Title', { exact: true }).press('Tab');
		await page.getByLabel('Channel').selectOption('memo');
		const triage = await page
			.getByLabel('Inject', { exact: true })
			.locator('option')
			.evaluateAll((options) => options.findIndex((o) => o.textContent?.includes('pe-chi-03')));
		expect(triage).toBeGreaterThan(0);
		await page.getByLabel('Inject', { exact: true }).selectOption({ index: triage });
		await page.getByLabel('Points').first().fill('5');
		await page.getByLabel('Points').first().press('Tab');
		await page.getByRole('button', { name: 'Save' }).click();
		const yaml = await savedDraft();
		expect(yaml).toContain('    name: Acme SOC\n');
		expect(yaml).toContain('    title: Monday stand-up at Acme\n    channel: memo\n');
		expect(yaml).toMatch(/label: Copy the running config[^\n]*\n {10}points: 5\n/);
	});

	it('shows a validator error as it is typed, with the CLI message, and clears it when fixed', async () => {
		await selectInYaml('channel: memo');
		await page.keyboard.type('channel: mem');
		await poll(() => problems().innerText()).toBe('1 problem');
		const listed = page.getByRole('list', { name: 'Problems' });
		await poll(() => listed.innerText()).toMatch(/Line \d+ injects\[0\]\.channel: .*"mem"/);
		await page.locator('.cm-lint-marker-error').first().waitFor();
		await page.keyboard.type('o');
		await poll(() => problems().innerText()).toBe('No problems: the draft validates.');
		expect(await page.locator('.cm-lint-marker-error').count()).toBe(0);
	});

	it('keeps a validator error and the refused publish readable on a phone', async () => {
		await selectInYaml('channel: memo');
		await page.keyboard.type('channel: mem');
		await poll(() => problems().innerText()).toBe('1 problem');
		await page.getByRole('list', { name: 'Problems' }).getByText(/"mem"/).waitFor();
		await axeAtBothSizes('editor with a validator error');
		await page.getByRole('tab', { name: 'Publish' }).click();
		await page.getByText('The draft has 1 problem: fix it before publishing.').waitFor();
		expect(await page.getByRole('button', { name: 'Publish a new version' }).isDisabled()).toBe(true);
		await axeAtBothSizes('publish refused for a draft with a problem');
		await page.setViewportSize({ width: 360, height: 740 });
		await screenshot(page, 'studio-publish-refused-360');
		await page.setViewportSize({ width: 1280, height: 800 });
		await selectInYaml('channel: mem');
		await page.keyboard.type('channel: memo');
		await poll(() => problems().innerText()).toBe('No problems: the draft validates.');
		await page.getByRole('tab', { name: 'Form' }).click();
	});

	it('edits a decision option in the YAML', async () => {
		await selectInYaml('Open a security incident and page the SOC and CISO');
		await page.keyboard.type('Open a security incident and page the Acme SOC and CISO');
		await page.keyboard.press('Control+s');
		expect(await savedDraft()).toContain('label: Open a security incident and page the Acme SOC and CISO\n');
	});

	it('draws the flow and follows the YAML; a node shows its YAML', async () => {
		await page.getByRole('tab', { name: 'Flow' }).click();
		const flow = page.getByRole('group', { name: 'Flow of the draft' });
		await flow.getByRole('button', { name: 'Monday stand-up at Acme' }).waitFor();
		await poll(() => flow.locator('.summary').innerText()).toContain('Every inject can reach a team.');
		// Sending an inject to a team that does not exist leaves it unreachable, and the graph says so.
		await selectInYaml('to: all');
		await page.keyboard.type('to: [nobody]');
		await poll(() => flow.locator('.summary').innerText()).toContain('1 inject no team can receive.');
		await selectInYaml('to: [nobody]');
		await page.keyboard.type('to: all');
		await poll(() => flow.locator('.summary').innerText()).toContain('Every inject can reach a team.');
		await screenshot(page, 'studio-flow');
		// From the keyboard, as the graph's titles are buttons: the node shows its inject in the YAML.
		await flow.getByRole('button', { name: 'Monday stand-up at Acme' }).press('Enter');
		const line = await page.locator('.cm-activeLine').innerText();
		expect(line.trim()).toBe('- id: startex-brief');
	});

	it('previews an inject exactly as a chosen team sees it', async () => {
		await page.getByRole('tab', { name: 'Try it' }).click();
		await page.getByLabel('Inject', { exact: true }).selectOption({ label: 'Monday stand-up at Acme' });
		await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Acme SOC' });
		await page.getByRole('button', { name: 'Preview' }).click();
		const preview = page.getByRole('region', { name: 'Preview as Acme SOC' });
		await preview.getByRole('heading', { name: 'Monday stand-up at Acme' }).waitFor();
		await expectNoSeriousA11yViolations(page, 'inject preview');
	});

	it('simulates a run from the best answers and shows scores, clocks, branches and the timeline', async () => {
		await page.getByRole('button', { name: 'Start from the best answers' }).click();
		await poll(() => page.getByLabel('Answer script (YAML)').inputValue()).toContain('answers:');
		await page.getByRole('button', { name: 'Simulate' }).click();
		const result = page.getByRole('region', { name: 'Simulation result' });
		await result.getByRole('heading', { name: 'Scores' }).waitFor({ timeout: 60_000 });
		await poll(() => result.innerText()).toContain('Acme SOC:');
		await result.getByRole('heading', { name: 'Timeline' }).waitFor();
		await screenshot(page, 'studio-simulation');
	});

	it('publishes with a change note and runs an exercise on the new version', async () => {
		await page.getByRole('tab', { name: 'Publish' }).click();
		await axeAtBothSizes('publish tab');
		await page.getByLabel('Change note').fill('Acme names and a memo for the stand-up');
		await page.getByRole('button', { name: 'Publish a new version' }).click();
		await page.waitForURL((u) => u.pathname === `/scenarios/${ID}` && u.search === '?published=1');
		const versions = page.getByRole('region', { name: 'Versions', exact: true });
		await poll(() => versions.innerText()).toContain('Acme names and a memo for the stand-up');
		// The guide's objectives table (older than the studio) still widens this page on a phone; axe passes.
		await axeAtBothSizes('scenario page with versions', { fits: false });
		const exported = await page.request.get(`${app.url}/scenarios/${ID}/export?version=1`);
		expect(await exported.text()).toContain('    name: Acme SOC\n');
	});

	it('runs exercises on the version they were created from; a later version leaves the earlier review as it was', async () => {
		const first = await createExercise(page, app.url, { scenarioId: ID, organisation: 'Acme' });
		await page.goto(`${app.url}/exercises/${first}/review`);
		const before = await page.locator('main').innerText();
		expect(before).toContain('Acme SOC');

		await page.goto(`${app.url}/scenarios/${ID}`);
		await page.getByRole('button', { name: 'Edit in a draft' }).click();
		await page.waitForURL(`**/scenarios/${ID}/edit`);
		await poll(() => problems().innerText()).toBe('No problems: the draft validates.');
		await page.getByLabel('Name of team soc').fill('Acme Cyber Defence');
		await page.getByLabel('Name of team soc').press('Tab');
		await page.getByRole('button', { name: 'Save' }).click();
		expect(await savedDraft()).toContain('    name: Acme Cyber Defence\n');
		await page.getByRole('tab', { name: 'Publish' }).click();
		await page.getByLabel('Change note').fill('The SOC is now Cyber Defence');
		await page.getByRole('button', { name: 'Publish a new version' }).click();
		await page.waitForURL((u) => u.search === '?published=2');

		await page.goto(`${app.url}/exercises/new?scenario=${ID}`);
		await page.getByRole('checkbox', { name: /Acme Cyber Defence/ }).waitFor();
		await createExercise(page, app.url, { scenarioId: ID, organisation: 'Acme' });

		await page.goto(`${app.url}/exercises/${first}/review`);
		const after = await page.locator('main').innerText();
		expect(after).toContain('Acme SOC');
		expect(after).not.toContain('Acme Cyber Defence');
		// The refused duplicate answered 400 on purpose; nothing else may have failed.
		const refused = /\?\/duplicate: Failed to load resource: .* status of 400/;
		expect(pageErrors.filter((e) => !refused.test(e)).join('\n')).toBe('');
	});
});
