/**
 * Immutable collections with structural sharing, so applying one input never copies what earlier inputs built:
 * an append-only list (O(1) append) and a hash-trie map (O(log n) set/get). Both are plain objects, so a state
 * holding them stays cheap to keep after every input (snapshots, replays, the "state untouched on error" rule).
 */

/** An append-only persistent list: each node points at the previous one. */
export interface PList<T> {
	readonly size: number;
	readonly last: T | undefined;
	readonly prev: PList<T> | null;
}

/** The empty list. */
export const EMPTY_LIST: PList<never> = { size: 0, last: undefined, prev: null };

/** A new list with `item` appended; the old list is unchanged. */
export function append<T>(list: PList<T>, item: T): PList<T> {
	return { size: list.size + 1, last: item, prev: list };
}

/** The items in insertion order. */
export function listToArray<T>(list: PList<T>): T[] {
	const out = new Array<T>(list.size);
	let node: PList<T> | null = list;
	for (let i = list.size - 1; i >= 0 && node; i--) {
		out[i] = node.last as T;
		node = node.prev;
	}
	return out;
}

/** A list holding `items` in order. */
export function listFrom<T>(items: readonly T[]): PList<T> {
	let list: PList<T> = EMPTY_LIST;
	for (const item of items) list = append(list, item);
	return list;
}

const BITS = 4;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;
const MAX_SHIFT = 32;

type Leaf<V> = { readonly hash: number; readonly entries: readonly (readonly [string, V])[] };
type Branch<V> = { readonly children: readonly (TrieNode<V> | undefined)[] };
type TrieNode<V> = Leaf<V> | Branch<V>;

/** A persistent string-keyed map (a small hash array mapped trie). */
export interface PMap<V> {
	readonly size: number;
	readonly root: TrieNode<V> | undefined;
}

/** The empty map. */
export const EMPTY_MAP: PMap<never> = { size: 0, root: undefined };

function hashOf(key: string): number {
	// FNV-1a: deterministic across runs and processes, unlike anything keyed on object identity.
	let h = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) {
		h ^= key.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function isLeaf<V>(node: TrieNode<V>): node is Leaf<V> {
	return 'entries' in node;
}

/** The value under `key`, or undefined. */
export function mapGet<V>(map: PMap<V>, key: string): V | undefined {
	const hash = hashOf(key);
	let node = map.root;
	let shift = 0;
	while (node) {
		if (isLeaf(node)) {
			if (node.hash !== hash) return undefined;
			for (const [k, v] of node.entries) if (k === key) return v;
			return undefined;
		}
		node = node.children[(hash >>> shift) & MASK];
		shift += BITS;
	}
	return undefined;
}

/** Whether `key` is present. */
export function mapHas<V>(map: PMap<V>, key: string): boolean {
	return mapGet(map, key) !== undefined;
}

function merge<V>(a: Leaf<V>, b: Leaf<V>, shift: number): TrieNode<V> {
	if (shift >= MAX_SHIFT) return { hash: a.hash, entries: [...a.entries, ...b.entries] };
	const ia = (a.hash >>> shift) & MASK;
	const ib = (b.hash >>> shift) & MASK;
	const children = new Array<TrieNode<V> | undefined>(WIDTH);
	if (ia === ib) children[ia] = merge(a, b, shift + BITS);
	else {
		children[ia] = a;
		children[ib] = b;
	}
	return { children };
}

function insert<V>(
	node: TrieNode<V> | undefined,
	hash: number,
	key: string,
	value: V,
	shift: number
): { node: TrieNode<V>; added: boolean } {
	if (!node) return { node: { hash, entries: [[key, value]] }, added: true };
	if (isLeaf(node)) {
		if (node.hash === hash) {
			const at = node.entries.findIndex(([k]) => k === key);
			const entries = node.entries.slice();
			if (at >= 0) entries[at] = [key, value];
			else entries.push([key, value]);
			return { node: { hash, entries }, added: at < 0 };
		}
		return { node: merge(node, { hash, entries: [[key, value]] }, shift), added: true };
	}
	const slot = (hash >>> shift) & MASK;
	const child = insert(node.children[slot], hash, key, value, shift + BITS);
	const children = node.children.slice();
	children[slot] = child.node;
	return { node: { children }, added: child.added };
}

/** A new map with `key` set to `value`; the old map is unchanged. */
export function mapSet<V>(map: PMap<V>, key: string, value: V): PMap<V> {
	const { node, added } = insert(map.root, hashOf(key), key, value, 0);
	return { size: map.size + (added ? 1 : 0), root: node };
}

/** Every [key, value] pair, ordered by key so the output does not depend on hashing. */
export function mapEntries<V>(map: PMap<V>): [string, V][] {
	const out: [string, V][] = [];
	const walk = (node: TrieNode<V> | undefined): void => {
		if (!node) return;
		if (isLeaf(node)) for (const [k, v] of node.entries) out.push([k, v]);
		else for (const child of node.children) walk(child);
	};
	walk(map.root);
	return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A map holding `entries`. */
export function mapFrom<V>(entries: readonly (readonly [string, V])[]): PMap<V> {
	let map: PMap<V> = EMPTY_MAP;
	for (const [k, v] of entries) map = mapSet(map, k, v);
	return map;
}
