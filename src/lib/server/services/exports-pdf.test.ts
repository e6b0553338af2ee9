import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { findChromium, noBrowserMessage, reviewPdf } from './exports-pdf';

describe('PDF export', () => {
	it('answers 503 naming `apt-get install chromium` when Chromium is missing', async () => {
		const refused = await reviewPdf({
			origin: 'http://127.0.0.1:1',
			exerciseId: 'x',
			cookies: {},
			filename: 'x.pdf',
			chromiumPath: '/nonexistent/chromium'
		}).catch((e) => e);
		expect(refused).toBeInstanceOf(ServiceError);
		expect(refused.status).toBe(503);
		expect(refused.code).toBe('export/chromium_missing');
		expect(refused.message).toContain('apt-get install chromium');
	});

	it('finds no browser when CHROMIUM_PATH points at nothing, and says where it looked and how to install one', async () => {
		const env = { CHROMIUM_PATH: '/nonexistent/chromium' };
		expect(await findChromium(env)).toBeNull();
		const message = noBrowserMessage(env);
		expect(message).toContain('CHROMIUM_PATH is set to /nonexistent/chromium, which does not exist');
		expect(message).toContain('npx playwright-core install chromium');
	});

	it.skipIf(!existsSync('/usr/bin/chromium'))(
		'takes CHROMIUM_PATH when it exists, else the first system browser',
		async () => {
			expect(await findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
			expect(await findChromium({})).toBe('/usr/bin/chromium');
		}
	);
});
