import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { noteText, refusalText, bytesText, fieldWords } from './words';

const speak = (locale: 'en' | 'fr') => overwriteGetLocale(() => locale);
afterEach(() => speak('en'));

describe('the import report in the reader’s language', () => {
	it('words an MSEL note as the importer does in English, and in French from its code', () => {
		const note = {
			level: 'skipped' as const,
			row: 5,
			message: 'the time "around lunch" is not a time such as T+0:30, 30m, 1h30m or 09:30',
			code: 'time-bad' as const,
			params: { time: 'around lunch' }
		};
		speak('en');
		expect(noteText(note)).toBe(`Row 5: not imported — ${note.message}`);
		speak('fr');
		expect(noteText(note)).toBe(
			"Ligne 5 : non importée — « around lunch » n'est pas une heure comme T+0:30, 30m, 1h30m ou 09:30"
		);
		const column = {
			level: 'not-kept' as const,
			item: 'column "Owner"',
			message: 'not mapped to a field, so not imported',
			code: 'column-unmapped' as const,
			params: { column: 'Owner' }
		};
		expect(noteText(column)).toBe(
			'colonne « Owner » : non reprise — associée à aucun champ, donc non importée'
		);
	});

	it('keeps the message of a note without a code (IcebergTTX)', () => {
		speak('fr');
		expect(noteText({ level: 'changed', item: 'Inject A', message: 'as written' })).toBe(
			'Inject A : modifiée — as written'
		);
	});

	it('words refusals, sizes and field labels', () => {
		const refused = {
			message: 'The sheet has 2,001 rows below its header; an MSEL import reads at most 2,000.',
			code: 'too-many-rows' as const,
			params: { rows: '2001', max: '2000' }
		};
		expect(refusalText(refused)).toBe(refused.message);
		expect(bytesText(2 * 1024 * 1024)).toBe('2 MB');
		expect(fieldWords('title')).toEqual({ label: 'Inject title', hint: 'required' });
		speak('fr');
		expect(refusalText(refused)).toMatch(/^La feuille compte 2\s001 lignes/);
		expect(bytesText(2 * 1024 * 1024)).toBe('2 Mo');
		expect(fieldWords('title').label).toBe('Titre du stimulus');
		expect(refusalText({ message: 'Something else.' })).toBe('Something else.');
	});
});
