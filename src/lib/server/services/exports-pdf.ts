/**
 * The PDF report: headless Chromium (driven by playwright-core) opens the printed report
 * (/exercises/[id]/review/report, the review's data laid out for A4) as the requester, with their own session
 * cookie, and prints it with page numbers in the footer. One browser is shared by every export (launched on first use, relaunched if it
 * dies), each export gets its own context (its own cookies) and at most two print at once with four waiting;
 * past that the answer is a clear "busy, try again" rather than another browser. playwright-core is loaded at
 * run time so a production install without it gets a clear message instead of a crash at start-up.
 */
import { existsSync } from 'node:fs';
import { fault } from '../errors';
import { Semaphore, SemaphoreFull } from '../semaphore';
import type { ExportFile } from './exports-file';

/** Where the browser is looked for, and how it is reached. */
export interface PdfOptions {
	/** Origin the server answers on, e.g. "http://127.0.0.1:3000". */
	origin: string;
	exerciseId: string;
	/** The requester's cookies to send with the print request (name → value). */
	cookies: Record<string, string>;
	filename: string;
	chromiumPath?: string;
	/** "Page n of m" in the requester's language, with `{page}` and `{pages}` where the numbers go. */
	pageOf?: string;
}

/** Where a system Chromium or Chrome is looked for when CHROMIUM_PATH is not set, in this order. */
export const SYSTEM_BROWSERS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome-stable',
	'/usr/bin/google-chrome'
];

/**
 * The browser this server prints with: CHROMIUM_PATH when set (even if missing, so a wrong setting is named),
 * else the first system browser found, else the Chromium `npx playwright-core install chromium` downloaded.
 * Null when there is none.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
	if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
	const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
	if (system) return system;
	const managed = await loadPlaywright()
		.then((pw) => pw.chromium.executablePath())
		.catch(() => '');
	return managed && existsSync(managed) ? managed : null;
}

/** What to say when no browser is found: where it looked and how to install one. */
export function noBrowserMessage(env: NodeJS.ProcessEnv = process.env): string {
	const looked = env.CHROMIUM_PATH
		? `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist`
		: `none was found at ${SYSTEM_BROWSERS.join(', ')} or among Playwright's downloaded browsers`;
	return (
		`PDF export is not available on this server: it needs a Chromium browser and ${looked}. ` +
		'An administrator can install one with `apt-get install chromium` (Debian, Ubuntu) or ' +
		'`npx playwright-core install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary. ' +
		'The Markdown, CSV and JSON exports work without it.'
	);
}

type PlaywrightCore = typeof import('playwright-core');

async function loadPlaywright(): Promise<PlaywrightCore> {
	const name = 'playwright-core';
	try {
		return (await import(/* @vite-ignore */ name)) as PlaywrightCore;
	} catch {
		fault(
			'export/pdf_unavailable',
			'PDF export needs the playwright-core package on the server: run `npm install playwright-core`.',
			503
		);
	}
}

const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-sync'
];

/** The part of a Playwright browser the printer uses (a stand-in can be passed in tests). */
export interface PrintBrowser {
	newContext(): Promise<{
		addCookies(cookies: { name: string; value: string; url: string }[]): Promise<void>;
		newPage(): Promise<{
			goto(
				url: string,
				options: { waitUntil: 'networkidle'; timeout: number }
			): Promise<{ ok(): boolean; status(): number } | null>;
			emulateMedia(options: { media: 'print' }): Promise<void>;
			pdf(options: Record<string, unknown>): Promise<Uint8Array>;
		}>;
		close(): Promise<void>;
	}>;
	on(event: 'disconnected', listener: () => void): unknown;
	close(): Promise<void>;
}

/** Starts Chromium. */
export type LaunchBrowser = (executablePath: string) => Promise<PrintBrowser>;

const launchChromium: LaunchBrowser = async (executablePath) => {
	const { chromium } = await loadPlaywright();
	return (await chromium.launch({ executablePath, headless: true, args: ARGS })) as unknown as PrintBrowser;
};

