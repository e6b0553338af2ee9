import { describe, expect, it } from 'vitest';
import { optionOrderFor, presentedOrder } from './option-order';
import type { Decision } from './types';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];

function ranking(overrides: Partial<Decision> = {}): Decision {
	return {
		id: 'd-rank',
		prompt: 'Rank',
		type: 'ranking',
		options: ['x', 'y', 'z'].map((id) => ({ id, label: id.toUpperCase(), points: 0, rationale: '' })),
		rubric: [],
		objectives: [],
		ranking: { order: ['x', 'y', 'z'], pointsPerPosition: 1 },
		...overrides
	};
}

describe('presented option order', () => {
	it('is a permutation that is the same for the same exercise, team and decision', () => {
		const once = presentedOrder('ex-1', 'soc', 'd-1', ids);
		expect([...once].sort()).toEqual(ids);
		expect(presentedOrder('ex-1', 'soc', 'd-1', ids)).toEqual(once);
	});

	it('differs between teams, exercises and decisions', () => {
		const orders = new Set(
			['soc', 'legal', 'comms', 'exec'].flatMap((team) =>
				['ex-1', 'ex-2'].flatMap((ex) =>
					['d-1', 'd-2'].map((d) => presentedOrder(ex, team, d, ids).join(','))
				)
			)
		);
		expect(orders.size).toBeGreaterThan(12);
	});

	it('never presents a ranking in its expected order, for any team or exercise', () => {
		const d = ranking();
		for (let i = 0; i < 200; i++) expect(optionOrderFor(`ex-${i}`, 'soc', d)).not.toEqual(['x', 'y', 'z']);
	});

	it('keeps the authored order with shuffle: false, rotating only a ranking written in its expected order', () => {
		const single: Decision = { ...ranking(), type: 'single', ranking: undefined, shuffle: false };
		expect(optionOrderFor('ex-1', 'soc', single)).toEqual(['x', 'y', 'z']);
		expect(optionOrderFor('ex-1', 'soc', ranking({ shuffle: false }))).toEqual(['y', 'z', 'x']);
		const written = ranking({ shuffle: false, ranking: { order: ['z', 'x', 'y'], pointsPerPosition: 1 } });
		expect(optionOrderFor('ex-1', 'soc', written)).toEqual(['x', 'y', 'z']);
	});
});
