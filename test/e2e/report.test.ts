/**
 * The printed after-action report of the Salt Typhoon flagship, played to the end through the real socket with
 * three participants in the room: the PDF link on the review page (no console error), then the PDF itself read
 * with poppler — a cover on page 1, "Page n of m" on every page, no heading, caption or table header left at the
 * bottom of a page without what it introduces — and pages rendered to images with pdftoppm. A second server
 * without a browser says so plainly on the review page and from the export link.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playEverything } from './flagship-play';
import {
	createExercise,
	expectNoSeriousA11yViolations,
	firstRunSetup,
	joinAsParticipant,
	newPerson,
	pageErrors,
	participantLink
} from './flows';
import { launchBrowser, screenshot, startApp, type RunningApp } from './harness';

const OUT = path.resolve('test-results/report');
const PLAYERS = [
	{ name: 'Nadia', team: 'Network engineering' },
	{ name: 'Sam', team: 'SOC / threat hunting' },
	{ name: 'Lena', team: 'Legal and regulatory' }
];

/** poppler-utils (pdftotext, pdftoppm), installed through apt as root when missing, as test-all does for Chromium. */
function ensurePoppler(): void {
	if (spawnSync('pdftoppm', ['-v']).status === 0) return;
	spawnSync('sh', [
		'-c',
		'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null'
	]);
	if (spawnSync('pdftoppm', ['-v']).status !== 0)
		throw new Error('pdftoppm is missing: apt-get install poppler-utils');
}

