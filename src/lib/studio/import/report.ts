/** What an import tells the author: what came in, and every row or item that did not, or not as written. */

/** One thing the author should know about an import. */
export interface ImportNote {
	/** `skipped`: not imported; `changed`: imported with an adjustment; `not-kept`: a field or feature dropped. */
	level: 'skipped' | 'changed' | 'not-kept';
	/** Spreadsheet row number (1-based, as a spreadsheet program numbers it), when the note is about a row. */
	row?: number;
	/** The item the note is about (an inject title, a column name), when there is no row. */
	item?: string;
	message: string;
	/** What the note says, for wording it in the reader's language (the MSEL importer's notes carry one). */
	code?: ImportNoteCode;
	/** The values the code's wording names. */
	params?: Record<string, string>;
}

/** The notes and refusals a page words in its own language; `message` keeps the English wording. */
export type ImportNoteCode =
	'column-unmapped' | 'title-empty' | 'time-bad' | 'channel-unknown' | 'no-time' | 'no-description';
export type ImportRefusalCode =
	'sheet-empty' | 'title-column' | 'too-many-rows' | 'no-rows' | 'too-many-injects';

/** The result of turning a file into a draft: the scenario YAML and the notes, or a refusal with its reason. */
export type ImportResult =
	| { ok: true; yaml: string; title: string; counts: ImportCounts; notes: ImportNote[] }
	| {
			ok: false;
			message: string;
			notes: ImportNote[];
			code?: ImportRefusalCode;
			params?: Record<string, string>;
	  };

/** How much came in. */
export interface ImportCounts {
	injects: number;
	teams: number;
	phases: number;
	decisions: number;
}

/** A note in one line, for logs and tests: "row 7: skipped: no inject title". */
export function formatNote(note: ImportNote): string {
	const where = note.row !== undefined ? `row ${note.row}` : (note.item ?? '');
	return `${where ? `${where}: ` : ''}${note.level}: ${note.message}`;
}
