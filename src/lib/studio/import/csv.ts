/** CSV files → an MSEL table, with papaparse (quoted cells with commas and line breaks, any common delimiter). */
import Papa from 'papaparse';
import { MAX_MSEL_COLUMNS } from '../limits';
import type { MselTable } from './msel';

/** Reads CSV text; a file that is not text (NUL bytes, as in a binary file) is refused with a reason. */
export function readCsv(text: string): { table: MselTable } | { error: string } {
	const clean = text.replace(/^\uFEFF/, '').replace(/(\r?\n)+$/, '');
	if (clean.includes('\u0000'))
		return {
			error:
				'This is not a CSV text file (it contains binary data). Export the sheet as CSV or upload the .xlsx.'
		};
	const parsed = Papa.parse<string[]>(clean, {
		skipEmptyLines: false,
		delimitersToGuess: [',', ';', '\t', '|']
	});
	const rows = parsed.data.filter(
		(row, i) => !(i === parsed.data.length - 1 && row.length === 1 && row[0] === '')
	);
	if (rows.length === 0 || rows.every((row) => row.every((cell) => cell.trim() === '')))
		return { error: 'The CSV file has no rows.' };
	const width = Math.max(...rows.map((row) => row.length));
	if (width > MAX_MSEL_COLUMNS)
		return { error: `The CSV file has ${width} columns; an MSEL import reads at most ${MAX_MSEL_COLUMNS}.` };
	return { table: { rows, firstRow: 1 } };
}
