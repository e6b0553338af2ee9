/**
 * The import report and the MSEL importer's refusals in the reader's language. The importer keeps its English
 * `message` (logs, the scenario CLI, tests); its notes and refusals carry a code and the values they name, which
 * the import page and the editor word here. A note without a code (the IcebergTTX importer's) keeps its message.
 */
import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/locale-format';
import type { ImportNote, ImportNoteCode, ImportRefusalCode } from './report';
import type { MselField } from './msel-columns';

type Params = Record<string, string>;
const count = (value: string | undefined) => formatNumber(Number(value ?? 0));

const NOTE_WORDS: Record<ImportNoteCode, (p: Params) => string> = {
	'column-unmapped': () => m.import_page_note_column_unmapped(),
	'title-empty': () => m.import_page_note_title_empty(),
	'time-bad': (p) => m.import_page_note_time_bad({ time: p.time ?? '' }),
	'channel-unknown': (p) => m.import_page_note_channel_unknown({ channel: p.channel ?? '' }),
	'no-time': () => m.import_page_note_no_time(),
	'no-description': () => m.import_page_note_no_description()
};

const REFUSAL_WORDS: Record<ImportRefusalCode, (p: Params) => string> = {
	'sheet-empty': () => m.import_page_refusal_sheet_empty(),
	'title-column': () => m.import_page_refusal_title_column(),
	'too-many-rows': (p) => m.import_page_refusal_too_many_rows({ rows: count(p.rows), max: count(p.max) }),
	'no-rows': () => m.import_page_refusal_no_rows(),
	'too-many-injects': (p) =>
		m.import_page_refusal_too_many_injects({ injects: count(p.injects), max: count(p.max) })
};

/** "Row 5: not imported — the inject title is empty", in the reader's language. */
export function noteText(note: ImportNote): string {
	const where =
		note.row !== undefined
			? m.import_page_note_row({ row: String(note.row) })
			: note.code === 'column-unmapped' && note.params?.column !== undefined
				? m.import_page_note_column({ column: note.params.column })
				: (note.item ?? '');
	const level =
		note.level === 'skipped'
			? m.import_page_level_skipped()
			: note.level === 'changed'
				? m.import_page_level_changed()
				: m.import_page_level_not_kept();
	const what = note.code && NOTE_WORDS[note.code] ? NOTE_WORDS[note.code](note.params ?? {}) : note.message;
	return where
		? m.import_page_note_where({ where, level, what })
		: m.import_page_note_nowhere({ level, what });
}

/** An import's refusal: the importer's English message, or its code worded in the reader's language. */
export function refusalText(outcome: { message: string; code?: ImportRefusalCode; params?: Params }): string {
	return outcome.code && REFUSAL_WORDS[outcome.code]
		? REFUSAL_WORDS[outcome.code](outcome.params ?? {})
		: outcome.message;
}

const FIELD_WORDS: Record<MselField, () => [label: string, hint: string]> = {
	time: () => [m.import_page_field_time(), m.import_page_field_time_hint()],
	phase: () => [m.import_page_field_phase(), m.import_page_field_phase_hint()],
	title: () => [m.import_page_field_title(), m.import_page_field_title_hint()],
	from: () => [m.import_page_field_from(), m.import_page_field_from_hint()],
	to: () => [m.import_page_field_to(), m.import_page_field_to_hint()],
	channel: () => [m.import_page_field_channel(), m.import_page_field_channel_hint()],
	description: () => [m.import_page_field_description(), m.import_page_field_description_hint()],
	expectedAction: () => [m.import_page_field_expected_action(), m.import_page_field_expected_action_hint()],
	notes: () => [m.import_page_field_notes(), m.import_page_field_notes_hint()],
	objective: () => [m.import_page_field_objective(), m.import_page_field_objective_hint()]
};

/** An MSEL field's label and hint in the reader's language. */
export function fieldWords(key: MselField): { label: string; hint: string } {
	const [label, hint] = FIELD_WORDS[key]();
	return { label, hint };
}

/** A byte count in words in the reader's language: "2 MB" / "2 Mo" (as `formatBytes` rounds it). */
export function bytesText(bytes: number): string {
	if (bytes >= 1024 * 1024)
		return m.import_page_size_mb({ size: formatNumber(+(bytes / (1024 * 1024)).toFixed(1)) });
	if (bytes >= 1024) return m.import_page_size_kb({ size: formatNumber(Math.round(bytes / 1024)) });
	return m.import_page_size_bytes({ size: formatNumber(bytes) });
}
