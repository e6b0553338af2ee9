/**
 * A team's debrief in words: the model answer to a decision and the other teams' results, as the play page shows
 * them once the exercise has ended and the facilitator's debrief settings share them.
 */
import type { ModelAnswer } from '$lib/engine';
import type { HseepRating, Totals } from '$lib/engine/types';
import { formatNumber, formatPercent } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';

/** "between 4 and 6 hours", "at least 10", "at most 2 days". */
export function bandWords(band: { min?: number; max?: number }, unit?: string): string {
	const u = unit ? ` ${unit}` : '';
	const n = (value: number) => formatNumber(value) + u;
	if (band.min !== undefined && band.max !== undefined)
		return band.min === band.max
			? m.band_exactly({ value: n(band.min) })
			: m.band_between({ min: formatNumber(band.min), max: n(band.max) });
	if (band.min !== undefined) return m.band_at_least({ value: n(band.min) });
	if (band.max !== undefined) return m.band_at_most({ value: n(band.max) });
	return m.band_any();
}

/** The lines of a model answer: the best option(s), the order, or the band; empty for a text-only decision. */
export function modelAnswerLines(answer: ModelAnswer): string[] {
	if (answer.options) return answer.options.map((o) => o.label);
	if (answer.order) return answer.order.map((o) => o.label);
	if (answer.bands) return answer.bands.map((b) => bandWords(b, answer.unit));
	return [];
}

/** "12 of 20 points (60%)". */
export function totalWords(total: Totals): string {
	const pct = total.maxPoints > 0 ? Math.round((100 * Math.max(0, total.points)) / total.maxPoints) : 0;
	return m.total_points({
		points: formatNumber(total.points),
		max: formatNumber(total.maxPoints),
		percent: formatPercent(pct)
	});
}

/** "P 2 · S 1", or "not rated yet". */
export function ratingWords(ratings: Record<string, HseepRating | null>): string {
	const counts = new Map<HseepRating, number>();
	for (const r of Object.values(ratings)) if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
	const order: HseepRating[] = ['P', 'S', 'M', 'U'];
	const parts = order.filter((r) => counts.has(r)).map((r) => `${r} ${counts.get(r)}`);
	return parts.length ? parts.join(' · ') : m.not_rated_yet();
}
