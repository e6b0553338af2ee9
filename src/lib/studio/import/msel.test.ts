import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/engine/scenario';
import { readCsv } from './csv';
import { importMsel, mselHeaders, type MselTable } from './msel';
import { findHeaderRow, mappingProblems, suggestMapping } from './msel-columns';
import { readMselTime } from './msel-time';
import { formatNote } from './report';

const options = { fileName: 'msel-sim-swap.csv', today: '2026-03-02' };

function fixture(): MselTable {
	const read = readCsv(readFileSync('test/fixtures/import/msel-sim-swap.csv', 'utf8'));
	if ('error' in read) throw new Error(read.error);
	return read.table;
}

function imported(
	table = fixture(),
	extra: Partial<typeof options> & { expectedActions?: 'decisions' | 'notes' } = {}
) {
	const header = mselHeaders(table)!;
	const result = importMsel(table, suggestMapping(header.headers), { ...options, ...extra });
	if (!result.ok) throw new Error(result.message);
	return result;
}

describe('MSEL columns', () => {
	it('matches the documented layout and common variants of its headers', () => {
		expect(suggestMapping(['Time', 'Phase', 'Inject title', 'From', 'To', 'Channel'])).toEqual({
			time: 0,
			phase: 1,
			title: 2,
			from: 3,
			to: 4,
			channel: 5
		});
		expect(
			suggestMapping([
				'Inject #',
				'Scenario Time',
				'Event',
				'Sender',
				'Recipient(s)',
				'Delivery method',
				'Expected Player Action'
			])
		).toEqual({ time: 1, title: 2, from: 3, to: 4, channel: 5, expectedAction: 6 });
	});

	it('finds the header row below a banner', () => {
		expect(findHeaderRow([['Northwind MSEL v3'], [], ['Time', 'Event', 'Method']])).toBe(2);
	});

	it('says what is wrong with a mapping', () => {
		expect(mappingProblems({ time: 0 }, ['Time'])).toEqual([
			'Choose the column that holds the inject titles.'
		]);
		expect(mappingProblems({ title: 0, description: 0 }, ['Text'])).toEqual([
			'Description and Inject title both read the column "Text".'
		]);
	});
});

describe('MSEL times', () => {
	it('reads elapsed, clock and spreadsheet times', () => {
		expect(readMselTime('T+1:30')).toEqual({ kind: 'elapsed', ms: 90 * 60_000 });
		expect(readMselTime('1h30m')).toEqual({ kind: 'elapsed', ms: 90 * 60_000 });
		expect(readMselTime('90 min')).toEqual({ kind: 'elapsed', ms: 90 * 60_000 });
		expect(readMselTime('09:30')).toEqual({ kind: 'clock', minutes: 570 });
		expect(readMselTime('2:15 pm')).toEqual({ kind: 'clock', minutes: 855 });
		expect(readMselTime('0930')).toEqual({ kind: 'clock', minutes: 570 });
		expect(readMselTime(0.5)).toEqual({ kind: 'clock', minutes: 720 });
		expect(readMselTime(new Date(Date.UTC(1899, 11, 30, 10, 15)))).toEqual({ kind: 'clock', minutes: 615 });
		expect(readMselTime(new Date(Date.UTC(2024, 9, 7, 8, 0)))).toEqual({
			kind: 'datetime',
			date: '2024-10-07',
			minutes: 480
		});
		expect(readMselTime('half past nine')).toEqual({ kind: 'bad', text: 'half past nine' });
	});
});

