import { describe, expect, it } from 'vitest';
import { formatSpan } from './duration';

describe('formatSpan', () => {
	it('writes hours and minutes compactly as the YAML does', () => {
		expect(formatSpan(90 * 60_000)).toBe('1h30m');
	});
	it('separates days from hours with a space', () => {
		expect(formatSpan((2 * 24 + 4) * 3_600_000)).toBe('2d 4h');
	});
	it('falls back to seconds under a minute', () => {
		expect(formatSpan(20_000)).toBe('20s');
	});
	it('keeps the sign of a negative span', () => {
		expect(formatSpan(-45 * 60_000)).toBe('-45m');
	});
});
