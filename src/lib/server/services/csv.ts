/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted and quotes doubled. Cells starting with
 * =, +, - or @ get a leading apostrophe so a spreadsheet does not run them as formulas (CSV injection).
 */

/** One CSV cell. */
export function csvCell(value: unknown): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a header row; lines end with CRLF as the RFC asks. */
export function toCsv(header: string[], rows: unknown[][]): string {
	return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
