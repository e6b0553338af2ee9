/**
 * Template checks. `{{name}}` is filled only in texts people read (titles, bodies, labels, notes, guidance...),
 * so a template anywhere else (an id, a channel, a regime, a deadline, a url) would reach the screen as written:
 * that is an error. Every `{{name}}` must be a declared variable; `{{phase.date}}`, `{{phase.day}}` and
 * `{{phase.time}}` work in a phase's own texts. A phase update may not write a date by hand (it would contradict
 * the clock when the phase opens at another time). Variable definitions must be usable as form fields.
 */
import type { CheckContext } from './catalog';
import type { Path } from './source-map';
import { didYouMean } from './suggest';
import { templateVariables } from './templates';

/** Where templates are filled; `*` stands for any list index or mapping key. */
const FILLED = [
	'title',
	'summary',
	'audience',
	'teams.*.name',
	'teams.*.description',
	'teams.*.roles.*',
	'objectives.*.title',
	'objectives.*.description',
	'phases.*.title',
	'phases.*.update',
	'phases.*.notes',
	'phases.*.questions.*',
	'injects.*.title',
	'injects.*.from',
	'injects.*.body',
	'injects.*.notes',
	'injects.*.artifacts.*.title',
	'injects.*.artifacts.*.content',
	'injects.*.artifacts.*.columns.*',
	'injects.*.artifacts.*.rows.*.*',
	'injects.*.decision.prompt',
	'injects.*.decision.options.*.label',
	'injects.*.decision.options.*.rationale',
	'injects.*.decision.rubric.*.label',
	'injects.*.decision.rubric.*.guidance',
	'injects.*.decision.numeric.unit',
	'injects.*.decision.numeric.bands.*.rationale',
	'clocks.*.name',
	'clocks.*.description',
	'clocks.*.notes',
	'personas.*.name',
	'personas.*.address',
	'personas.*.description',
	'personas.*.notes',
	'personas.*.replies.*.label',
	'personas.*.replies.*.body',
	'guide.overview',
	'guide.timing',
	'guide.strongAnswers',
	'guide.hotwash.*'
].map((pattern) => pattern.split('.'));

const PHASE_TEXTS = ['title', 'update', 'notes', 'questions'];
const PHASE_NAMES = new Set(['phase.date', 'phase.day', 'phase.time']);

function filledAt(path: Path): boolean {
	return FILLED.some(
		(pattern) =>
			pattern.length === path.length && pattern.every((part, i) => part === '*' || part === String(path[i]))
	);
}

const WEEKDAY = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday|rsday)?';
const MONTH =
	'(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** "Thursday 3", "3 October", "3rd of Oct", "Oct 3", "October 3rd". */
const WRITTEN_DATE = new RegExp(
	`\\b(?:${WEEKDAY},?\\s+\\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)`
);

/** Reports misplaced or unknown templates, hand-written dates in phase updates and unusable variables. */
export function checkTemplates(ctx: CheckContext): void {
	walk(ctx, ctx.draft.value, []);
	checkVariableDefinitions(ctx);
}

function walk(ctx: CheckContext, value: unknown, path: Path): void {
	if (typeof value === 'string') checkText(ctx, value, path);
	else if (Array.isArray(value)) value.forEach((item, i) => walk(ctx, item, [...path, i]));
	else if (typeof value === 'object' && value !== null)
		for (const [key, inner] of Object.entries(value)) walk(ctx, inner, [...path, key]);
}

function checkText(ctx: CheckContext, text: string, path: Path): void {
	const inPhase = path[0] === 'phases' && PHASE_TEXTS.includes(String(path[2]));
	if (path[0] === 'phases' && path[2] === 'update') {
		const date = WRITTEN_DATE.exec(text);
		if (date)
			ctx.report(
				path,
				`the update writes the date "${date[0]}" by hand; write {{phase.date}} (or {{phase.day}}, {{phase.time}}) so it shows the day the phase actually opens`,
				{ authoring: true }
			);
	}
	const names = templateVariables(text);
	if (names.length === 0) return;
	if (!filledAt(path)) {
		ctx.report(
			path,
			`"{{${names[0]}}}" would be shown as written: templates are only filled in texts people read (titles, bodies, labels, notes, guidance), and ${String(path.at(-1))} is not one`,
			{ authoring: true }
		);
		return;
	}
	for (const name of names) {
		if (PHASE_NAMES.has(name)) {
			if (!inPhase)
				ctx.report(path, `"{{${name}}}" only works in a phase's title, update, notes and questions`, {
					authoring: true
				});
			continue;
		}
		if (name in ctx.draft.variables || ctx.draft.brokenIds.has(name)) continue;
		const declared = Object.keys(ctx.draft.variables);
		const hint =
			didYouMean(name, declared) ||
			(declared.length ? ` (declared: ${declared.join(', ')})` : ' (no variables are declared)');
		ctx.report(path, `unknown variable "{{${name}}}"${hint}`);
	}
}

function checkVariableDefinitions(ctx: CheckContext): void {
	for (const [name, def] of Object.entries(ctx.draft.variables)) {
		const at = ['variables', name];
		if (def.maxLength !== undefined && def.default.length > def.maxLength)
			ctx.report(
				[...at, 'default'],
				`the default is ${def.default.length} characters, longer than maxLength ${def.maxLength}`
			);
		if (def.pattern === undefined) continue;
		let pattern: RegExp;
		try {
			pattern = new RegExp(`^(?:${def.pattern})$`, 'u');
		} catch (e) {
			ctx.report([...at, 'pattern'], `is not a valid regular expression: ${(e as Error).message}`);
			continue;
		}
		if (!pattern.test(def.default))
			ctx.report(
				[...at, 'default'],
				`the default "${def.default}" does not match the pattern ${def.pattern}`
			);
	}
}
