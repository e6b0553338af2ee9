/**
 * Answer values: validation against a decision's type, matching against trigger and clock conditions, and the
 * short text used in timelines and reports.
 */
import { CONFIDENCES, type AnswerValue, type Decision } from './types';

/** Longest free-text answer or justification accepted (characters). */
export const MAX_TEXT_ANSWER = 8000;

/** Decision types whose answer is a choice (an option, an order or a number) and may be justified. */
export const CHOICE_TYPES: readonly Decision['type'][] = ['single', 'multiple', 'ranking', 'numeric'];

/**
 * Why the reasoning and confidence sent with an answer are not acceptable, or null. A justified decision
 * needs non-empty reasoning; other decisions take none. Confidence, when given, is low, medium or high.
 */
export function answerExtrasProblem(
	decision: Decision,
	justification: unknown,
	confidence: unknown
): string | null {
	if (confidence !== undefined && !CONFIDENCES.includes(confidence as never))
		return 'confidence must be low, medium or high';
	if (justification !== undefined && typeof justification !== 'string')
		return 'the justification must be text';
	if (!decision.justify)
		return justification === undefined ? null : 'this decision does not ask for a justification';
	if (justification === undefined || justification.trim() === '')
		return 'give the team’s reasoning: this decision asks you to justify the answer';
	return justification.length > MAX_TEXT_ANSWER
		? `the justification is longer than ${MAX_TEXT_ANSWER} characters`
		: null;
}

/** Why `value` is not a valid answer to `decision`, or null when it is. */
export function answerProblem(decision: Decision, value: AnswerValue): string | null {
	if (!value || typeof value !== 'object' || value.type !== decision.type)
		return `decision ${decision.id} expects a ${decision.type} answer`;
	const ids = new Set(decision.options.map((o) => o.id));
	switch (value.type) {
		case 'single':
			return ids.has(value.option) ? null : `"${value.option}" is not an option of ${decision.id}`;
		case 'multiple': {
			if (!Array.isArray(value.options) || value.options.length === 0) return 'choose at least one option';
			if (new Set(value.options).size !== value.options.length) return 'an option is chosen twice';
			const unknown = value.options.find((o) => !ids.has(o));
			return unknown === undefined ? null : `"${unknown}" is not an option of ${decision.id}`;
		}
		case 'ranking': {
			const order = value.order;
			if (!Array.isArray(order) || order.length !== ids.size || new Set(order).size !== order.length)
				return `rank every option of ${decision.id} exactly once`;
			const unknown = order.find((o) => !ids.has(o));
			return unknown === undefined ? null : `"${unknown}" is not an option of ${decision.id}`;
		}
		case 'numeric': {
			const v = value.value;
			if (typeof v !== 'number' || !Number.isFinite(v)) return 'the answer must be a finite number';
			const range = decision.numeric;
			if (range?.min !== undefined && v < range.min) return `the answer must be at least ${range.min}`;
			if (range?.max !== undefined && v > range.max) return `the answer must be at most ${range.max}`;
			return null;
		}
		case 'text': {
			if (typeof value.text !== 'string' || value.text.trim() === '') return 'the answer text is empty';
			return value.text.length > MAX_TEXT_ANSWER
				? `the answer is longer than ${MAX_TEXT_ANSWER} characters`
				: null;
		}
	}
}

/** Option ids an answer picked (for ranking: the first-ranked one). */
function picked(value: AnswerValue): string[] {
	if (value.type === 'single') return [value.option];
	if (value.type === 'multiple') return value.options;
	if (value.type === 'ranking') return value.order.slice(0, 1);
	return [];
}

/**
 * Whether an answer meets a condition: with `options`, one of them was picked (ranking: ranked first); with
 * `range`, the number lies within it (inclusive); with neither, any answer matches.
 */
export function answerMatches(
	value: AnswerValue,
	options?: readonly string[],
	range?: { min?: number; max?: number }
): boolean {
	if (options && !picked(value).some((o) => options.includes(o))) return false;
	if (range) {
		if (value.type !== 'numeric') return false;
		if (range.min !== undefined && value.value < range.min) return false;
		if (range.max !== undefined && value.value > range.max) return false;
	}
	return true;
}

/** A short human rendering of an answer, using option labels when the decision is known. */
export function answerText(value: AnswerValue, decision?: Decision): string {
	const label = (id: string) => decision?.options.find((o) => o.id === id)?.label ?? id;
	switch (value.type) {
		case 'single':
			return label(value.option);
		case 'multiple':
			return value.options.map(label).join('; ');
		case 'ranking':
			return value.order.map((id, i) => `${i + 1}. ${label(id)}`).join(' ');
		case 'numeric':
			return `${value.value}${decision?.numeric?.unit ? ` ${decision.numeric.unit}` : ''}`;
		case 'text':
			return value.text;
	}
}
