import { describe, expect, it } from 'vitest';
import { bandWords, modelAnswerLines, ratingWords, totalWords } from './debrief-words';

describe('debrief words', () => {
	it('words a numeric band', () => {
		expect(bandWords({ min: 4, max: 6 }, 'hours')).toBe('between 4 and 6 hours');
		expect(bandWords({ min: 10 })).toBe('at least 10');
		expect(bandWords({ max: 2 }, 'days')).toBe('at most 2 days');
	});
	it('lists a model answer’s options, order or bands', () => {
		expect(
			modelAnswerLines({ decisionId: 'd', type: 'single', options: [{ id: 'a', label: 'Hunt' }] })
		).toEqual(['Hunt']);
		expect(
			modelAnswerLines({ decisionId: 'd', type: 'numeric', bands: [{ min: 1, max: 3 }], unit: 'hours' })
		).toEqual(['between 1 and 3 hours']);
		expect(modelAnswerLines({ decisionId: 'd', type: 'text', criteria: ['Names the regulator'] })).toEqual(
			[]
		);
	});
	it('words totals and ratings', () => {
		expect(totalWords({ points: 12, maxPoints: 20 })).toBe('12 of 20 points (60%)');
		expect(ratingWords({ a: 'P', b: 'S', c: 'P', d: null })).toBe('P 2 · S 1');
		expect(ratingWords({ a: null })).toBe('not rated yet');
	});
});
