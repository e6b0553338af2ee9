import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The interface's message files: messages/<locale>.json, one per language in project.inlang/settings.json. */
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	baseLocale: string;
	locales: string[];
};
const messages = Object.fromEntries(
	settings.locales.map((locale) => {
		const all = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;
		delete all.$schema;
		return [locale, all];
	})
) as Record<string, Record<string, unknown>>;
const base = messages[settings.baseLocale];

/** The {placeholders} of a message, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort();

function* sourceFiles(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (path !== join('src', 'lib', 'paraglide')) yield* sourceFiles(path);
		} else if (/\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) yield path;
	}
}

describe('interface messages', () => {
	it('are in English and French', () => {
		expect(settings.locales.sort()).toEqual(['en', 'fr']);
		expect(settings.baseLocale).toBe('en');
	});

	for (const locale of settings.locales) {
		it(`${locale}: has every message the other languages have, and no other`, () => {
			const missing = Object.keys(base).filter((key) => !(key in messages[locale]));
			const extra = Object.keys(messages[locale]).filter((key) => !(key in base));
			expect({ missing, extra }).toEqual({ missing: [], extra: [] });
		});

		it(`${locale}: no message is empty`, () => {
			const empty = Object.entries(messages[locale])
				.filter(([, text]) => typeof text !== 'string' || text.trim() === '')
				.map(([key]) => key);
			expect(empty).toEqual([]);
		});

		it(`${locale}: every message has the same {placeholders} as in English`, () => {
			const differing = Object.keys(base)
				.filter((key) => typeof messages[locale][key] === 'string')
				.filter(
					(key) =>
						placeholders(messages[locale][key] as string).join() !== placeholders(base[key] as string).join()
				);
			expect(differing).toEqual([]);
		});
	}

	it('every message the code asks for exists', () => {
		const used = new Set<string>();
		for (const file of sourceFiles('src')) {
			const text = readFileSync(file, 'utf8');
			if (!text.includes("import { m } from '$lib/paraglide/messages'")) continue;
			for (const match of text.matchAll(/\bm\.(\w+)\b/g)) used.add(match[1]);
		}
		expect(used.size).toBeGreaterThan(0);
		expect([...used].filter((key) => !(key in base))).toEqual([]);
	});
});
