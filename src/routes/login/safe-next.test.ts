import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
	it('keeps a path on this site', () => {
		expect(safeNext('/exercises/abc/console')).toBe('/exercises/abc/console');
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
});
