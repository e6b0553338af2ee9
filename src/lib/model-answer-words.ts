/**
 * A decision's model answer in words, for staff: the facilitator's guide (teams see choice and ranking options
 * shuffled, so this is where a ranking's expected order is stated) and the rating panel beside each decision.
 */
import { modelAnswer } from '$lib/engine/scoring/model-answer';
import type { Decision } from '$lib/engine/types';

function bandText(range: { min?: number; max?: number }, unit?: string): string {
	const u = unit ? ` ${unit}` : '';
	if (range.min !== undefined && range.max !== undefined) return `between ${range.min} and ${range.max}${u}`;
	if (range.min !== undefined) return `${range.min}${u} or more`;
	if (range.max !== undefined) return `${range.max}${u} or less`;
	return 'any number';
}

const quoted = (items: { label: string }[], joiner: string) => items.map((o) => `'${o.label}'`).join(joiner);

/**
 * What a strong team answers, for the facilitator: teams see choice and ranking options shuffled, so the guide
 * is where the model answer and a ranking's expected order are stated (scoring/model-answer.ts).
 */
export function modelAnswerText(decision: Decision): string | undefined {
	const m = modelAnswer(decision);
	switch (m.type) {
		case 'single':
			return m.options?.length ? `Best answer: ${quoted(m.options, ' or ')}` : undefined;
		case 'multiple':
			return m.options?.length ? `Worth choosing: ${quoted(m.options, ', ')}` : undefined;
		case 'ranking':
			return m.order?.length
				? `Model order: ${m.order.map((o, i) => `${i + 1}. ${o.label}`).join('; ')}`
				: undefined;
		case 'numeric':
			return m.bands?.length
				? `Best answer: ${m.bands.map((b) => bandText(b, m.unit)).join(' or ')}`
				: undefined;
		case 'text':
			return m.criteria?.length ? `Evaluators look for: ${m.criteria.join('; ')}` : undefined;
	}
}
