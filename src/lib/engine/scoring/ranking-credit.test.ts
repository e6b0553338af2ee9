import { describe, expect, it } from 'vitest';
import { kendallTau, rankingScore } from './ranking-credit';

const expected = ['a', 'b', 'c', 'd'];

describe('ranking credit', () => {
	it('exact: points per item in its expected place only', () => {
		expect(rankingScore(['a', 'b', 'c', 'd'], expected, 2).points).toBe(8);
		expect(rankingScore(['b', 'a', 'c', 'd'], expected, 2, 'exact')).toEqual({
			points: 4,
			rule: '2 of 4 in the expected place × 2'
		});
		expect(rankingScore(['b', 'c', 'd', 'a'], expected, 2).points).toBe(0);
	});

	it('proximity: part of the points by distance from the expected place', () => {
		expect(rankingScore(['a', 'b', 'c', 'd'], expected, 3, 'proximity').points).toBe(12);
		// a and b one place off (2/3 of 3 each), c and d in place: 2 + 2 + 3 + 3
		expect(rankingScore(['b', 'a', 'c', 'd'], expected, 3, 'proximity').points).toBe(10);
		// reversed: a and d three places off (0), b and c one place off (2/3 each): 4/3 × 3
		expect(rankingScore(['d', 'c', 'b', 'a'], expected, 3, 'proximity').points).toBe(4);
		expect(rankingScore(['b', 'c', 'd', 'a'], expected, 1, 'proximity').points).toBe(2);
	});

	it("kendall: the maximum times Kendall's τ, nothing below 0", () => {
		expect(kendallTau(['a', 'b', 'c', 'd'], expected)).toBe(1);
		expect(kendallTau(['d', 'c', 'b', 'a'], expected)).toBe(-1);
		// one adjacent swap: 5 concordant, 1 discordant pair of 6
		expect(kendallTau(['b', 'a', 'c', 'd'], expected)).toBeCloseTo(4 / 6);
		expect(rankingScore(['b', 'a', 'c', 'd'], expected, 2, 'kendall').points).toBe(5.33);
		expect(rankingScore(['d', 'c', 'b', 'a'], expected, 2, 'kendall').points).toBe(0);
		expect(rankingScore(['a', 'b', 'c', 'd'], expected, 2, 'kendall')).toMatchObject({ points: 8 });
	});
});
