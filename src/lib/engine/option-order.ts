/**
 * The order in which a team is shown a decision's options. Authors tend to write the best option first and a
 * ranking in its scored order, so showing options as written gives answers away. Each team gets its own order,
 * fixed for the exercise: a shuffle seeded by a hash of exercise, team and decision, so a replay, a reload and
 * every member of the team see the same order, and nothing random enters the engine.
 *
 * A ranking starts from its presented order, so that order is never the expected one: if the shuffle lands on
 * it, the order is rotated by one place.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Decision } from './types';

/** FNV-1a, 32 bits: a small, stable string hash used only as a seed. */
function seedOf(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash | 0;
}

/** `ids` moved one place to the left (the first goes last). */
function rotate(ids: readonly string[]): string[] {
	return ids.length < 2 ? [...ids] : [...ids.slice(1), ids[0]];
}

const sameOrder = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * `ids` in a deterministic per-exercise, per-team, per-decision order (Fisher–Yates from a seeded generator).
 * With `avoid`, the result never equals that order (rotated by one if the shuffle produced it).
 */
export function presentedOrder(
	exerciseId: string,
	teamId: string,
	decisionId: string,
	ids: readonly string[],
	avoid?: readonly string[]
): string[] {
	const out = [...ids];
	const rng = xoroshiro128plus(seedOf(`${exerciseId}\u0000${teamId}\u0000${decisionId}`));
	for (let i = out.length - 1; i > 0; i--) {
		const j = uniformInt(rng, 0, i);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return avoid && sameOrder(out, avoid) ? rotate(out) : out;
}

/**
 * The option ids of `decision` as `teamId` sees them: shuffled unless the author set `shuffle: false`. A
 * ranking is never presented in its expected order, even unshuffled (the validator refuses such a scenario;
 * this keeps the guarantee for any other source of scenarios).
 */
export function optionOrderFor(exerciseId: string, teamId: string, decision: Decision): string[] {
	const ids = decision.options.map((o) => o.id);
	const expected = decision.type === 'ranking' ? decision.ranking?.order : undefined;
	if (decision.shuffle === false) return expected && sameOrder(ids, expected) ? rotate(ids) : ids;
	return presentedOrder(exerciseId, teamId, decision.id, ids, expected);
}