/** Prints review pages with one shared browser and a bounded queue. */
export class PdfPrinter {
	#browser: Promise<PrintBrowser> | null = null;
	readonly #slots: Semaphore;

	constructor(
		private readonly launch: LaunchBrowser = launchChromium,
		limits: { concurrency: number; queue: number } = { concurrency: 2, queue: 4 }
	) {
		this.#slots = new Semaphore(limits.concurrency, limits.queue);
	}

	/** Prints the review page; `export/chromium_missing` or `export/busy` (503) when it cannot now. */
	async print(options: PdfOptions): Promise<ExportFile & { bytes: Uint8Array<ArrayBuffer> }> {
		const executablePath = options.chromiumPath
			? existsSync(options.chromiumPath)
				? options.chromiumPath
				: null
			: await findChromium();
		if (!executablePath) {
			fault(
				'export/chromium_missing',
				noBrowserMessage(options.chromiumPath ? { CHROMIUM_PATH: options.chromiumPath } : process.env),
				503
			);
		}
		try {
			return await this.#slots.run(() => this.#print(executablePath, options));
		} catch (e) {
			if (e instanceof SemaphoreFull) {
				fault('export/busy', 'The server is printing other reports right now; try again in a minute.', 503);
			}
			throw e;
		}
	}

	/** Closes the shared browser (server shutdown). */
	async close(): Promise<void> {
		const browser = this.#browser;
		this.#browser = null;
		await (await browser?.catch(() => null))?.close();
	}

	#shared(executablePath: string): Promise<PrintBrowser> {
		if (!this.#browser) {
			const launching = this.launch(executablePath).then((browser) => {
				browser.on('disconnected', () => {
					if (this.#browser === launching) this.#browser = null;
				});
				return browser;
			});
			launching.catch(() => {
				if (this.#browser === launching) this.#browser = null;
			});
			this.#browser = launching;
		}
		return this.#browser;
	}

	async #print(
		executablePath: string,
		options: PdfOptions
	): Promise<ExportFile & { bytes: Uint8Array<ArrayBuffer> }> {
		const browser = await this.#shared(executablePath);
		const context = await browser.newContext();
		try {
			await context.addCookies(
				Object.entries(options.cookies).map(([name, value]) => ({ name, value, url: options.origin }))
			);
			const page = await context.newPage();
			const url = `${options.origin}/exercises/${encodeURIComponent(options.exerciseId)}/review/report`;
			const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
			if (!response || !response.ok()) {
				fault(
					'export/pdf_failed',
					`The report page answered ${response?.status() ?? 'nothing'} while printing.`,
					502
				);
			}
			await page.emulateMedia({ media: 'print' });
			const pdf = await page.pdf({
				format: 'A4',
				printBackground: true,
				// Headings become PDF bookmarks and the structure is tagged, so the report is navigable and accessible.
				outline: true,
				tagged: true,
				margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
				displayHeaderFooter: true,
				headerTemplate: '<span></span>',
				// The report's name and "Page n of m" on every page; `title` is the report page's <title>.
				footerTemplate:
					'<div style="font-size:8px;width:100%;margin:0 12mm;display:flex;justify-content:space-between;color:#444">' +
					'<span class="title"></span>' +
					`<span>${escapeHtml(options.pageOf ?? 'Page {page} of {pages}')
						.replace('{page}', '<span class="pageNumber"></span>')
						.replace('{pages}', '<span class="totalPages"></span>')}</span></div>`
			});
			return {
				filename: options.filename,
				body: '',
				bytes: new Uint8Array(pdf),
				contentType: 'application/pdf'
			};
		} finally {
			await context.close();
		}
	}
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** The printer of this process. */
export const pdfPrinter = new PdfPrinter();

/** Prints the review page to PDF with the shared printer (see PdfPrinter.print). */
export function reviewPdf(options: PdfOptions): Promise<ExportFile & { bytes: Uint8Array<ArrayBuffer> }> {
	return pdfPrinter.print(options);
}
