/**
 * The after-action review of a played exercise, end to end: the built app, a facilitator who plays the
 * quick-start scenario through the real socket, then Chromium on the review page — charts against the engine's
 * own scores, the replay driven from the keyboard, every export downloaded and checked.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, replay, scoresOf } from '../../src/lib/engine';
import type { Input } from '../../src/lib/engine/types';
import { schemaErrors, type JsonSchema } from '../../src/lib/server/services/exports-json-schema';
import { launchBrowser, screenshot, seriousA11yViolations, startApp, type RunningApp } from './harness';
import { playQuickstart } from './quickstart-play';

/** The documented CSV columns, read from the table in docs/review.md. */
function documentedCsvColumns(): string[] {
	const doc = readFileSync('docs/review.md', 'utf8');
	const section = doc.slice(doc.indexOf('**CSV columns**'), doc.indexOf('**JSON.**'));
	return [...section.matchAll(/^\| `([a-z_]+)` +\|/gm)].map((m) => m[1]);
}

/** Every stream of a PDF, inflated where it is Flate-compressed, appended to the raw file as latin1 text. */
function pdfText(bytes: Buffer): string {
	const raw = bytes.toString('latin1');
	const parts = [raw];
	const re = /stream\r?\n/g;
	for (let m = re.exec(raw); m; m = re.exec(raw)) {
		const start = m.index + m[0].length;
		const end = raw.indexOf('endstream', start);
		if (end < 0) break;
		try {
			parts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
		} catch {
			// Not Flate data (images, fonts in other filters): nothing to read there.
		}
		re.lastIndex = end;
	}
	return parts.join('\n');
}

/** Bookmark titles of a PDF outline: literal strings or UTF-16BE hex strings after /Title. */
function outlineTitles(text: string): string[] {
	const titles: string[] = [];
	for (const m of text.matchAll(/\/Title\s*(?:<([0-9A-Fa-f\s]+)>|\(((?:\\.|[^\\)])*)\))/g)) {
		if (m[1] !== undefined) {
			const hex = m[1].replace(/\s/g, '');
			const buf = Buffer.from(hex, 'hex');
			const body = buf.subarray(0, 2).equals(Buffer.from([0xfe, 0xff])) ? buf.subarray(2) : buf;
			titles.push(Buffer.from(body).swap16().toString('utf16le'));
		} else {
			titles.push(m[2].replace(/\\(.)/g, '$1'));
		}
	}
	return titles;
}

async function download(page: Page, linkName: string): Promise<Buffer> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: linkName }).click()
	]);
	return readFileSync((await file.path())!);
}

const cellTexts = (page: Page, caption: string) =>
	page
		.locator('table', { has: page.locator('caption', { hasText: caption }) })
		.first()
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
		);

