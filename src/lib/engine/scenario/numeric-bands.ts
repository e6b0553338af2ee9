/**
 * Numeric bands must score every answer a team can give, each band reachable. An answer is any number within
 * the decision's min..max (decimals included: 2.5 months is an answer), bands include both bounds and the
 * first band containing the number wins. So the check reports:
 * - a gap: numbers inside min..max that no band contains (bands written 0..2 then 3..11 leave 2.5 unscored);
 * - a shadowed band: every number it contains already matches earlier bands, so it can never score;
 * - a band entirely outside min..max.
 */
import type { CheckContext } from './catalog';
import type { RawDecision } from './schema';
import type { Path } from './source-map';

type Numeric = NonNullable<RawDecision['numeric']>;
interface Span {
	lo: number;
	hi: number;
}

const show = (n: number) => (n === Infinity ? '∞' : n === -Infinity ? '−∞' : String(n));

/** Union of closed spans, sorted and merged where they touch or overlap. */
function merge(spans: readonly Span[]): Span[] {
	const out: Span[] = [];
	for (const s of [...spans].sort((a, b) => a.lo - b.lo)) {
		const last = out.at(-1);
		if (last && s.lo <= last.hi) last.hi = Math.max(last.hi, s.hi);
		else out.push({ ...s });
	}
	return out;
}

function example(lo: number, hi: number): string {
	if (lo === -Infinity) return show(hi - 1);
	if (hi === Infinity) return show(lo + 1);
	return show((lo + hi) / 2);
}

function gapMessage(gap: Span, before: boolean, after: boolean): string {
	const { lo, hi } = gap;
	let span: string;
	let fix: string;
	if (before && after) {
		span = `numbers between ${show(lo)} and ${show(hi)}`;
		fix = `let the next band start at ${show(lo)} (the first matching band wins)`;
	} else if (after) {
		span =
			lo === -Infinity ? `numbers below ${show(hi)}` : `numbers from ${show(lo)} to just below ${show(hi)}`;
		fix =
			lo === -Infinity ? 'add a band without a min, or set numeric.min' : `let a band start at ${show(lo)}`;
	} else if (before) {
		span = hi === Infinity ? `numbers above ${show(lo)}` : `numbers above ${show(lo)} up to ${show(hi)}`;
		fix = hi === Infinity ? 'add a band without a max, or set numeric.max' : `let a band end at ${show(hi)}`;
	} else {
		span = `numbers from ${show(lo)} to ${show(hi)}`;
		fix = 'add a band for them';
	}
	return `${span} (such as ${example(lo, hi)}) fall in no band, so they score nothing: ${fix}`;
}

/** Reports gaps, shadowed bands and bands outside the answer range of a numeric decision. */
export function checkNumericBands(ctx: CheckContext, numeric: Numeric, path: Path): void {
	const range: Span = { lo: numeric.min ?? -Infinity, hi: numeric.max ?? Infinity };
	if (range.lo > range.hi || numeric.bands.length === 0) return;
	const spans = numeric.bands.map((b) => ({ lo: b.min ?? -Infinity, hi: b.max ?? Infinity }));
	if (spans.some((s) => s.lo > s.hi)) return;
	const earlier: Span[] = [];
	spans.forEach((s, i) => {
		const clipped = { lo: Math.max(s.lo, range.lo), hi: Math.min(s.hi, range.hi) };
		const at = [...path, 'bands', i];
		if (clipped.lo > clipped.hi)
			ctx.report(
				at,
				`band ${show(s.lo)}..${show(s.hi)} lies outside the answer range ${show(range.lo)}..${show(range.hi)}, so no answer can fall in it`
			);
		else if (merge(earlier).some((u) => u.lo <= clipped.lo && u.hi >= clipped.hi))
			ctx.report(
				at,
				`band ${show(s.lo)}..${show(s.hi)} can never score: every number in it already falls in an earlier band (the first matching band wins)`
			);
		if (clipped.lo <= clipped.hi) earlier.push(clipped);
	});
	let from = range.lo;
	let open = false;
	for (const u of merge(earlier)) {
		if (u.lo > from) ctx.report([...path, 'bands'], gapMessage({ lo: from, hi: u.lo }, open, true));
		from = u.hi;
		open = true;
	}
	if (from < range.hi) ctx.report([...path, 'bands'], gapMessage({ lo: from, hi: range.hi }, open, false));
}
