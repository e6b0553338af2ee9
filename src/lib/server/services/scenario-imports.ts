/**
 * Uploads into drafts: YAML as it is, IcebergTTX JSON through its importer, MSEL spreadsheets in two steps
 * (read the sheet and propose a column mapping; then import with the mapping the author confirmed). Every upload
 * is size-checked before it is read; a refused import saves nothing and says why, row by row where it can.
 */
import { randomBytes } from 'node:crypto';
import { readCsv } from '$lib/studio/import/csv';
import { importIcebergTtx } from '$lib/studio/import/icebergttx';
import { importMsel, mselHeaders, type MselTable } from '$lib/studio/import/msel';
import { mappingProblems, suggestMapping, type ColumnMapping } from '$lib/studio/import/msel-columns';
import type { ImportNote, ImportRefusalCode } from '$lib/studio/import/report';
import { formatBytes, MAX_UPLOAD_BYTES } from '$lib/studio/limits';
import { fault } from '../errors';
import { missingRoleMessage } from '../auth/roles';
import { canDraft, DRAFT_ROLES } from './scenario-access';
import { readXlsx } from '../studio/xlsx';
import type { ScenarioStudio } from './scenario-studio';
import type { Facilitator } from './sessions';

/** An uploaded sheet, read and waiting for the author to confirm its columns. */
export interface MselInspection {
	token: string;
	fileName: string;
	sheet?: string;
	headers: string[];
	mapping: ColumnMapping;
	/** The first rows below the header, as text, so the author can see what each column holds. */
	preview: string[][];
	rows: number;
}

/** What an import did: the draft it made, or why it made none; and the notes either way. */
export type ImportOutcome =
	| { ok: true; id: string; notes: ImportNote[] }
	| {
			ok: false;
			message: string;
			notes: ImportNote[];
			code?: ImportRefusalCode;
			params?: Record<string, string>;
	  };

const STASH_MS = 30 * 60_000;
const STASH_ENTRIES = 50;

function decodeText(bytes: Uint8Array, what: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		fault('upload/invalid', `The file is not UTF-8 text, so it cannot be read as ${what}.`);
	}
}

function checkSize(bytes: Uint8Array): void {
	if (bytes.length === 0) fault('upload/invalid', 'The file is empty.');
	if (bytes.length > MAX_UPLOAD_BYTES)
		fault(
			'upload/too_large',
			`The file is ${formatBytes(bytes.length)}; uploads may be at most ${formatBytes(MAX_UPLOAD_BYTES)}.`
		);
}

const cellText = (cell: unknown) =>
	cell === null || cell === undefined
		? ''
		: cell instanceof Date
			? cell.toISOString().slice(0, 16).replace('T', ' ')
			: String(cell);

interface StashedSheet {
	table: MselTable;
	fileName: string;
	userId: string;
	at: number;
}

/** What the mapping step shows of a kept sheet: its header, a preview, its row count and a mapping. */
function describeSheet(token: string, sheet: StashedSheet, mapping: ColumnMapping): MselInspection {
	const header = mselHeaders(sheet.table) ?? { index: 0, headers: [] };
	const below = sheet.table.rows.slice(header.index + 1);
	return {
		token,
		fileName: sheet.fileName,
		sheet: sheet.table.sheet,
		headers: header.headers,
		mapping,
		preview: below.slice(0, 4).map((row) => header.headers.map((_, i) => cellText(row[i]).slice(0, 80))),
		rows: below.filter((row) => row.some((cell) => cellText(cell).trim() !== '')).length
	};
}

/** Reading uploads into drafts. */
export class ScenarioImports {
	readonly #sheets = new Map<string, StashedSheet>();

	constructor(
		private readonly studio: ScenarioStudio,
		private readonly now: () => number = Date.now
	) {}

	/** A YAML file as a new draft. */
	async yaml(user: Facilitator, fileName: string, bytes: Uint8Array): Promise<string> {
		checkSize(bytes);
		return this.studio.createFromYaml(user, fileName, decodeText(bytes, 'YAML'));
	}

