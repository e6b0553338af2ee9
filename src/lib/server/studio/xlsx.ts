/**
 * XLSX workbooks → an MSEL table, with exceljs, after the zip guard. The sheet read is the first one whose
 * header row names MSEL columns (else the first sheet with data); cells come out as text, numbers or dates.
 * exceljs loads on the first workbook read, so that starting the server does not wait for it.
 */
import type ExcelJS from 'exceljs';
import type { MselTable } from '$lib/studio/import/msel';
import { mselHeaders } from '$lib/studio/import/msel';
import { findHeaderRow } from '$lib/studio/import/msel-columns';
import type { MselCell } from '$lib/studio/import/msel-time';
import { MAX_MSEL_COLUMNS, MAX_MSEL_ROWS, MAX_XLSX_UNPACKED_BYTES } from '$lib/studio/limits';
import { zipProblem } from './zip-guard';

function cellValue(value: ExcelJS.CellValue): MselCell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (value instanceof Date) return value;
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((part) => part.text).join('');
		if ('result' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
		if ('text' in value) return String((value as { text: unknown }).text);
		if ('error' in value) return null;
	}
	return String(value);
}

function tableOf(sheet: ExcelJS.Worksheet): MselTable {
	const rows: MselCell[][] = [];
	const width = Math.min(sheet.columnCount, MAX_MSEL_COLUMNS);
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const cells: MselCell[] = [];
		for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
		rows.push(cells);
	}
	while (rows.length && rows[rows.length - 1].every((cell) => cell === null || cell === '')) rows.pop();
	return { rows, firstRow: 1, sheet: sheet.name };
}

/** Reads an uploaded workbook; refusals say why. */
export async function readXlsx(data: Uint8Array): Promise<{ table: MselTable } | { error: string }> {
	const problem = zipProblem(data, MAX_XLSX_UNPACKED_BYTES);
	if (problem) return { error: `This file cannot be imported: ${problem}.` };
	// exceljs and its dependencies take about a second to load: only an import that needs them pays for it.
	const { default: Excel } = await import('exceljs');
	const workbook = new Excel.Workbook();
	try {
		await workbook.xlsx.load(data as unknown as ArrayBuffer);
	} catch {
		return { error: 'This file cannot be imported: it is not an XLSX workbook Excel or LibreOffice wrote.' };
	}
	const sheets = workbook.worksheets.filter((sheet) => sheet.rowCount > 0);
	if (sheets.length === 0) return { error: 'The workbook has no sheet with data.' };
	const tall = sheets.find((sheet) => sheet.rowCount > MAX_MSEL_ROWS + 50);
	if (tall)
		return {
			error: `The sheet "${tall.name}" has ${tall.rowCount.toLocaleString('en')} rows; an MSEL import reads at most ${MAX_MSEL_ROWS.toLocaleString('en')}.`
		};
	const tables = sheets.map(tableOf);
	const withHeader = tables.find(
		(table) =>
			findHeaderRow(table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))) >= 0
	);
	const table = withHeader ?? tables.find((t) => mselHeaders(t) !== null);
	return table ? { table } : { error: 'The workbook has no sheet with data.' };
}
