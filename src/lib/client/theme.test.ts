import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChoice, resolveTheme, THEME_KEY } from './theme';

describe('theme choice', () => {
	it('reads only light and dark as explicit choices', () => {
		expect(parseChoice('light')).toBe('light');
		expect(parseChoice('dark')).toBe('dark');
		expect(parseChoice(null)).toBe('device');
		expect(parseChoice('purple')).toBe('device');
	});

	it('follows the device unless a theme was picked', () => {
		expect(resolveTheme('device', true)).toBe('dark');
		expect(resolveTheme('device', false)).toBe('light');
		expect(resolveTheme('light', true)).toBe('light');
		expect(resolveTheme('dark', false)).toBe('dark');
	});

	it('the pre-paint script in app.html reads the same storage key', () => {
		expect(readFileSync('src/app.html', 'utf8')).toContain(`'${THEME_KEY}'`);
	});
});