	/** An IcebergTTX scenario file as a new draft. */
	async icebergTtx(user: Facilitator, fileName: string, bytes: Uint8Array): Promise<ImportOutcome> {
		checkSize(bytes);
		const result = importIcebergTtx(decodeText(bytes, 'JSON'), { fileName, today: this.#today() });
		if (!result.ok) return result;
		return { ok: true, id: await this.studio.createFromImport(user, result), notes: result.notes };
	}

	/** Reads an MSEL sheet (XLSX or CSV) and proposes its column mapping. */
	async inspectMsel(user: Facilitator, fileName: string, bytes: Uint8Array): Promise<MselInspection> {
		if (!canDraft(user)) fault('scenario/forbidden', missingRoleMessage(DRAFT_ROLES), 403);
		checkSize(bytes);
		if (/\.xls$/i.test(fileName))
			fault(
				'upload/invalid',
				'Old .xls workbooks are not read: save the sheet as .xlsx or CSV and upload that.'
			);
		const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
		const read =
			/\.xlsx$/i.test(fileName) || isZip ? await readXlsx(bytes) : readCsv(decodeText(bytes, 'CSV'));
		if ('error' in read) fault('upload/invalid', read.error);
		const header = mselHeaders(read.table);
		if (!header) fault('upload/invalid', 'The sheet is empty: there is no row with column names.');
		this.#sweep();
		const token = randomBytes(12).toString('base64url');
		const sheet = { table: read.table, fileName, userId: user.userId, at: this.now() };
		this.#sheets.set(token, sheet);
		return describeSheet(token, sheet, suggestMapping(header.headers));
	}

	/**
	 * The inspection of a sheet still waiting for its mapping, with the mapping the author chose: after a refused
	 * import the mapping step comes back as the author left it, so they can correct it and try again. Undefined
	 * when the sheet is no longer kept (expired, imported, or someone else's).
	 */
	reopenMsel(user: Facilitator, token: string, mapping: ColumnMapping): MselInspection | undefined {
		const sheet = this.#sheet(user, token);
		return sheet ? describeSheet(token, sheet, mapping) : undefined;
	}

	/** Imports an inspected sheet with the author's mapping into a new draft. */
	async importMsel(
		user: Facilitator,
		token: string,
		mapping: ColumnMapping,
		options: { title?: string; expectedActions?: 'decisions' | 'notes' }
	): Promise<ImportOutcome> {
		const sheet = this.#sheet(user, token);
		if (!sheet)
			fault(
				'upload/expired',
				'The uploaded sheet is no longer here (uploads are kept for 30 minutes): upload it again.'
			);
		const header = mselHeaders(sheet.table);
		const problems = mappingProblems(mapping, header?.headers ?? []);
		if (problems.length)
			return {
				ok: false,
				message: problems.join(' '),
				notes: [],
				...(problems.length === 1 && mapping.title === undefined ? { code: 'title-column' as const } : {})
			};
		const result = importMsel(sheet.table, mapping, {
			fileName: sheet.fileName,
			today: this.#today(),
			...options
		});
		if (!result.ok) return result;
		const id = await this.studio.createFromImport(user, result);
		this.#sheets.delete(token);
		return { ok: true, id, notes: result.notes };
	}

	#sheet(user: Facilitator, token: string): StashedSheet | undefined {
		const sheet = this.#sheets.get(token);
		return sheet && sheet.userId === user.userId && this.now() - sheet.at <= STASH_MS ? sheet : undefined;
	}

	#today(): string {
		return new Date(this.now()).toISOString().slice(0, 10);
	}

	#sweep(): void {
		const now = this.now();
		for (const [token, sheet] of this.#sheets) if (now - sheet.at > STASH_MS) this.#sheets.delete(token);
		while (this.#sheets.size >= STASH_ENTRIES) this.#sheets.delete(this.#sheets.keys().next().value!);
	}
}
