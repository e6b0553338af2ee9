import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
	it('keeps a path on this site', () => {
		expect(safeNext('/exercises/abc/console')).toBe('/exercises/abc/console');
	});
	it('keeps the query and fragment of a path on this site', () => {
		expect(safeNext('/trends?scenario=salt-typhoon#chart')).toBe('/trends?scenario=salt-typhoon#chart');
	});
	it('refuses a protocol-relative URL to another host', () => {
		expect(safeNext('//evil.example/login')).toBe('/exercises');
	});
	it('refuses a backslash trick some browsers read as another host', () => {
		expect(safeNext('/\\evil.example')).toBe('/exercises');
	});
	it('refuses an absolute URL', () => {
		expect(safeNext('https://evil.example')).toBe('/exercises');
	});
	it('falls back when there is no next', () => {
		expect(safeNext(null)).toBe('/exercises');
	});
	it('refuses "/%09/evil.host": browsers drop the tab and read //evil.host', () => {
		expect(safeNext(decodeURIComponent('/%09/evil.host'))).toBe('/exercises');
	});
	it('refuses newlines and other control characters', () => {
		expect(safeNext('/exercises\r\nSet-Cookie: x=1')).toBe('/exercises');
		expect(safeNext('/\n/evil.host')).toBe('/exercises');
	});
	it('percent-encodes non-Latin characters so the Location header stays valid', () => {
		const next = safeNext('/exercises/übung-电信');
		expect(next).toBe('/exercises/%C3%BCbung-%E7%94%B5%E4%BF%A1');
		expect(() => new Headers({ location: next })).not.toThrow();
	});
});
