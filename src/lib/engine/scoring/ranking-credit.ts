/**
 * Points for a ranking, by the decision's `credit` rule. With n items and p points per position the best is
 * n × p, and:
 * - exact: p for every item in its expected place;
 * - proximity: for every item p × max(0, 1 − |placed − expected| / (n − 1)), so an item one place off keeps most
 *   of its points and one at the far end keeps none;
 * - kendall: n × p × max(0, τ), τ being Kendall's rank correlation between the answer and the expected order
 *   ((concordant − discordant pairs) / all pairs): a reversed order scores 0, a random one about 0.
 * Partial results are rounded to hundredths.
 */
import type { RankingCredit } from '../types';

/** How a ranking scored: its points and what they came from, in words fit for a score entry's rule. */
export interface RankingScore {
	points: number;
	rule: string;
}

const hundredths = (n: number) => Math.round(n * 100) / 100;

function exact(order: readonly string[], expected: readonly string[], per: number): RankingScore {
	const inPlace = order.filter((id, i) => expected[i] === id).length;
	return { points: inPlace * per, rule: `${inPlace} of ${expected.length} in the expected place × ${per}` };
}

function proximity(order: readonly string[], expected: readonly string[], per: number): RankingScore {
	const n = expected.length;
	let sum = 0;
	let inPlace = 0;
	for (const [placed, id] of order.entries()) {
		const distance = Math.abs(placed - expected.indexOf(id));
		if (distance === 0) inPlace++;
		sum += n > 1 ? Math.max(0, 1 - distance / (n - 1)) : 1;
	}
	return {
		points: hundredths(sum * per),
		rule: `${inPlace} of ${n} in the expected place; the others earn part of ${per} by how near they are`
	};
}

/** Kendall's τ between two orders of the same items: 1 identical, −1 reversed. */
export function kendallTau(order: readonly string[], expected: readonly string[]): number {
	const n = order.length;
	if (n < 2) return 1;
	const rank = new Map(expected.map((id, i) => [id, i]));
	let score = 0;
	for (let i = 0; i < n; i++)
		for (let j = i + 1; j < n; j++) score += Math.sign(rank.get(order[j])! - rank.get(order[i])!);
	return score / ((n * (n - 1)) / 2);
}

function kendall(order: readonly string[], expected: readonly string[], per: number): RankingScore {
	const max = expected.length * per;
	const tau = kendallTau(order, expected);
	return {
		points: hundredths(max * Math.max(0, tau)),
		rule: `Agreement with the expected order (Kendall's τ ${hundredths(tau)}, none below 0) × ${max}`
	};
}

/** Points for ranking `order` against `expected` with `per` points per position under `credit`. */
export function rankingScore(
	order: readonly string[],
	expected: readonly string[],
	per: number,
	credit: RankingCredit = 'exact'
): RankingScore {
	if (credit === 'proximity') return proximity(order, expected, per);
	if (credit === 'kendall') return kendall(order, expected, per);
	return exact(order, expected, per);
}
