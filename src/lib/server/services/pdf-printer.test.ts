import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { PdfPrinter, type PrintBrowser } from './exports-pdf';

/** A stand-in for Chromium that counts launches and open pages, and prints when the test lets it. */
function fakeChromium() {
	const counts = { launches: 0, open: 0, peak: 0 };
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	const browser: PrintBrowser = {
		on: () => {},
		close: async () => {},
		newContext: async () => ({
			addCookies: async () => {},
			close: async () => void counts.open--,
			newPage: async () => {
				counts.open++;
				counts.peak = Math.max(counts.peak, counts.open);
				return {
					goto: async () => ({ ok: () => true, status: () => 200 }),
					emulateMedia: async () => {},
					pdf: async () => (await released, Buffer.from('%PDF-1.7'))
				};
			}
		})
	};
	const launch = async () => (counts.launches++, browser);
	return { counts, launch, release };
}

const job = (i: number) => ({
	origin: 'http://127.0.0.1:1',
	exerciseId: `ex-${i}`,
	cookies: { sb_session: 'x' },
	filename: `r${i}.pdf`,
	chromiumPath: process.execPath
});

describe('PDF printer', () => {
	it('prints 10 concurrent exports with one shared browser, two at a time, and answers busy past its queue', async () => {
		const chromium = fakeChromium();
		const printer = new PdfPrinter(chromium.launch, { concurrency: 2, queue: 4 });
		const runs = Array.from({ length: 10 }, (_, i) => printer.print(job(i)).catch((e: unknown) => e));
		await new Promise((r) => setTimeout(r, 10));
		chromium.release();
		const results = await Promise.all(runs);
		const busy = results.filter((r) => r instanceof ServiceError && r.code === 'export/busy');
		expect(chromium.counts.launches).toBe(1);
		expect(chromium.counts.peak).toBe(2);
		expect(busy).toHaveLength(4);
		expect((busy[0] as ServiceError).status).toBe(503);
		expect((busy[0] as ServiceError).message).toBe(
			'The server is printing other reports right now; try again in a minute.'
		);
		expect(results.filter((r) => !(r instanceof Error))).toHaveLength(6);
		await printer.close();
	});
});
