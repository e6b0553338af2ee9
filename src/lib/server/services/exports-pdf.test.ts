import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { reviewPdf } from './exports-pdf';

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
});
