import { describe, expect, it } from 'vitest';
import { qrDataUrl } from '$lib/server/qr';

describe('qrDataUrl', () => {
	it('encodes an SVG image as a base64 data URL', async () => {
		const url = await qrDataUrl('https://ttx.example/join/K7QF9M');
		expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
		const svg = Buffer.from(url.split(',')[1], 'base64').toString('utf8');
		expect(svg).toContain('<svg');
	});
	it('draws a larger symbol for a longer link', async () => {
		const short = await qrDataUrl('https://a.example/join/K7QF9M');
		const long = await qrDataUrl(`https://a.example/join/K7QF9M?${'x'.repeat(200)}`);
		const viewBox = (u: string) =>
			Number(/viewBox="0 0 (\d+)/.exec(Buffer.from(u.split(',')[1], 'base64').toString())?.[1]);
		expect(viewBox(long)).toBeGreaterThan(viewBox(short));
	});
});
