/**
 * View patches as browsers receive them: a list of operations, each the path of one value in the view and
 * either the value to put there or nothing (remove it). The server computes them (src/lib/server/realtime/
 * view-diff.ts); the browser applies them here, copying only the objects along each path so that everything
 * the patch leaves alone keeps its identity (Svelte re-renders only what changed).
 */

/** One step of a path: an object key or an array index. */
export type PathStep = string | number;

/** `[path, value]` puts `value` at `path`; `[path]` removes what is there (array removals shorten the array). */
export type PatchOp = [path: PathStep[], value: unknown] | [path: PathStep[]];

export type ViewPatch = PatchOp[];

type Node = Record<PathStep, unknown>;

/** Thrown for a patch that does not fit the document (the browser then asks for the full view). */
export class PatchMismatch extends Error {}

/** `doc` with `patch` applied; `doc` itself is left as it was. */
export function applyViewPatch<T>(doc: T, patch: ViewPatch): T {
	// Objects copied during this application, so a path shared by several operations is copied once.
	const fresh = new WeakSet<object>();
	const copy = (node: unknown): Node => {
		if (typeof node !== 'object' || node === null) throw new PatchMismatch('path leads through a value');
		if (fresh.has(node)) return node as Node;
		const made = (Array.isArray(node) ? node.slice() : { ...node }) as Node;
		fresh.add(made);
		return made;
	};
	let root: unknown = doc;
	for (const op of patch) {
		const [path] = op;
		if (path.length === 0) {
			root = op[1];
			continue;
		}
		root = copy(root);
		let node = root as Node;
		for (let i = 0; i < path.length - 1; i++) {
			const child = copy(node[step(path[i])]);
			node[step(path[i])] = child;
			node = child;
		}
		const last = step(path[path.length - 1]);
		if (op.length === 2) node[last] = op[1];
		else if (Array.isArray(node)) node.length = Math.min(node.length, Number(last));
		else delete node[last];
	}
	return root as T;
}

function step(key: PathStep): PathStep {
	// The one key whose assignment would not set an own property.
	if (key === '__proto__') throw new PatchMismatch('refused path step __proto__');
	return key;
}
