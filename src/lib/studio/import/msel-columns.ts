/**
 * The MSEL column layout the importer reads, and the matching of a sheet's own headers to it. Planners name
 * columns in many ways ("Inject #", "Delivery method", "Expected player action"), so each field lists the
 * headers it answers to; the author confirms or corrects the match in the mapping step.
 */

/** The fields an MSEL row can fill, in the documented column order. */
export const MSEL_FIELDS = [
	{
		key: 'time',
		label: 'Time',
		hint: 'scenario time after StartEx (T+0:30, 30m, 1h30m) or a clock time (09:30)',
		aliases: [
			'time',
			'scenario time',
			'inject time',
			'delivery time',
			'elapsed',
			'elapsed time',
			't+',
			'when',
			'start time',
			'clock'
		]
	},
	{
		key: 'phase',
		label: 'Phase',
		hint: 'phase or module name; blank repeats the row above',
		aliases: ['phase', 'stage', 'module', 'period', 'exercise phase', 'part']
	},
	{
		key: 'title',
		label: 'Inject title',
		hint: 'required',
		aliases: [
			'inject title',
			'title',
			'inject',
			'inject name',
			'subject',
			'event',
			'event title',
			'name',
			'headline'
		]
	},
	{
		key: 'from',
		label: 'From',
		hint: 'the in-world sender',
		aliases: ['from', 'sender', 'source', 'originator', 'inject from']
	},
	{
		key: 'to',
		label: 'To',
		hint: 'team names separated by commas, or All',
		aliases: [
			'to',
			'recipient',
			'recipients',
			'player',
			'players',
			'audience',
			'team',
			'teams',
			'inject to',
			'target',
			'targets'
		]
	},
	{
		key: 'channel',
		label: 'Channel',
		hint: 'email, phone, news, ticket, log, voicemail, regulator, social, memo, chat or briefing',
		aliases: [
			'channel',
			'method',
			'delivery method',
			'delivery',
			'means',
			'mode',
			'medium',
			'inject method',
			'type'
		]
	},
	{
		key: 'description',
		label: 'Description',
		hint: 'what the team receives (Markdown)',
		aliases: [
			'description',
			'inject description',
			'details',
			'body',
			'content',
			'message',
			'text',
			'inject text',
			'narrative'
		]
	},
	{
		key: 'expectedAction',
		label: 'Expected action',
		hint: 'becomes a text decision marked by evaluators; one criterion per line or semicolon',
		aliases: [
			'expected action',
			'expected actions',
			'expected player action',
			'expected player actions',
			'expected response',
			'expected outcome',
			'player action',
			'expected'
		]
	},
	{
		key: 'notes',
		label: 'Facilitator notes',
		hint: 'facilitator and evaluator only',
		aliases: [
			'facilitator notes',
			'notes',
			'controller notes',
			'remarks',
			'comments',
			'controller instructions',
			'facilitator instructions'
		]
	},
	{
		key: 'objective',
		label: 'Objective',
		hint: 'objective titles separated by semicolons',
		aliases: [
			'objective',
			'objectives',
			'exercise objective',
			'capability',
			'core capability',
			'capabilities'
		]
	}
] as const;

/** One MSEL field's key. */
export type MselField = (typeof MSEL_FIELDS)[number]['key'];

/** Which column (0-based) each field is read from; a field left out is not in the sheet. */
export type ColumnMapping = Partial<Record<MselField, number>>;

// "Inject #" is a row number, not the inject: "#" reads as "number", which no field answers to.
const normalise = (header: string) =>
	header
		.toLowerCase()
		.replace(/#/g, ' number')
		.replace(/\(s\)/g, 's')
		.replace(/[^a-z0-9+]+/g, ' ')
		.trim();

/** The field a header names, or undefined. */
export function fieldForHeader(header: string): MselField | undefined {
	const text = normalise(header);
	if (!text) return undefined;
	return MSEL_FIELDS.find((field) => (field.aliases as readonly string[]).includes(text))?.key;
}

/** A first guess at the mapping from a header row: each field takes the first column that names it. */
export function suggestMapping(headers: string[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	headers.forEach((header, column) => {
		const field = fieldForHeader(header);
		if (field && mapping[field] === undefined) mapping[field] = column;
	});
	return mapping;
}

/**
 * The index of the header row among the first rows: the first row that names at least two fields (MSEL sheets
 * often open with a banner or a title row). -1 when none does.
 */
export function findHeaderRow(rows: string[][], lookAt = 15): number {
	for (let i = 0; i < Math.min(rows.length, lookAt); i++) {
		const named = new Set(rows[i].map(fieldForHeader).filter(Boolean));
		if (named.size >= 2) return i;
	}
	return -1;
}

/** Problems with a mapping the author chose: the title column is required and no column may serve twice. */
export function mappingProblems(mapping: ColumnMapping, headers: string[]): string[] {
	const problems: string[] = [];
	if (mapping.title === undefined) problems.push('Choose the column that holds the inject titles.');
	const used = new Map<number, string>();
	for (const field of MSEL_FIELDS) {
		const column = mapping[field.key];
		if (column === undefined) continue;
		if (column < 0 || column >= headers.length)
			problems.push(`${field.label}: the sheet has no column ${column + 1}.`);
		const other = used.get(column);
		if (other) problems.push(`${field.label} and ${other} both read the column "${headers[column] ?? ''}".`);
		used.set(column, field.label);
	}
	return problems;
}
