import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyViewPatch, PatchMismatch, type ViewPatch } from '$lib/realtime/view-patch';
import { viewPatch } from './view-diff';

/** What a browser holds: the JSON of a value, parsed. */
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Patch as sent (JSON) applied to the view as held (JSON), compared as JSON text: key order counts. */
function roundTrip(before: unknown, after: unknown): string {
	const patch = wire(viewPatch(before, after)) as ViewPatch;
	return JSON.stringify(applyViewPatch(wire(before), patch));
}

// JSON-like values with the shapes views have: nested records, arrays, optional (undefined) fields.
const key = fc.constantFrom('a', 'b', 'c', 'feed', 'title', 'version', '0', '1');
const json = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
		fc.array(tie('value'), { maxLength: 5 }),
		fc.dictionary(key, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 5 })
	)
})).value;
const object = fc.dictionary(key, json, { maxKeys: 6 });
// A new value that cannot be a mere reordering of an unchanged object (those are not carried; see view-diff.ts).
const edit = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 4 }));

describe('view patches', () => {
	it('rebuild the new view for any pair of views (property)', () => {
		fc.assert(
			fc.property(object, object, (before, after) => {
				expect(JSON.parse(roundTrip(before, after))).toEqual(wire(after));
			}),
			{ numRuns: 500 }
		);
	});

	it('rebuild the JSON exactly, key order included, after edits and deletions (property)', () => {
		fc.assert(
			fc.property(object, key, edit, key, (before, k, v, dropped) => {
				const after: Record<string, unknown> = { ...before, [k]: v };
				delete after[dropped];
				expect(roundTrip(before, after)).toBe(JSON.stringify(after));
			}),
			{ numRuns: 300 }
		);
	});

	it('carry only what changed: an item appended to a feed is one operation', () => {
		const feed = Array.from({ length: 20 }, (_, i) => ({ id: `i${i}`, bodyHtml: 'x'.repeat(500) }));
		const before = { header: { version: 4 }, feed };
		const after = { header: { version: 5 }, feed: [...feed, { id: 'new', bodyHtml: '<p>hi</p>' }] };
		const patch = viewPatch(before, after);
		expect(patch).toEqual([
			[['header', 'version'], 5],
			[['feed', 20], { id: 'new', bodyHtml: '<p>hi</p>' }]
		]);
	});

	it('shorten arrays and remove keys', () => {
		const before = { list: [1, 2, 3, 4], gone: 'x', kept: true };
		const after = { list: [1, 2], kept: true };
		expect(roundTrip(before, after)).toBe(JSON.stringify(after));
	});

	it('send an object whole when a new key would land out of order', () => {
		const before = { scores: { a: 1, c: 3 } };
		const after = { scores: { a: 1, b: 2, c: 3 } };
		expect(viewPatch(before, after)).toEqual([[['scores'], { a: 1, b: 2, c: 3 }]]);
	});

	it('leave the held view untouched and keep the identity of what did not change', () => {
		const before = { header: { version: 1 }, feed: [{ id: 'a' }], decisions: [{ id: 'd' }] };
		const frozen = JSON.stringify(before);
		const after = applyViewPatch(before, [[['header', 'version'], 2]]);
		expect(JSON.stringify(before)).toBe(frozen);
		expect(after.header.version).toBe(2);
		expect(after.feed).toBe(before.feed);
		expect(after.decisions).toBe(before.decisions);
	});

	it('refuse a patch that does not fit the view or aims at the prototype', () => {
		expect(() => applyViewPatch({ a: 1 }, [[['a', 'b'], 2]])).toThrow(PatchMismatch);
		expect(() => applyViewPatch({ a: {} }, [[['a', '__proto__'], { polluted: true }]])).toThrow(
			PatchMismatch
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
