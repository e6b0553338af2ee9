import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
	it('quotes cells with commas, quotes and line breaks', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
	});

	it('neutralises spreadsheet formulas in text cells but keeps negative numbers', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvCell(-5)).toBe('-5');
	});

	it('writes a header row and CRLF line ends', () => {
		expect(toCsv(['a', 'b'], [[1, null]])).toBe('a,b\r\n1,\r\n');
	});
});