/** The text of one PDF page; with `layout`, lines keep their columns as poppler lays them out. */
function pageText(file: string, n: number, layout = false): string {
	const args = ['-f', String(n), '-l', String(n), ...(layout ? ['-layout'] : []), file, '-'];
	return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

let app: RunningApp;
let browser: Browser;
let page: Page;
let exerciseId: string;
let pdfFile: string;
let pages: number;

beforeAll(async () => {
	ensurePoppler();
	rmSync(OUT, { recursive: true, force: true });
	mkdirSync(OUT, { recursive: true });
	app = await startApp();
	browser = await launchBrowser();
	const facilitator = await newPerson(browser);
	page = facilitator.page;
	await firstRunSetup(page, app.url);
	exerciseId = await createExercise(page, app.url, {
		scenarioId: 'salt-typhoon',
		organisation: 'Northwind Telecom'
	});
	const link = await participantLink(page);
	for (const p of PLAYERS) {
		const person = await newPerson(browser);
		await joinAsParticipant(person.page, link, p.name, p.team);
		await person.context.close();
	}
	const cookie = (await facilitator.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	await playEverything(app.url, cookie, exerciseId);
	await page.goto(`${app.url}/exercises/${exerciseId}/review`);
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('the printed report of the flagship', () => {
	it('downloads from the review page with progress shown and no console error', async () => {
		pageErrors.length = 0;
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'PDF report' }).click()
		]);
		pdfFile = path.join(OUT, 'flagship-report.pdf');
		await download.saveAs(pdfFile);
		await page
			.getByRole('status')
			.getByText(/^PDF report downloaded as .+\.pdf\.$/)
			.waitFor();
		expect(pageErrors, pageErrors.join('\n')).toEqual([]);
		const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
		pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
		expect(pages).toBeGreaterThan(3);
	});

	it('opens with a cover: name, organisation, date, duration, facilitator and participants per team', async () => {
		await page.goto(`${app.url}/exercises/${exerciseId}/review/report`);
		const name = squash(await page.getByRole('heading', { level: 1 }).innerText());
		const cover = squash(pageText(pdfFile, 1));
		const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.now());
		expect(cover).toContain('After-action report');
		expect(cover).toContain(name);
		for (const fact of ['Northwind Telecom', `Date ${today}`, 'Duration', 'Facilitator Fran Facilitator']) {
			expect(cover).toContain(fact);
		}
		expect(cover).toContain('Participants');
		for (const p of PLAYERS) expect(cover).toContain(`${p.team} ${p.name}`);
		expect(cover).not.toContain('Executive summary');
		expect(squash(pageText(pdfFile, 2))).toContain('Coverage');
	});

	it('numbers every page "Page n of m"', () => {
		for (let n = 1; n <= pages; n++) expect(squash(pageText(pdfFile, n))).toContain(`Page ${n} of ${pages}`);
	});

	it('leaves no heading, caption or table header as the last thing on a page', async () => {
		const starters = await page
			.locator('.report')
			.evaluate((root) =>
				[
					...[...root.querySelectorAll('thead tr')].map((tr) =>
						[...tr.querySelectorAll('th')].map((th) => th.textContent ?? '').join(' ')
					),
					...[...root.querySelectorAll('h2, h3, h4, caption:not(.visually-hidden)')].map(
						(e) => e.textContent ?? ''
					)
				].map((t) => t.replace(/\s+/g, ' ').trim())
			);
		const starts = new Set(starters.filter(Boolean));
		const stranded: string[] = [];
		for (let n = 1; n <= pages; n++) {
			const lines = pageText(pdfFile, n, true)
				.split('\n')
				.map(squash)
				.filter((l) => l && !/Page \d+ of \d+$/.test(l));
			const last = lines.at(-1) ?? '';
			if (starts.has(last)) stranded.push(`page ${n} ends with "${last}"`);
		}
		expect(stranded).toEqual([]);
	});

	it('draws every chart label inside its chart, none cut off at the edge', async () => {
		const outside = await page.locator('.report svg[role="img"]').evaluateAll((svgs) =>
			svgs.flatMap((svg) => {
				const box = (svg as SVGSVGElement).viewBox.baseVal;
				return [...svg.querySelectorAll('text')]
					.map((t) => ({ text: t.textContent ?? '', b: (t as SVGTextElement).getBBox() }))
					.filter(({ b }) => b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5)
					.map(({ text }) => text);
			})
		);
		expect(outside).toEqual([]);
	});

	it('renders every page to an image with pdftoppm, the cover kept as a screenshot', () => {
		execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(OUT, 'page')]);
		const images = readdirSync(OUT).filter((f) => /^page-\d+\.png$/.test(f));
		expect(images).toHaveLength(pages);
		mkdirSync('test-results/screenshots', { recursive: true });
		execFileSync('pdftoppm', [
			'-png',
			'-r',
			'80',
			'-f',
			'1',
			'-l',
			'2',
			pdfFile,
			'test-results/screenshots/report-pdf'
		]);
	});

	it('is printed in French for a French requester', async () => {
		const fr = JSON.parse(readFileSync('messages/fr.json', 'utf8')) as Record<string, string>;
		await page.context().addCookies([{ name: 'switchboard_locale', value: 'fr', url: app.url }]);
		try {
			const res = await page.request.get(`${app.url}/exercises/${exerciseId}/review/export.pdf`);
			expect(res.status()).toBe(200);
			const file = path.join(OUT, 'flagship-report-fr.pdf');
			writeFileSync(file, await res.body());
			const cover = squash(pageText(file, 1));
			expect(cover).toContain(fr.report_title);
			expect(cover).toContain(`${fr.report_facilitator} Fran Facilitator`);
			expect(cover).toMatch(/Page 1 sur \d+/);
			expect(cover).not.toContain('After-action report');
			const second = squash(pageText(file, 2));
			expect(second).toContain(fr.report_coverage);
			expect(second).not.toContain('Share of the scenario');
		} finally {
			await page.context().addCookies([{ name: 'switchboard_locale', value: 'en', url: app.url }]);
		}
	});

	it('shows the report page itself without serious accessibility violations', async () => {
		await screenshot(page, 'report-page');
		await expectNoSeriousA11yViolations(page, 'report page');
	});
});

describe('a server without a browser to print with', () => {
	let bare: RunningApp;

	afterAll(async () => {
		await bare?.stop();
	});

	it('says so on the review page and from the export link, and names how to install one', async () => {
		bare = await startApp({ CHROMIUM_PATH: '/nonexistent/chromium' });
		const person = await newPerson(browser);
		const p = person.page;
		await firstRunSetup(p, bare.url);
		const id = await createExercise(p, bare.url, { scenarioId: 'example-quickstart', organisation: 'Acme' });
		await p.goto(`${bare.url}/exercises/${id}/review`);
		const status = p.getByRole('status').filter({ hasText: 'PDF export is not available on this server' });
		await status.waitFor();
		expect(await status.innerText()).toContain('apt-get install chromium');
		expect(await p.getByRole('link', { name: 'PDF report' }).count()).toBe(0);
		const res = await p.request.get(`${bare.url}/exercises/${id}/review/export.pdf`, {
			headers: { accept: 'application/json' }
		});
		expect(res.status()).toBe(503);
		expect((await res.json()).message).toContain('CHROMIUM_PATH is set to /nonexistent/chromium');
		await screenshot(p, 'review-no-pdf-browser');
		await expectNoSeriousA11yViolations(p, 'review without a PDF browser');
		writeFileSync(path.join(OUT, 'no-browser.txt'), await status.innerText());
		await person.context.close();
	});
});
