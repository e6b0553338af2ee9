/**
 * The PDF report: headless Chromium (driven by playwright-core) opens the review page as the requester, with
 * their own session cookie, and prints it with the page's print CSS. Printing the page itself keeps the PDF and
 * the screen the same report. playwright-core is loaded at run time so a production install without it gets
 * a clear message instead of a crash at start-up.
 */
import { existsSync } from 'node:fs';
import { fault } from '../errors';
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

/** Prints the review page to PDF; `export/chromium_missing` (503) when no browser is installed. */
export async function reviewPdf(
	options: PdfOptions
): Promise<ExportFile & { bytes: Uint8Array<ArrayBuffer> }> {
	const executablePath = options.chromiumPath ?? chromiumPath();
	if (!existsSync(executablePath)) {
		fault(
			'export/chromium_missing',
			`PDF export needs Chromium at ${executablePath}, which is missing. Install it with ` +
				'`apt-get install chromium` (or set CHROMIUM_PATH to another Chromium binary) and try again.',
			503
		);
	}
	const { chromium } = await loadPlaywright();
	const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
	try {
		const context = await browser.newContext();
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
		await browser.close();
	}
}
