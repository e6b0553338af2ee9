/**
 * MSEL (Master Scenario Events List) rows → a scenario draft. Pure: the CSV and XLSX readers hand over a table of
 * cells, the author's column mapping says which column is which, and the result is the scenario YAML and a note
 * for every row that was skipped or changed, by its spreadsheet row number.
 *
 * Mapping: each row is an inject; "To" names become teams, "Phase" names phases (a blank repeats the row above),
 * "Time" the trigger (blank: released by the facilitator), "Expected action" a text decision whose rubric criteria
 * evaluators mark (or facilitator notes only), "Objective" the objectives that decision evidences.
 */
import { MAX_INJECTS, MAX_MSEL_ROWS } from '../limits';
import { channelFor } from './channels';
import { scenarioYaml } from './emit';
import { IdPool } from './ids';
import { findHeaderRow, MSEL_FIELDS, type ColumnMapping, type MselField } from './msel-columns';
import {
	clockText,
	daysBetween,
	durationText,
	readMselTime,
	type MselCell,
	type MselTime
} from './msel-time';
import type { ImportNote, ImportResult } from './report';

/** A sheet as the readers hand it over. */
export interface MselTable {
	rows: MselCell[][];
	/** The spreadsheet row number of rows[0] (1 for a CSV file or a sheet read from its top). */
	firstRow: number;
	/** The worksheet's name, for XLSX. */
	sheet?: string;
}

/** Choices the author makes when importing. */
export interface MselOptions {
	/** The uploaded file's name, for the summary and the comment at the top. */
	fileName: string;
	/** Scenario title; defaults to one made from the file name. */
	title?: string;
	/** Today's date (YYYY-MM-DD): StartEx when the sheet has only elapsed or clock times. */
	today: string;
	/** What expected actions become: text decisions with rubric criteria (default) or facilitator notes only. */
	expectedActions?: 'decisions' | 'notes';
}

const ALL_TEAMS = /^(all|all teams|all players|all participants|everyone|everybody|all parties)$/i;

/** A cell as one line of trimmed text. */
export function cellText(cell: MselCell | undefined): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date)
		return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 16).replace('T', ' ');
	return String(cell).replace(/\r\n?/g, '\n').trim();
}

/** The header row of a table (detected, or the first row with any text) and its texts. */
export function mselHeaders(table: MselTable): { index: number; headers: string[] } | null {
	const texts = table.rows.map((row) => row.map(cellText));
	let index = findHeaderRow(texts);
	if (index < 0) index = texts.findIndex((row) => row.some(Boolean));
	if (index < 0) return null;
	return { index, headers: texts[index] };
}

/** A readable title from a file name: "acme-msel_v2.xlsx" → "Acme msel v2". */
export function titleFromFile(fileName: string): string {
	const base =
		fileName
			.replace(/\.[a-z0-9]+$/i, '')
			.replace(/[_-]+/g, ' ')
			.trim() || 'Imported scenario';
	return base.charAt(0).toUpperCase() + base.slice(1);
}

