/**
 * The patch that turns the view a room was last sent into the view it should see now, built from microdiff's
 * list of differences (a key-by-key and index-by-index walk). The result is what the browser's
 * applyViewPatch (src/lib/realtime/view-patch.ts) needs to rebuild the new view's JSON. Key order is kept in
 * every object the patch touches: where the browser's copy would end up with its keys in another order than the
 * new view (a key added in the middle), the whole object is sent. Objects nothing changed in are not walked for
 * order; views build their objects field by field in a fixed order, so their keys never merely swap places.
 */
import diff from 'microdiff';
import type { PatchOp, PathStep, ViewPatch } from '$lib/realtime/view-patch';

type Node = Record<PathStep, unknown>;

/** Operations taking `before` to `after` (both JSON-like: plain objects, arrays and primitives). */
export function viewPatch(before: unknown, after: unknown): ViewPatch {
	if (!isObject(before) || !isObject(after) || Array.isArray(before) !== Array.isArray(after)) {
		return [[[], after]];
	}
	const ops: PatchOp[] = [];
	// Objects the patch touches, by the JSON of their path: their keys must end up in the new view's order.
	const touched = new Map<string, PathStep[]>();
	for (const d of diff(before, after, { cyclesFix: false })) {
		// JSON has no undefined: a key set to undefined is a key removed, one set from undefined a key added.
		if (d.type === 'REMOVE' || d.value === undefined) {
			if (d.type === 'REMOVE' && d.oldValue === undefined) continue;
			ops.push([d.path]);
		} else ops.push([d.path, d.value]);
		const parent = d.path.slice(0, -1);
		touched.set(JSON.stringify(parent), parent);
	}
	const replaced: PathStep[][] = [];
	for (const parent of touched.values()) {
		const was = at(before, parent);
		const now = at(after, parent);
		if (Array.isArray(now) || !isObject(was) || !isObject(now)) continue;
		if (!sameOrder(was, now)) replaced.push(parent);
	}
	if (replaced.length === 0) return ops;
	// Outermost first; every operation under a replaced object goes, and the object is sent whole.
	replaced.sort((a, b) => a.length - b.length);
	const outer = replaced.filter((p, i) => !replaced.slice(0, i).some((q) => under(p, q)));
	return [
		...ops.filter(([path]) => !outer.some((p) => under(path, p))),
		...outer.map((p): PatchOp => [p, at(after, p)])
	];
}

function isObject(v: unknown): v is Node {
	return typeof v === 'object' && v !== null;
}

function at(root: unknown, path: PathStep[]): unknown {
	let node = root;
	for (const step of path) node = isObject(node) ? node[step] : undefined;
	return node;
}

/** Whether `path` lies at or below `prefix`. */
function under(path: PathStep[], prefix: PathStep[]): boolean {
	return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}

/**
 * Whether the browser's object ends up in `now`'s key order (as JSON has it): the surviving keys stay where they
 * were, keys set from undefined are added in their old order (microdiff reports them first), then the new keys.
 */
function sameOrder(was: Node, now: Node): boolean {
	const kept = Object.keys(was).filter((k) => was[k] !== undefined && now[k] !== undefined);
	const revived = Object.keys(was).filter((k) => was[k] === undefined && now[k] !== undefined);
	const created = Object.keys(now).filter((k) => !(k in was) && now[k] !== undefined);
	const expected = [...kept, ...revived, ...created];
	const actual = Object.keys(now).filter((k) => now[k] !== undefined);
	return expected.length === actual.length && expected.every((k, i) => k === actual[i]);
}