describe('after-action review of a played exercise', () => {
	let running: RunningApp;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let exerciseId: string;
	let inputs: Input[];
	let exportDoc: { config: never; inputs: Input[]; summary: { overall: { percent: number } } };

	beforeAll(async () => {
		running = await startApp();
		browser = await launchBrowser();
		context = await browser.newContext({ acceptDownloads: true });
		page = await context.newPage();
		await page.goto(`${running.url}/setup`);
		await page.getByLabel('Display name').fill('Dana Facilitator');
		await page.getByLabel('Username').fill('dana');
		await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
		await page.getByLabel('Password again').fill('correct horse battery');
		await Promise.all([
			page.waitForURL(/\/scenarios/),
			page.getByRole('button', { name: 'Create account' }).click()
		]);
		await page.goto(`${running.url}/exercises/new?scenario=example-quickstart`);
		await page.getByLabel('Organisation name').fill('Northwind Telecom');
		await Promise.all([
			page.waitForURL(/\/lobby$/),
			page.getByRole('button', { name: 'Create exercise' }).click()
		]);
		exerciseId = /exercises\/([^/]+)\/lobby/.exec(page.url())![1];
		const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		await playQuickstart(running.url, cookie, exerciseId);
		await page.goto(`${running.url}/exercises/${exerciseId}/review`);
	});

	afterAll(async () => {
		await browser?.close();
		await running?.stop();
	});

	it('downloads a JSON export that validates against docs/exercise-export.schema.json', async () => {
		exportDoc = JSON.parse((await download(page, 'JSON (whole exercise)')).toString('utf8'));
		const schema = JSON.parse(readFileSync('docs/exercise-export.schema.json', 'utf8')) as JsonSchema;
		expect(schemaErrors(schema, exportDoc)).toEqual([]);
		inputs = exportDoc.inputs;
		expect(inputs.length).toBeGreaterThan(5);
	});

	it('draws totals and objective charts whose numbers equal the engine replaying the log', async () => {
		const { scenario } = parseScenario(
			readFileSync('scenarios/example-quickstart.yaml', 'utf8'),
			'quickstart'
		);
		const scores = scoresOf(replay(scenario!, exportDoc.config, inputs));
		const totals = await cellTexts(page, 'Totals by team');
		for (const team of scenario!.teams) {
			const row = totals.find((r) => r[0] === team.name)!;
			expect(row.slice(1, 3)).toEqual([
				String(scores[team.id].total.points),
				String(scores[team.id].total.maxPoints)
			]);
		}
		const socName = scenario!.teams.find((t) => t.id === 'soc')!.name;
		const soc = await cellTexts(page, `${socName} by objective`);
		for (const objective of scenario!.objectives) {
			const t = scores.soc.byObjective[objective.id];
			const row = soc.find((r) => r[0] === objective.title);
			if (t.maxPoints === 0 && t.points === 0) expect(row).toBeUndefined();
			else expect(row?.slice(1, 3)).toEqual([String(t.points), String(t.maxPoints)]);
		}
		const chart = page.getByRole('img', { name: /^Share of possible points by team/ });
		const percent = Math.round((100 * scores.legal.total.points) / scores.legal.total.maxPoints);
		expect(await chart.getAttribute('aria-label')).toContain(
			`${scenario!.teams.find((t) => t.id === 'legal')!.name} ${percent}%`
		);
		expect(
			await page.getByRole('img', { name: /^Regulatory clocks timeline/ }).getAttribute('aria-label')
		).toMatch(/Met with .* to spare/);
	});

	it('replays what a team saw, moved with the keyboard', async () => {
		const replayCard = page.locator('section', { has: page.getByRole('heading', { name: 'Replay' }) });
		await replayCard.getByLabel('Team').selectOption('legal');
		const slider = replayCard.getByRole('slider');
		await slider.focus();
		await page.keyboard.press('Home');
		await expect.poll(() => replayCard.textContent()).toContain('Nothing received yet.');
		await page.keyboard.press('End');
		await expect
			.poll(() => replayCard.textContent())
			.toContain('Answered: File through the central reporting facility');
		await replayCard.getByRole('button', { name: /Previous/ }).click();
		await expect
			.poll(() => replayCard.locator('.now').textContent())
			.toMatch(new RegExp(`#${inputs.length - 1}\\b`));
	});

	it('downloads the JSONL log, one schema-valid input per line', async () => {
		const lines = (await download(page, 'JSONL (event log)')).toString('utf8').trimEnd().split('\n');
		const schema = JSON.parse(readFileSync('docs/event-log.schema.json', 'utf8')) as JsonSchema;
		expect(lines).toHaveLength(inputs.length);
		for (const line of lines) expect(schemaErrors(schema, JSON.parse(line))).toEqual([]);
	});

	it('downloads a CSV with exactly the documented columns', async () => {
		const csv = (await download(page, 'CSV (scores and answers)')).toString('utf8');
		const columns = documentedCsvColumns();
		expect(columns.length).toBeGreaterThan(10);
		expect(csv.split('\r\n')[0]).toBe(columns.join(','));
	});

	it('downloads a Markdown report with the report headings', async () => {
		const md = (await download(page, 'Markdown')).toString('utf8');
		expect(md).toContain('## Executive summary');
		expect(md).toContain('## Improvement plan');
	});

	it('downloads a PDF whose pages carry the report headings', async () => {
		const pdf = await download(page, 'PDF report');
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const text = pdfText(pdf);
		expect((text.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(1);
		const titles = outlineTitles(text);
		for (const heading of [
			'Executive summary',
			'Regulatory clocks',
			'Objectives: ratings and evidence',
			'Improvement plan'
		]) {
			expect(titles).toContain(heading);
		}
	});

	it('shows the run on the trends page and the hot-wash questions to the facilitator', async () => {
		await page.goto(`${running.url}/trends`);
		const trend = await cellTexts(page, 'share of points per team and run');
		expect(trend.find((r) => r[0] === 'All teams')?.[1]).toBe(`${exportDoc.summary.overall.percent}%`);
		await page.goto(`${running.url}/exercises/${exerciseId}/hotwash`);
		await expect
			.poll(() => page.getByRole('heading', { name: 'Discussion questions' }).isVisible())
			.toBe(true);
		expect(await page.locator('ol li').first().textContent()).toContain(
			'What told you the change was hostile'
		);
		expect(await seriousA11yViolations(page)).toEqual([]);
	});

	it('keeps a screenshot and has no serious or critical accessibility violation', async () => {
		await page.goto(`${running.url}/exercises/${exerciseId}/review`);
		await screenshot(page, 'review');
		expect(await seriousA11yViolations(page)).toEqual([]);
	});
});
