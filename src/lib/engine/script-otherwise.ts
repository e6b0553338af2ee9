/**
 * An answer script's `otherwise` rule: how a simulation answers every decision the script does not list, so a
 * script can play a kind of team without naming each decision (and keeps working when a scenario changes):
 *
 *   otherwise: { answer: first-shown, after: 2m }           # the first option as shown; rankings untouched
 *   otherwise: { answer: worst, after: last-minute }        # the lowest-scoring answer, just before the deadline
 *
 * `justification` (default "No reason given.") goes with answers to justified decisions; `confidence` with all.
 * Text decisions are left unanswered: there is no first or worst text.
 */
import { parseDuration } from './scenario/durations';
import type { Path } from './scenario/source-map';
import { CONFIDENCES, type AnswerValue, type Confidence, type Decision } from './types';

/** How unlisted decisions are answered. `after`: scenario ms after delivery, or just before the deadline. */
export interface OtherwiseRule {
	answer: 'first-shown' | 'worst';
	after: number | 'last-minute';
	justification: string;
	confidence?: Confidence;
}

const KEYS = new Set(['answer', 'after', 'justification', 'confidence']);
const DEFAULT_AFTER = 5 * 60_000;
const MINUTE = 60_000;

/** The `otherwise` rule of a script, or undefined after reporting what is wrong with it. */
export function parseOtherwise(
	raw: unknown,
	report: (path: Path, message: string) => void
): OtherwiseRule | undefined {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		report(['otherwise'], 'otherwise is a mapping such as { answer: first-shown, after: 2m }');
		return undefined;
	}
	const r = raw as Record<string, unknown>;
	let problems = 0;
	const bad = (key: string, message: string) => {
		problems++;
		report(['otherwise', key], message);
	};
	for (const key of Object.keys(r)) if (!KEYS.has(key)) bad(key, `unknown key "${key}"`);
	if (r.answer !== 'first-shown' && r.answer !== 'worst')
		bad('answer', 'answer must be first-shown or worst');
	let after: OtherwiseRule['after'] = DEFAULT_AFTER;
	if (r.after === 'last-minute') after = 'last-minute';
	else if (r.after !== undefined) {
		const ms = parseDuration(r.after as string | number);
		if (ms === null) bad('after', `"${String(r.after)}" is not a duration like 15m, or last-minute`);
		else after = ms;
	}
	if (r.justification !== undefined && (typeof r.justification !== 'string' || !r.justification.trim()))
		bad('justification', 'justification must be a non-empty text');
	if (r.confidence !== undefined && !CONFIDENCES.includes(r.confidence as Confidence))
		bad('confidence', 'confidence must be low, medium or high');
	if (problems) return undefined;
	return {
		answer: r.answer as OtherwiseRule['answer'],
		after,
		justification: (r.justification as string | undefined) ?? 'No reason given.',
		...(r.confidence ? { confidence: r.confidence as Confidence } : {})
	};
}

/** Scenario ms after delivery at which the rule answers `decision`. */
export function otherwiseAfter(rule: OtherwiseRule, decision: Decision): number {
	if (rule.after !== 'last-minute') return rule.after;
	return decision.deadline === undefined ? DEFAULT_AFTER : Math.max(0, decision.deadline - MINUTE);
}

/** A number inside the decision's range, as near to `want` as the range allows. */
function within(decision: Decision, want: number): number {
	const { min = -Infinity, max = Infinity } = decision.numeric ?? {};
	return Math.min(max, Math.max(min, want));
}

function worst(decision: Decision): AnswerValue | null {
	const options = decision.options;
	const lowest = options.reduce((a, b) => (b.points < a.points ? b : a), options[0]);
	switch (decision.type) {
		case 'single':
			return { type: 'single', option: lowest.id };
		case 'multiple': {
			const harmful = options.filter((o) => o.points < 0).map((o) => o.id);
			return { type: 'multiple', options: harmful.length ? harmful : [lowest.id] };
		}
		case 'ranking':
			return { type: 'ranking', order: [...(decision.ranking?.order ?? options.map((o) => o.id))].reverse() };
		case 'numeric': {
			const bands = decision.numeric?.bands ?? [];
			const band = bands.reduce((a, b) => (b.points < a.points ? b : a), bands[0]);
			return { type: 'numeric', value: within(decision, band?.min ?? band?.max ?? 0) };
		}
		case 'text':
			return null;
	}
}

function firstShown(decision: Decision, shown: readonly string[]): AnswerValue | null {
	switch (decision.type) {
		case 'single':
			return { type: 'single', option: shown[0] };
		case 'multiple':
			return { type: 'multiple', options: [shown[0]] };
		case 'ranking':
			return { type: 'ranking', order: [...shown] };
		case 'numeric':
			return { type: 'numeric', value: within(decision, 0) };
		case 'text':
			return null;
	}
}

/** The rule's answer to `decision`, given the option ids in the order the team was shown them; null: none. */
export function otherwiseAnswer(
	rule: OtherwiseRule,
	decision: Decision,
	shown: readonly string[]
): AnswerValue | null {
	return rule.answer === 'worst' ? worst(decision) : firstShown(decision, shown);
}
