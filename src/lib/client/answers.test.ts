import { describe, expect, it } from 'vitest';
import type { DecisionView } from '$lib/engine/types';
import { answerExtras, buildAnswer, describeAnswer, moveItem } from './answers';

function decision(over: Partial<DecisionView>): DecisionView {
	return {
		id: 'd1',
		injectId: 'i1',
		prompt: 'What now?',
		type: 'single',
		options: [
			{ id: 'a', label: 'Isolate the router' },
			{ id: 'b', label: 'Keep monitoring' },
			{ id: 'c', label: 'Call the FBI' }
		],
		deliveredAt: 0,
		...over
	};
}

describe('buildAnswer', () => {
	it('asks for a choice when a single-choice decision has none', () => {
		expect(buildAnswer(decision({}), {})).toEqual({ error: 'Choose one option before submitting.' });
	});

	it('builds a single-choice answer from the chosen option', () => {
		expect(buildAnswer(decision({}), { option: 'b' })).toEqual({ answer: { type: 'single', option: 'b' } });
	});

	it('drops unknown ids from a multiple-choice answer and refuses an empty one', () => {
		expect(buildAnswer(decision({ type: 'multiple' }), { options: ['zzz'] })).toHaveProperty('error');
	});

	it('trims a free-text answer and refuses a blank one', () => {
		const d = decision({ type: 'text', options: [] });
		expect(buildAnswer(d, { text: '   ' })).toHaveProperty('error');
		expect(buildAnswer(d, { text: ' Notify legal \n' })).toEqual({
			answer: { type: 'text', text: 'Notify legal' }
		});
	});

	it('refuses a free-text answer over the server limit, naming both lengths', () => {
		const result = buildAnswer(decision({ type: 'text', options: [] }), { text: 'x'.repeat(8001) });
		expect(result).toEqual({ error: 'The answer is 8001 characters; the limit is 8000.' });
	});

	it('names the bound and unit a numeric answer falls outside of', () => {
		const d = decision({ type: 'numeric', options: [], numeric: { unit: 'hours', min: 0, max: 72 } });
		expect(buildAnswer(d, { numeric: '96' })).toEqual({ error: 'Enter at most 72 hours.' });
	});

	it('accepts the number a number input binds, and asks for one when it is empty', () => {
		const d = decision({ type: 'numeric', options: [] });
		expect(buildAnswer(d, { numeric: 12.5 })).toEqual({ answer: { type: 'numeric', value: 12.5 } });
		expect(buildAnswer(d, { numeric: null })).toEqual({ error: 'Enter a number before submitting.' });
	});

	it('refuses text that is not a number', () => {
		const d = decision({ type: 'numeric', options: [] });
		expect(buildAnswer(d, { numeric: 'soon' })).toEqual({ error: '"soon" is not a number.' });
	});

	it('requires a ranking to place every option exactly once', () => {
		const d = decision({ type: 'ranking' });
		expect(buildAnswer(d, { order: ['a', 'a', 'b'] })).toHaveProperty('error');
		expect(buildAnswer(d, { order: ['c', 'a', 'b'] })).toEqual({
			answer: { type: 'ranking', order: ['c', 'a', 'b'] }
		});
	});
});

describe('describeAnswer', () => {
	it('replaces option ids with their labels', () => {
		expect(describeAnswer(decision({}), { type: 'multiple', options: ['a', 'c'] })).toBe(
			'Isolate the router; Call the FBI'
		);
	});

	it('adds the unit to a numeric answer', () => {
		const d = decision({ options: [], numeric: { unit: 'hours' } });
		expect(describeAnswer(d, { type: 'numeric', value: 24 })).toBe('24 hours');
	});
});

describe('moveItem', () => {
	it('swaps an item with its neighbour', () => {
		expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
	});

	it('leaves the order alone when the move would leave the list', () => {
		expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
	});
});

describe('answerExtras', () => {
	it('sends a chosen confidence and nothing else for a decision that asks no reasoning', () => {
		expect(answerExtras({}, { confidence: 'high', justification: 'ignored' })).toEqual({
			extras: { confidence: 'high' }
		});
		expect(answerExtras({}, { confidence: '' })).toEqual({ extras: {} });
	});

	it('asks for reasoning on a justified decision and trims it', () => {
		expect(answerExtras({ justify: true }, { justification: '  ' })).toEqual({
			error: 'Explain your team’s reasoning before submitting: this decision asks why.'
		});
		expect(
			answerExtras({ justify: true }, { justification: ' Because the logs say so ', confidence: 'low' })
		).toEqual({
			extras: { justification: 'Because the logs say so', confidence: 'low' }
		});
	});

	it('refuses reasoning over the length limit, saying how long it is', () => {
		expect(answerExtras({ justify: true }, { justification: 'x'.repeat(8001) })).toEqual({
			error: 'The reasoning is 8001 characters; the limit is 8000.'
		});
	});
});
