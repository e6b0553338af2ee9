/**
 * Importing scenarios in the browser, with our own fixtures: an MSEL workbook in the documented layout, the same
 * layout as CSV, an MSEL whose headers need the mapping step (refused once, then corrected without starting
 * again), and an IcebergTTX file each become drafts that validate; rows that could not be imported are listed by
 * row number; one imported draft is published. Bad input (5 MB of garbage, garbage within the limit, a YAML bomb,
 * 10,000 injects) is refused with the reason while the server keeps answering, and nothing is saved. The import
 * page passes axe at 1280x800 and 360x740.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedMselWorkbook } from '../fixtures/import/msel-workbook';
import { screenshot, type RunningApp } from './harness';
import {
	expectNoSeriousA11yViolations,
	facilitatorSession,
	newPerson,
	type FacilitatorSession
} from './flows';

let session: FacilitatorSession;
let app: RunningApp;
let browser: Browser;
let page: Page;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fixture = (name: string) => readFileSync(`test/fixtures/import/${name}`);

beforeAll(async () => {
	session = await facilitatorSession();
	({ app, browser, page } = session);
});

afterAll(() => session?.close());

/** axe at both sizes, a screenshot at each, and the page fits a phone; back to the desktop size afterwards. */
async function checkBothSizes(name: string) {
	await expectNoSeriousA11yViolations(page, `${name} at 1280x800`);
	await screenshot(page, `${name}-1280`);
	await page.setViewportSize({ width: 360, height: 740 });
	await expectNoSeriousA11yViolations(page, `${name} at 360x740`);
	await screenshot(page, `${name}-360`);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${name} fits a 360 px phone`).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1280, height: 800 });
}

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

/** Chooses a file in one of the import forms (by its label) and sends that form with its button. */
async function send(label: string, file: { name: string; mimeType: string; buffer: Buffer }, button: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.setInputFiles(file);
	await input.locator('xpath=ancestor::form').getByRole('button', { name: button }).click();
}

/** Waits for the editor of the imported draft; the validator finds no problem; gives the draft's id. */
async function draftValidates(): Promise<string> {
	await page.waitForURL('**/scenarios/*/edit');
	await poll(() => page.locator('#problems-count').innerText()).toBe('No problems: the draft validates.');
	return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
}

/** The import report the editor shows, one line per note. */
async function importReport(): Promise<string> {
	const summary = page.getByText(/^What the import changed or left out \(\d+\)$/);
	await summary.click();
	return page.locator('details.notes').innerText();
}

/** The alert the import page shows for a refused import. */
const refusal = () => page.getByRole('alert').first().innerText();

/** A page request made while (or right after) the server handles an upload; it must be answered. */
const libraryAnswers = () => page.request.get(`${app.url}/scenarios`).then((r) => r.status());

const drafts: string[] = [];

describe('importing scenarios', () => {
	it('reads the documented MSEL workbook, proposes its columns and imports it, reporting bad rows by number', async () => {
		await page.goto(`${app.url}/scenarios`);
		await page.getByRole('link', { name: 'Import a scenario' }).click();
		await page.getByRole('heading', { name: 'Import a scenario' }).waitFor();
		await checkBothSizes('import-page');

		const buffer = await documentedMselWorkbook();
		await send('Spreadsheet', { name: 'ss7-tracking.xlsx', mimeType: XLSX_TYPE, buffer }, 'Read the sheet');
		await page.locator('#map-title').waitFor();
		expect(await page.locator('form.mapping').innerText()).toContain(
			'ss7-tracking.xlsx, sheet “MSEL”: 6 rows below the header.'
		);
		// Every documented header is recognised: column n holds field n.
		const fields = [
			'time',
			'phase',
			'title',
			'from',
			'to',
			'channel',
			'description',
			'expectedAction',
			'notes',
			'objective'
		];
		for (const [column, field] of fields.entries())
			expect(await page.locator(`#map-${field}`).inputValue(), field).toBe(String(column));
		await checkBothSizes('import-msel-mapping');

		await page.getByRole('button', { name: 'Import into a draft' }).first().click();
		drafts.push(await draftValidates());
		const report = await importReport();
		expect(report).toContain(
			'Row 5: not imported — the time "around lunch" is not a time such as T+0:30, 30m, 1h30m or 09:30'
		);
		expect(report).toContain('Row 7: not imported — the inject title is empty');
		await screenshot(page, 'import-msel-report');
	});

	it('publishes the imported draft', async () => {
		await page.getByRole('tab', { name: 'Publish' }).click();
		await page.getByLabel('Change note').fill('Imported from the planning MSEL');
		await page.getByRole('button', { name: 'Publish a new version' }).click();
		await page.waitForURL((u) => u.pathname === `/scenarios/${drafts[0]}` && u.search === '?published=1');
		const versions = page.getByRole('region', { name: 'Versions', exact: true });
		await poll(() => versions.innerText()).toContain('Imported from the planning MSEL');
		drafts.shift();
	});

	it('imports the same layout from CSV, row numbers as the spreadsheet program shows them', async () => {
		await page.goto(`${app.url}/scenarios/import`);
		await send(
			'Spreadsheet',
			{ name: 'msel-sim-swap.csv', mimeType: 'text/csv', buffer: fixture('msel-sim-swap.csv') },
			'Read the sheet'
		);
		await page.getByRole('button', { name: 'Import into a draft' }).first().click();
		drafts.push(await draftValidates());
		const report = await importReport();
		expect(report).toContain('Row 6: not imported — the time "half past nine" is not a time');
		expect(report).toContain('Row 7: not imported — the inject title is empty');
	});

	it('keeps the mapping step when an import is refused, so the author corrects it and tries again', async () => {
		await page.goto(`${app.url}/scenarios/import`);
		await send(
			'Spreadsheet',
			{ name: 'msel-own-headers.csv', mimeType: 'text/csv', buffer: fixture('msel-own-headers.csv') },
			'Read the sheet'
		);
		await page.locator('#map-title').waitFor();
		// Headers the importer does not know: the title column is not guessed, the author picks the columns.
		expect(await page.locator('#map-title').inputValue()).toBe('');
		expect(await page.locator('#map-phase').inputValue()).toBe('2');
		await page.locator('#map-time').selectOption({ label: 'H+' });
		await page.locator('#map-to').selectOption({ label: 'Addressee' });
		await page.locator('#map-channel').selectOption({ label: 'Via' });
		await page.locator('#map-expectedAction').selectOption({ label: 'Looking for' });
		await page.locator('#map-notes').selectOption({ label: 'Controller guidance' });
		await page.locator('#map-objective').selectOption({ label: 'Goal' });
		await page.getByLabel('Scenario title').fill('Intercept platform intrusion');
		await page.getByLabel('Expected actions become').selectOption('notes');
		const [answered] = await Promise.all([
			libraryAnswers(),
			page.getByRole('button', { name: 'Import into a draft' }).first().click()
		]);
		expect(answered).toBe(200);
		await poll(refusal).toBe('Choose the column that holds the inject titles.');
		// Still the mapping step, as the author left it.
		expect(await page.locator('#map-time').inputValue()).toBe('1');
		expect(await page.locator('#map-to').inputValue()).toBe('5');
		expect(await page.locator('#map-objective').inputValue()).toBe('10');
		expect(await page.getByLabel('Scenario title').inputValue()).toBe('Intercept platform intrusion');
		expect(await page.getByLabel('Expected actions become').inputValue()).toBe('notes');
		await checkBothSizes('import-msel-refused-mapping');

		await page.locator('#map-title').selectOption({ label: 'Heading' });
		await page.getByRole('button', { name: 'Import into a draft' }).first().click();
		drafts.push(await draftValidates());
		const report = await importReport();
		expect(report).toContain('column "Serial": not kept — not mapped to a field, so not imported');
		const saved = await page.request.get(`${app.url}/scenarios/${drafts.at(-1)}/export?draft`);
		expect(await saved.text()).toContain('title: Intercept platform intrusion\n');
	});

	it('imports the IcebergTTX file into a draft that validates and says what did not map', async () => {
		await page.goto(`${app.url}/scenarios/import`);
		await send(
			'IcebergTTX JSON file',
			{
				name: 'icebergttx-fibre-cut.json',
				mimeType: 'application/json',
				buffer: fixture('icebergttx-fibre-cut.json')
			},
			'Import into a draft'
		);
		drafts.push(await draftValidates());
		const report = await importReport();
		expect(report).toContain(
			'tags: not kept — the scenario format has no tags (telecom, resilience, sabotage)'
		);
		expect(report).toContain('phases: changed — IcebergTTX has no phases');
	});

	it('refuses 5 MB of garbage in the page, and on the server when the page is bypassed', async () => {
		await page.goto(`${app.url}/scenarios/import`);
		const garbage = randomBytes(5 * 1024 * 1024);
		await send(
			'Spreadsheet',
			{ name: 'garbage.xlsx', mimeType: XLSX_TYPE, buffer: garbage },
			'Read the sheet'
		);
		await poll(refusal).toBe('“garbage.xlsx” is 5.0 MB; uploads may be at most 2 MB. Nothing was uploaded.');
		await checkBothSizes('import-too-large');

		// A browser without the page's script sends it anyway: the server says the same, and keeps answering.
		const [posted, answered] = await Promise.all([
			page.request.post(`${app.url}/scenarios/import?/msel`, {
				headers: { origin: app.url, accept: 'text/html' },
				multipart: { file: { name: 'garbage.xlsx', mimeType: XLSX_TYPE, buffer: garbage } }
			}),
			libraryAnswers()
		]);
		expect(answered).toBe(200);
		expect(posted.status()).toBe(400);
		expect(await posted.text()).toContain(
			'The upload is 5 MB; files may be at most 2 MB. Nothing was imported.'
		);
	});

	it('refuses garbage within the size limit, a YAML bomb and 10,000 injects, naming what is wrong', async () => {
		await page.goto(`${app.url}/scenarios/import`);
		const [answered] = await Promise.all([
			libraryAnswers(),
			send(
				'Spreadsheet',
				{ name: 'noise.xlsx', mimeType: XLSX_TYPE, buffer: randomBytes(1536 * 1024) },
				'Read the sheet'
			)
		]);
		expect(answered).toBe(200);
		await poll(refusal).toMatch(/^This file cannot be imported: /);

		let bomb = 'id: yaml-bomb\ntitle: Billion laughs\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
		for (let i = 1; i < 10; i++) {
			const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
			bomb += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
		}
		await page.goto(`${app.url}/scenarios/import`);
		await send(
			'YAML file',
			{ name: 'bomb.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bomb) },
			'Import into a draft'
		);
		await poll(refusal).toMatch(
			/^The file cannot be read: line \d+: YAML aliases \(\*name\) expand to too much data: at most 1000 copies are allowed/
		);
		expect(await libraryAnswers()).toBe(200);

		const injects = Array.from(
			{ length: 10_000 },
			(_, i) =>
				`  - id: inject-${i}\n    phase: only\n    title: Inject ${i}\n    channel: email\n    body: Text ${i}\n`
		).join('');
		const big = `id: ten-thousand\ntitle: Ten thousand injects\nphases:\n  - id: only\n    title: Only\ninjects:\n${injects}`;
		await page.goto(`${app.url}/scenarios/import`);
		await send(
			'YAML file',
			{ name: 'ten-thousand.yaml', mimeType: 'application/yaml', buffer: Buffer.from(big) },
			'Import into a draft'
		);
		await poll(refusal).toBe('The file has about 10,000 injects; a scenario may have at most 1,000.');
		await checkBothSizes('import-refused-yaml');
		expect(await libraryAnswers()).toBe(200);
	});

	it('refuses an account without a drafting role, and sends someone signed out to sign in', async () => {
		await page.goto(`${app.url}/admin`);
		await page.getByLabel('Who is it for').fill('Eve from the audit team');
		await page.getByRole('checkbox', { name: 'Facilitator' }).first().uncheck();
		await page.getByRole('checkbox', { name: 'Evaluator' }).first().check();
		await page.getByRole('button', { name: 'Create invitation link' }).click();
		const link = await page.getByLabel(/Invitation link/).inputValue();
		const eve = await newPerson(browser);
		await eve.page.goto(link);
		await eve.page.getByLabel('Your name').fill('Eve Evaluator');
		await eve.page.getByLabel('Username').fill('eve');
		await eve.page.getByLabel('Password').fill('quartz harbour lantern');
		await eve.page.getByRole('button', { name: 'Create account' }).click();
		await eve.page.waitForURL(app.url + '/');

		await eve.page.goto(`${app.url}/scenarios`);
		await eve.page.getByRole('heading', { name: 'Published scenarios' }).waitFor();
		expect(await eve.page.getByRole('link', { name: 'Import a scenario' }).count()).toBe(0);
		const opened = await eve.page.goto(`${app.url}/scenarios/import`);
		expect(opened?.status()).toBe(403);
		await eve.page
			.getByText(
				'This needs the Scenario author, Administrator or Facilitator role, which your account does not have. Ask an administrator to grant it.'
			)
			.waitFor();
		await expectNoSeriousA11yViolations(eve.page, 'import refused for an evaluator');
		await screenshot(eve.page, 'import-refused-role');
		const posted = await eve.page.request.post(`${app.url}/scenarios/import?/yaml`, {
			headers: { origin: app.url, accept: 'text/html' },
			multipart: {
				file: {
					name: 'eve.yaml',
					mimeType: 'application/yaml',
					buffer: Buffer.from('id: eves-own\ntitle: Eve’s own\n')
				}
			}
		});
		expect(posted.status()).toBe(403);
		await eve.context.close();

		const visitor = await newPerson(browser);
		await visitor.page.goto(`${app.url}/scenarios/import`);
		await visitor.page.waitForURL(
			(u) => u.pathname === '/login' && u.searchParams.get('next') === '/scenarios/import'
		);
		await visitor.context.close();
	});

	it('saved nothing of the refused imports: the library lists only the drafts that were imported', async () => {
		await page.goto(`${app.url}/scenarios`);
		const list = page.getByRole('region', { name: 'Your drafts' }).getByRole('listitem');
		const titles = await list.locator('a').allInnerTexts();
		expect(titles).toHaveLength(drafts.length);
		expect(titles).toEqual(
			expect.arrayContaining([
				'Msel sim swap',
				'Intercept platform intrusion',
				'Backbone Fibre Cut in a Storm'
			])
		);
		const text = await page.locator('main').innerText();
		expect(text).not.toContain('Billion laughs');
		expect(text).not.toContain('Ten thousand injects');
		expect(text).not.toContain('Eve’s own');
	});
});