/** Splits a list cell at semicolons, line breaks and bullets. */
function listOf(text: string, commas = false): string[] {
	const separators = commas ? /[;\n,]|\s+and\s+/ : /[;\n]/;
	return text
		.split(separators)
		.map((item) => item.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
		.filter(Boolean);
}

interface Row {
	number: number;
	get(field: MselField): string;
	time: MselTime;
}

/** Turns an MSEL table into a scenario draft, with a note for every row not imported as written. */
export function importMsel(table: MselTable, mapping: ColumnMapping, options: MselOptions): ImportResult {
	const notes: ImportNote[] = [];
	const header = mselHeaders(table);
	if (!header)
		return {
			ok: false,
			message: 'The sheet is empty: there is no row with column names.',
			notes,
			code: 'sheet-empty'
		};
	if (mapping.title === undefined)
		return {
			ok: false,
			message: 'Choose the column that holds the inject titles.',
			notes,
			code: 'title-column'
		};
	const dataRows = table.rows.length - header.index - 1;
	if (dataRows > MAX_MSEL_ROWS)
		return {
			ok: false,
			message: `The sheet has ${dataRows.toLocaleString('en')} rows below its header; an MSEL import reads at most ${MAX_MSEL_ROWS.toLocaleString('en')}.`,
			notes,
			code: 'too-many-rows',
			params: { rows: String(dataRows), max: String(MAX_MSEL_ROWS) }
		};

	header.headers.forEach((name, column) => {
		if (name && !Object.values(mapping).includes(column))
			notes.push({
				level: 'not-kept',
				item: `column "${name}"`,
				message: 'not mapped to a field, so not imported',
				code: 'column-unmapped',
				params: { column: name }
			});
	});

	const rows: Row[] = [];
	let phaseName = '';
	for (let i = header.index + 1; i < table.rows.length; i++) {
		const cells = table.rows[i];
		const number = table.firstRow + i;
		const get = (field: MselField) => {
			const column = mapping[field];
			return column === undefined ? '' : cellText(cells[column]);
		};
		if (cells.every((cell) => cellText(cell) === '')) continue;
		if (get('phase')) phaseName = get('phase');
		if (!get('title')) {
			const onlyPhase = MSEL_FIELDS.every((f) => f.key === 'phase' || !get(f.key));
			if (!onlyPhase)
				notes.push({
					level: 'skipped',
					row: number,
					message: 'the inject title is empty',
					code: 'title-empty'
				});
			continue;
		}
		const time = readMselTime(mapping.time === undefined ? null : (cells[mapping.time] ?? null));
		if (time.kind === 'bad') {
			notes.push({
				level: 'skipped',
				row: number,
				message: `the time "${time.text}" is not a time such as T+0:30, 30m, 1h30m or 09:30`,
				code: 'time-bad',
				params: { time: time.text }
			});
			continue;
		}
		const phase = phaseName;
		rows.push({ number, get: (field) => (field === 'phase' ? phase : get(field)), time });
	}
	if (rows.length === 0)
		return {
			ok: false,
			message: 'No row could be imported: every row below the header is listed below.',
			notes,
			code: 'no-rows'
		};
	if (rows.length > MAX_INJECTS)
		return {
			ok: false,
			message: `The sheet has ${rows.length.toLocaleString('en')} injects; a scenario may have at most ${MAX_INJECTS.toLocaleString('en')}.`,
			notes,
			code: 'too-many-injects',
			params: { injects: String(rows.length), max: String(MAX_INJECTS) }
		};
	return { ok: true, ...buildScenario(rows, options, notes, table.sheet), notes };
}

/** StartEx and each row's offset: elapsed times count from StartEx, clock times from the earliest one. */
function schedule(rows: Row[], today: string): { startsAt: string; offsets: Map<Row, number> } {
	const absolute = rows.flatMap((row) =>
		row.time.kind === 'datetime'
			? [{ row, date: row.time.date, minutes: row.time.minutes }]
			: row.time.kind === 'clock'
				? [{ row, date: '', minutes: row.time.minutes }]
				: []
	);
	const dated = absolute.filter((a) => a.date).map((a) => a.date);
	const day = dated.length ? dated.sort()[0] : today;
	const stamp = (a: { date: string; minutes: number }) => daysBetween(day, a.date || day) * 1440 + a.minutes;
	const base = absolute.length ? Math.min(...absolute.map(stamp)) : 9 * 60;
	const offsets = new Map<Row, number>();
	for (const row of rows) {
		const t = row.time;
		if (t.kind === 'elapsed') offsets.set(row, t.ms);
		else if (t.kind === 'clock' || t.kind === 'datetime')
			offsets.set(
				row,
				(stamp({ date: t.kind === 'datetime' ? t.date : '', minutes: t.minutes }) - base) * 60_000
			);
	}
	const startDay = new Date(Date.parse(`${day}T00:00Z`) + Math.floor(base / 1440) * 86_400_000);
	return { startsAt: `${startDay.toISOString().slice(0, 10)}T${clockText(base % 1440)}`, offsets };
}

function buildScenario(
	rows: Row[],
	options: MselOptions,
	notes: ImportNote[],
	sheet?: string
): Omit<Extract<ImportResult, { ok: true }>, 'ok' | 'notes'> {
	const title = options.title?.trim() || titleFromFile(options.fileName);
	const asDecisions = (options.expectedActions ?? 'decisions') === 'decisions';
	const { startsAt, offsets } = schedule(rows, options.today);
	const teamIds = new IdPool();
	const teams = new Map<string, { id: string; name: string }>();
	const phaseIds = new IdPool();
	const phases = new Map<string, { id: string; title: string }>();
	const objectiveIds = new IdPool();
	const objectives = new Map<string, { id: string; title: string }>();
	const injectIds = new IdPool();
	const injects: Record<string, unknown>[] = [];
	let decisions = 0;

	const teamFor = (name: string) => {
		const key = name.toLowerCase();
		if (!teams.has(key)) teams.set(key, { id: teamIds.take(name, 'team'), name });
		return teams.get(key)!.id;
	};
	for (const row of rows) {
		const phaseTitle = row.get('phase') || 'Exercise';
		if (!phases.has(phaseTitle))
			phases.set(phaseTitle, { id: phaseIds.take(phaseTitle, 'phase'), title: phaseTitle });
		const id = injectIds.take(row.get('title'), 'inject');
		const toCell = row.get('to');
		const to = !toCell || ALL_TEAMS.test(toCell) ? 'all' : [...new Set(listOf(toCell, true).map(teamFor))];
		const { channel, known } = channelFor(row.get('channel'));
		if (row.get('channel') && !known)
			notes.push({
				level: 'changed',
				row: row.number,
				message: `the channel "${row.get('channel')}" is not one the scenario format has, so it arrives as a briefing`,
				code: 'channel-unknown',
				params: { channel: row.get('channel') }
			});
		const at = offsets.get(row);
		if (at === undefined)
			notes.push({
				level: 'changed',
				row: row.number,
				message: 'no time, so the facilitator releases it by hand',
				code: 'no-time'
			});
		const objectiveRefs = listOf(row.get('objective')).map((name) => {
			const key = name.toLowerCase();
			if (!objectives.has(key))
				objectives.set(key, { id: objectiveIds.take(name, 'objective'), title: name });
			return objectives.get(key)!.id;
		});
		const actions = listOf(row.get('expectedAction'));
		const notesText = [
			row.get('notes'),
			actions.length ? `Expected action: ${actions.join('; ')}` : '',
			objectiveRefs.length && !(asDecisions && actions.length)
				? `Objective: ${listOf(row.get('objective')).join('; ')}`
				: ''
		]
			.filter(Boolean)
			.join('\n\n');
		const inject: Record<string, unknown> = {
			id,
			phase: phases.get(phaseTitle)!.id,
			title: row.get('title'),
			channel,
			...(row.get('from') ? { from: row.get('from') } : {}),
			...(to === 'all' ? {} : { to }),
			trigger: at === undefined ? 'manual' : { at: durationText(at) },
			body: row.get('description') || row.get('title'),
			...(notesText ? { notes: notesText } : {})
		};
		if (!row.get('description'))
			notes.push({
				level: 'changed',
				row: row.number,
				message: 'no description, so the title is also the text teams read',
				code: 'no-description'
			});
		if (asDecisions && actions.length) {
			decisions++;
			inject.decision = {
				id: `d-${id}`,
				prompt: 'What does your team do, and why?',
				type: 'text',
				...(objectiveRefs.length ? { objectives: objectiveRefs } : {}),
				rubric: actions.map((action, n) => ({
					id: `action-${n + 1}`,
					label: action.charAt(0).toUpperCase() + action.slice(1),
					points: 1,
					guidance: 'Expected action from the MSEL.'
				}))
			};
		}
		injects.push(inject);
	}
	const lastAt = Math.max(0, ...offsets.values());
	const teamList = [...teams.values()];
	if (teamList.length === 0) teamList.push({ id: 'players', name: 'Players' });
	const scenario = {
		id: new IdPool().take(title, 'imported-scenario'),
		version: '0.1',
		title,
		summary: `Imported from the MSEL "${options.fileName}": ${injects.length} injects in ${phases.size} phase${phases.size === 1 ? '' : 's'}.`,
		audience: teamList.map((t) => t.name).join(', '),
		duration: Math.max(30, Math.ceil((lastAt / 60_000 + 30) / 15) * 15),
		compression: 1,
		startsAt,
		...(objectives.size ? { objectives: [...objectives.values()] } : {}),
		teams: teamList,
		phases: [...phases.values()],
		injects
	};
	const comment = [
		`Imported from the MSEL "${options.fileName}"${sheet ? ` (sheet "${sheet}")` : ''} with Switchboard's studio.`,
		'Check the import report, then review the draft: it must validate before it can be published.'
	].join('\n');
	return {
		yaml: scenarioYaml(scenario, comment),
		title,
		counts: { injects: injects.length, teams: teamList.length, phases: phases.size, decisions }
	};
}