describe('importMsel', () => {
	it('imports the fixture into a draft that validates', () => {
		const result = imported();
		const { scenario, issues } = parseScenario(result.yaml, 'draft.yaml');
		expect(issues).toEqual([]);
		expect(scenario!.injects.map((i) => i.title)).toEqual([
			'Port-out spike in the fraud dashboard',
			'Customer calls about lost service',
			'Store employee credentials in a paste',
			'Reporter asks about SIM swaps',
			'Executive update'
		]);
		expect(scenario!.teams.map((t) => t.name)).toEqual(['SOC', 'Customer care', 'Communications']);
		expect(scenario!.phases.map((p) => p.title)).toEqual(['Detection', 'Containment', 'Notification']);
		expect(result.counts).toEqual({ injects: 5, teams: 3, phases: 3, decisions: 4 });
	});

	it('reports every row it could not import, by spreadsheet row number, and every change it made', () => {
		const notes = imported().notes.map(formatNote);
		expect(notes).toContain(
			'row 6: skipped: the time "half past nine" is not a time such as T+0:30, 30m, 1h30m or 09:30'
		);
		expect(notes).toContain('row 7: skipped: the inject title is empty');
		expect(notes).toContain(
			'row 8: changed: the channel "Pager" is not one the scenario format has, so it arrives as a briefing'
		);
		expect(notes.filter((n) => n.includes('skipped'))).toHaveLength(2);
	});

	it('turns expected actions into rubric criteria of a text decision, linked to the objective', () => {
		const yaml = parse(imported().yaml);
		const first = yaml.injects[0];
		expect(first.trigger).toEqual({ at: '0m' });
		expect(first.channel).toBe('log');
		expect(first.decision.type).toBe('text');
		expect(first.decision.rubric.map((c: { label: string }) => c.label)).toEqual([
			'Open an incident',
			'Pull the port-out requests of the last 24 hours'
		]);
		expect(first.decision.objectives).toEqual([yaml.objectives[0].id]);
		expect(first.notes).toContain('Let the SOC find the two stores on its own.');
	});

	it('keeps expected actions as facilitator notes only when asked', () => {
		const yaml = parse(imported(fixture(), { expectedActions: 'notes' }).yaml);
		expect(yaml.injects.every((i: { decision?: unknown }) => i.decision === undefined)).toBe(true);
		expect(yaml.injects[0].notes).toContain('Expected action: Open an incident; pull the port-out requests');
	});

	it('counts clock times from the earliest one, which becomes StartEx', () => {
		const table: MselTable = {
			firstRow: 1,
			rows: [
				['Time', 'Inject title', 'Description'],
				['10:15', 'Second', 'b'],
				['09:30', 'First', 'a']
			]
		};
		const yaml = parse(imported(table).yaml);
		expect(yaml.startsAt).toBe('2026-03-02T09:30');
		expect(yaml.injects.map((i: { trigger: unknown }) => i.trigger)).toEqual([{ at: '45m' }, { at: '0m' }]);
	});

	it('refuses a sheet with no importable row and says why for each', () => {
		const table: MselTable = {
			firstRow: 1,
			rows: [
				['Time', 'Inject title'],
				['soon', 'A']
			]
		};
		const result = importMsel(table, { time: 0, title: 1 }, options);
		expect(result.ok).toBe(false);
		expect(result.notes.map(formatNote)).toEqual([
			'row 2: skipped: the time "soon" is not a time such as T+0:30, 30m, 1h30m or 09:30'
		]);
	});
});

describe('MSEL limits', () => {
	const sheet = (rows: number): MselTable => ({
		rows: [['Time', 'Inject title'], ...Array.from({ length: rows }, (_, i) => [`T+${i}`, `Inject ${i}`])],
		firstRow: 1
	});
	const mapping = { time: 0, title: 1 };

	it('refuses more than 2,000 rows below the header', () => {
		expect(importMsel(sheet(2001), mapping, options)).toEqual({
			ok: false,
			message: 'The sheet has 2,001 rows below its header; an MSEL import reads at most 2,000.',
			notes: [],
			code: 'too-many-rows',
			params: { rows: '2001', max: '2000' }
		});
	});

	it('refuses more than 1,000 injects, and takes 1,000', () => {
		expect(importMsel(sheet(1001), mapping, options)).toMatchObject({
			ok: false,
			message: 'The sheet has 1,001 injects; a scenario may have at most 1,000.'
		});
		const most = importMsel(sheet(1000), mapping, options);
		expect(most.ok && most.counts.injects).toBe(1000);
	});
});

describe('readCsv', () => {
	it('refuses binary data with a reason', () => {
		expect(readCsv('PK\u0003\u0004\u0000\u0000garbage')).toEqual({
			error:
				'This is not a CSV text file (it contains binary data). Export the sheet as CSV or upload the .xlsx.'
		});
	});

	it('refuses more than 60 columns', () => {
		const wide = Array.from({ length: 61 }, (_, i) => `Column ${i + 1}`).join(',');
		expect(readCsv(`${wide}\n`)).toEqual({
			error: 'The CSV file has 61 columns; an MSEL import reads at most 60.'
		});
	});

	it('reads semicolon-separated files', () => {
		const read = readCsv('Time;Inject title\n0:30;A\n');
		expect('table' in read && read.table.rows).toEqual([
			['Time', 'Inject title'],
			['0:30', 'A']
		]);
	});
});
