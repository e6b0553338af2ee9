/** Turning what a person entered into an answer, and an answer back into words. */
import type { AnswerValue, Confidence, DecisionView } from '$lib/engine/types';
import { MAX_TEXT_ANSWER } from '$lib/realtime/contract';
import { m } from '$lib/paraglide/messages';

/** What a team sends beside the answer: its reasoning (justified decisions) and how sure it is. */
export interface AnswerExtras {
	justification?: string;
	confidence?: Confidence;
}

/** Sends a team's answer; resolves with nothing on success or the message to show. */
export type SubmitAnswer = (
	decisionId: string,
	answer: AnswerValue,
	extras?: AnswerExtras
) => Promise<{ error?: string }>;

/** Words for a confidence, as the form offers it and answers show it. */
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
	get low() {
		return m.confidence_low();
	},
	get medium() {
		return m.confidence_medium();
	},
	get high() {
		return m.confidence_high();
	}
};

/** Raw form input for one decision, whatever its type. */
export interface AnswerDraft {
	option?: string;
	options?: string[];
	text?: string;
	/** As typed, or as a number input binds it (null when empty), so a missing number can be reported. */
	numeric?: string | number | null;
	order?: string[];
	/** The team's reasoning, asked for by justified decisions. */
	justification?: string;
	/** How sure the team is; '' or absent when it does not say. */
	confidence?: Confidence | '';
}

/**
 * Where a form keeps an answer the team has not sent yet (the play page keeps it in the browser across reloads;
 * see src/routes/play/answer-drafts.ts). `load` returns only what still fits the decision as shown.
 */
export interface DraftStore {
	load(decision: DecisionView): AnswerDraft | null;
	save(decision: DecisionView, draft: AnswerDraft): void;
	clear(decisionId: string): void;
}

/** The reasoning and confidence to send, or a message saying the reasoning is missing or too long. */
export function answerExtras(
	decision: Pick<DecisionView, 'justify'>,
	draft: AnswerDraft
): { extras: AnswerExtras } | { error: string } {
	const extras: AnswerExtras = draft.confidence ? { confidence: draft.confidence } : {};
	if (!decision.justify) return { extras };
	const justification = (draft.justification ?? '').trim();
	if (!justification) return { error: m.answer_err_reasoning() };
	if (justification.length > MAX_TEXT_ANSWER)
		return { error: m.answer_err_reasoning_long({ length: justification.length, max: MAX_TEXT_ANSWER }) };
	return { extras: { ...extras, justification } };
}

/** The answer to send, or a message saying what is missing or wrong. */
export function buildAnswer(
	decision: DecisionView,
	draft: AnswerDraft
): { answer: AnswerValue } | { error: string } {
	const known = new Set(decision.options.map((o) => o.id));
	switch (decision.type) {
		case 'single':
			if (!draft.option) return { error: m.answer_err_choose_one() };
			if (!known.has(draft.option)) return { error: m.answer_err_bad_option() };
			return { answer: { type: 'single', option: draft.option } };
		case 'multiple': {
			const options = (draft.options ?? []).filter((o) => known.has(o));
			if (options.length === 0) return { error: m.answer_err_select() };
			return { answer: { type: 'multiple', options } };
		}
		case 'text': {
			const text = (draft.text ?? '').trim();
			if (!text) return { error: m.answer_err_write() };
			if (text.length > MAX_TEXT_ANSWER)
				return { error: `The answer is ${text.length} characters; the limit is ${MAX_TEXT_ANSWER}.` };
			return { answer: { type: 'text', text } };
		}
		case 'numeric':
			return numericAnswer(decision, draft.numeric);
		case 'ranking': {
			const order = draft.order ?? [];
			const complete = order.length === known.size && order.every((id) => known.has(id));
			if (!complete || new Set(order).size !== order.length) return { error: m.answer_err_rank() };
			return { answer: { type: 'ranking', order } };
		}
	}
}

function numericAnswer(
	decision: DecisionView,
	raw: string | number | null | undefined
): { answer: AnswerValue } | { error: string } {
	const trimmed = String(raw ?? '').trim();
	if (!trimmed) return { error: m.answer_err_number() };
	const value = Number(trimmed);
	if (!Number.isFinite(value)) return { error: m.answer_err_not_number({ value: trimmed }) };
	const { min, max, unit } = decision.numeric ?? {};
	const suffix = unit ? ` ${unit}` : '';
	if (min !== undefined && value < min) return { error: m.answer_err_at_least({ value: `${min}${suffix}` }) };
	if (max !== undefined && value > max) return { error: m.answer_err_at_most({ value: `${max}${suffix}` }) };
	return { answer: { type: 'numeric', value } };
}

/** A team's answer in words, with option ids replaced by their labels. */
export function describeAnswer(
	decision: Pick<DecisionView, 'options' | 'numeric'>,
	value: AnswerValue
): string {
	const label = (id: string) => decision.options.find((o) => o.id === id)?.label ?? id;
	switch (value.type) {
		case 'single':
			return label(value.option);
		case 'multiple':
			return value.options.map(label).join('; ');
		case 'text':
			return value.text;
		case 'numeric':
			return decision.numeric?.unit ? `${value.value} ${decision.numeric.unit}` : String(value.value);
		case 'ranking':
			return value.order.map((id, i) => `${i + 1}. ${label(id)}`).join('  ');
	}
}

/** Moves the item at `index` one place up (-1) or down (+1); out-of-range moves return the same order. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
	const target = index + delta;
	if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
	const next = [...items];
	[next[index], next[target]] = [next[target], next[index]];
	return next;
}
