import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, target: KeyPress['target'] = { tagName: 'BODY' }, mods = {}): KeyPress => ({
	key,
	ctrlKey: false,
	altKey: false,
	metaKey: false,
	target,
	...mods
});

describe('console shortcuts', () => {
	it('map single keys to the frequent actions', () => {
		expect(shortcutFor(press('p'))).toBe('start-pause');
		expect(shortcutFor(press('R'))).toBe('release-next');
		expect(shortcutFor(press('h'))).toBe('hold-next');
		expect(shortcutFor(press('?'))).toBe('help');
		expect(shortcutFor(press('x'))).toBeNull();
	});
	it('never fire while typing in a field', () => {
		for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
			expect(shortcutFor(press('p', { tagName, type: 'text' }))).toBeNull();
		expect(shortcutFor(press('r', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
	});
	it('still fire from a checkbox or a button, which take no text', () => {
		expect(shortcutFor(press('p', { tagName: 'INPUT', type: 'checkbox' }))).toBe('start-pause');
		expect(shortcutFor(press('p', { tagName: 'BUTTON' }))).toBe('start-pause');
	});
	it('leave browser shortcuts with Ctrl, Alt or Meta alone, and ignore held-down repeats', () => {
		expect(shortcutFor(press('r', undefined, { ctrlKey: true }))).toBeNull();
		expect(shortcutFor(press('p', undefined, { metaKey: true }))).toBeNull();
		expect(shortcutFor(press('p', undefined, { repeat: true }))).toBeNull();
	});
	it('use each key once', () => {
		expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
	});
});
