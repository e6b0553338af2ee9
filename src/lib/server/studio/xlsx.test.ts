import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/engine/scenario';
import { importMsel, mselHeaders } from '$lib/studio/import/msel';
import { suggestMapping } from '$lib/studio/import/msel-columns';
import { formatNote } from '$lib/studio/import/report';
import { readXlsx } from './xlsx';
import { zipProblem } from './zip-guard';

/** A one-entry zip archive whose entry declares `declared` bytes (honestly or not). */
function zipOf(content: Buffer, declared = content.length): Uint8Array {
	const data = deflateRawSync(content);
	const name = Buffer.from('xl/sheet.xml');
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(8, 8);
	local.writeUInt32LE(data.length, 18);
	local.writeUInt32LE(declared, 22);
	local.writeUInt16LE(name.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(8, 10);
	central.writeUInt32LE(data.length, 20);
	central.writeUInt32LE(declared, 24);
	central.writeUInt16LE(name.length, 28);
	central.writeUInt32LE(0, 42);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(central.length + name.length, 12);
	end.writeUInt32LE(local.length + name.length + data.length, 16);
	return Buffer.concat([local, name, data, central, name, end]);
}

describe('zipProblem', () => {
	it('accepts an honest small archive', () => {
		expect(zipProblem(zipOf(Buffer.from('<sheet/>')), 1024)).toBeNull();
	});

	it('refuses an archive that declares too much, and one that lies about its size', () => {
		const zeros = Buffer.alloc(50 * 1024 * 1024);
		expect(zipProblem(zipOf(zeros), 40 * 1024 * 1024)).toBe('the workbook unpacks to too much data');
		expect(zipProblem(zipOf(zeros, 1000), 40 * 1024 * 1024)).toBe(
			'the workbook unpacks to more data than it declares, or is damaged'
		);
	});

	it('refuses what is not a zip archive', () => {
		expect(zipProblem(randomBytes(4096), 1024)).toBe('it is not an XLSX workbook (not a zip archive)');
	});
});

describe('readXlsx', () => {
	it('reads the MSEL workbook fixture into a draft that validates, reporting rows by number', async () => {
		const read = await readXlsx(readFileSync('test/fixtures/import/msel-roaming-fraud.xlsx'));
		if ('error' in read) throw new Error(read.error);
		expect(read.table.sheet).toBe('MSEL');
		const header = mselHeaders(read.table)!;
		expect(header.index).toBe(2);
		const result = importMsel(read.table, suggestMapping(header.headers), {
			fileName: 'msel-roaming-fraud.xlsx',
			today: '2026-03-02'
		});
		if (!result.ok) throw new Error(result.message);
		const { scenario, issues } = parseScenario(result.yaml, 'draft.yaml');
		expect(issues).toEqual([]);
		expect(scenario!.startsAt).toBe('2026-03-02T09:00');
		expect(scenario!.injects.map((i) => i.trigger)).toEqual([
			{ kind: 'at', at: 0 },
			{ kind: 'at', at: 20 * 60_000 },
			{ kind: 'at', at: 45 * 60_000 },
			{ kind: 'at', at: 90 * 60_000 }
		]);
		expect(result.notes.map(formatNote)).toEqual(
			expect.arrayContaining([
				'row 7: skipped: the time "after lunch" is not a time such as T+0:30, 30m, 1h30m or 09:30',
				'row 8: changed: the channel "Telex" is not one the scenario format has, so it arrives as a briefing',
				'row 9: skipped: the inject title is empty',
				'column "Inject #": not-kept: not mapped to a field, so not imported'
			])
		);
	});

	it('refuses 2 MB of garbage with a reason', async () => {
		expect(await readXlsx(randomBytes(2 * 1024 * 1024))).toEqual({
			error: 'This file cannot be imported: it is not an XLSX workbook (not a zip archive).'
		});
	});
});
