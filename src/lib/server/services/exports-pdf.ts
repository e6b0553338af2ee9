/**
 * The PDF report: headless Chromium (driven by playwright-core) opens the review page as the requester, with
 * their own session cookie, and prints it with the page's print CSS. Printing the page itself keeps the PDF and
 * the screen the same report. One browser is shared by every export (launched on first use, relaunched if it
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
}

/** The Chromium binary this server prints with. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
		const executablePath = options.chromiumPath ?? chromiumPath();
		if (!existsSync(executablePath)) {
			fault(
				'export/chromium_missing',
				`PDF export needs Chromium at ${executablePath}, which is missing. Install it with ` +
					'`apt-get install chromium` (or set CHROMIUM_PATH to another Chromium binary) and try again.',
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
			const url = `${options.origin}/exercises/${encodeURIComponent(options.exerciseId)}/review?print=1`;
			const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
			if (!response || !response.ok()) {
				fault(
					'export/pdf_failed',
					`The review page answered ${response?.status() ?? 'nothing'} while printing.`,
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
				footerTemplate:
					'<div style="font-size:8px;width:100%;text-align:center;color:#555">' +
					'<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
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

/** The printer of this process. */
export const pdfPrinter = new PdfPrinter();

/** Prints the review page to PDF with the shared printer (see PdfPrinter.print). */
export function reviewPdf(options: PdfOptions): Promise<ExportFile & { bytes: Uint8Array<ArrayBuffer> }> {
	return pdfPrinter.print(options);
}
