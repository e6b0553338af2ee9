/**
 * Edits of scenario YAML that touch only the text they change. The form views write through these, so an
 * author's comments, quoting, flow maps and blank lines stay as they were everywhere else in the file: a value
 * is replaced in its own character range, a new key is one inserted line, a removed key or list item is its own
 * lines. Positions come from the yaml package's Document API (node ranges); values are rendered by the same
 * package, keeping the quoting style of the value they replace.
 */
import {
	Document,
	isCollection,
	isMap,
	isPair,
	isScalar,
	isSeq,
	parseDocument,
	Scalar,
	stringify,
	type Node as YamlNode,
	type Pair
} from 'yaml';

/** A path into the YAML value, e.g. ['injects', 3, 'decision', 'options', 1, 'points']. */
export type YamlPath = (string | number)[];

/** Thrown when an edit cannot be made (the text does not parse, or the path crosses a value of another kind). */
export class YamlEditError extends Error {
	override name = 'YamlEditError';
}

interface Located {
	node: YamlNode;
	/** The pair holding the node as its value, when its parent is a map. */
	pair?: Pair;
	parent?: YamlNode;
	/** True when the node sits inside a flow collection ({ } or [ ]), where text must stay on one line. */
	inFlow: boolean;
}

function parse(source: string) {
	const doc = parseDocument(source, { keepSourceTokens: false });
	if (doc.errors.length > 0)
		throw new YamlEditError('the YAML has a syntax error; fix it in the text before using the form');
	return doc;
}

const isFlow = (node: unknown) => isCollection(node) && Boolean((node as { flow?: boolean }).flow);

/** Walks `path` as far as it exists; returns the deepest node reached and the segments left over. */
function locate(doc: Document, path: YamlPath): { at: Located; rest: YamlPath } {
	let at: Located = { node: doc.contents as YamlNode, inFlow: false };
	for (let i = 0; i < path.length; i++) {
		const segment = path[i];
		const { node } = at;
		const inFlow = at.inFlow || isFlow(node);
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => isScalar(item.key) && String(item.key.value) === String(segment)
			);
			if (!pair || pair.value === null) return { at, rest: path.slice(i) };
			at = { node: pair.value as YamlNode, pair: pair as Pair, parent: node, inFlow };
		} else if (isSeq(node) && typeof segment === 'number') {
			const item = node.items[segment];
			if (item === undefined) return { at, rest: path.slice(i) };
			at = { node: item as YamlNode, parent: node, inFlow };
		} else return { at, rest: path.slice(i) };
	}
	return { at, rest: [] };
}

const lineStart = (source: string, offset: number) => source.lastIndexOf('\n', offset - 1) + 1;
const column = (source: string, offset: number) => offset - lineStart(source, offset);

/** The offset just after the line on which `offset` ends (after its newline, or the end of the text). */
function afterLine(source: string, end: number): number {
	if (end > 0 && source[end - 1] === '\n') return end;
	const newline = source.indexOf('\n', end);
	return newline < 0 ? source.length : newline + 1;
}

function rangeOf(node: unknown): [number, number] {
	const range = (node as { range?: [number, number, number] } | null)?.range;
	if (!range) throw new YamlEditError('this part of the file has no position to edit');
	return [range[0], range[1]];
}

/** One line of YAML for a value in flow style: "{ at: 30m }", "[soc, legal]", "Text", "'quoted, text'". */
function flowText(value: unknown, like?: unknown): string {
	if (value !== null && typeof value === 'object')
		return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
	const scalar = new Scalar(value);
	if (typeof value === 'string' && isScalar(like) && typeof like.value === 'string') {
		if (like.type === Scalar.QUOTE_DOUBLE || like.type === Scalar.QUOTE_SINGLE) scalar.type = like.type;
	}
	const text = new Document(scalar).toString({ lineWidth: 0 }).trimEnd();
	// Inside { } or [ ] a plain value ends at a comma or bracket: quote it rather than let the meaning change.
	if (typeof value === 'string' && scalar.type !== Scalar.QUOTE_DOUBLE && /[,[\]{}]|: | #/.test(text))
		return `'${value.replace(/'/g, "''")}'`;
	return text;
}

/** A block literal (`|`) for multi-line text, its lines indented under `indent`. */
function literalText(value: string, indent: number): string {
	const pad = ' '.repeat(indent + 2);
	const trailing = /\n+$/.exec(value)?.[0].length ?? 0;
	const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
	const body = value.replace(/\n+$/, '');
	const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
	return `|${chomp}\n${lines.join('\n')}${'\n'.repeat(Math.max(trailing - 1, 0))}`;
}

/** A block collection, its first line at the current position and the rest indented to `indent`. */
function blockText(value: unknown, indent: number): string {
	const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
	return text
		.split('\n')
		.map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(indent) + line))
		.join('\n');
}

/** The indentation block text under this node is measured from: its key's column, or its list dash's. */
function baseIndent(source: string, at: Located): number {
	if (at.pair && isScalar(at.pair.key)) return column(source, rangeOf(at.pair.key)[0]);
	return Math.max(column(source, rangeOf(at.node)[0]) - 2, 0);
}

function replaceValue(source: string, at: Located, value: unknown): string {
	const [start, end] = rangeOf(at.node);
	let text: string;
	const multiline = typeof value === 'string' && value.includes('\n');
	const wasLiteral =
		isScalar(at.node) && (at.node.type === Scalar.BLOCK_LITERAL || at.node.type === Scalar.BLOCK_FOLDED);
	if (typeof value === 'string' && !at.inFlow && (multiline || wasLiteral))
		text = literalText(value, baseIndent(source, at));
	else if (
		value !== null &&
		typeof value === 'object' &&
		isCollection(at.node) &&
		!isFlow(at.node) &&
		!at.inFlow
	)
		text = blockText(value, column(source, start));
	else text = flowText(value, at.node);
	// A block scalar's range runs through its last newline; keep that newline for the following line.
	const keepNewline = wasLiteral && source[end - 1] === '\n' && !text.endsWith('\n') ? '\n' : '';
	return source.slice(0, start) + text + keepNewline + source.slice(end);
}

/** The value to insert for the missing part of a path: { a: { b: value } } for rest [a, b]. */
function nest(rest: YamlPath, value: unknown): unknown {
	return rest.reduceRight<unknown>(
		(inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }),
		value
	);
}

function insertIntoMap(source: string, at: Located, key: string, value: unknown): string {
	const map = at.node;
	if (!isMap(map)) throw new YamlEditError(`cannot add "${key}" here: this value is not a mapping`);
	const entry = (indent: number) => {
		if (typeof value === 'string' && value.includes('\n')) return `${key}: ${literalText(value, indent)}`;
		if (value !== null && typeof value === 'object' && !Array.isArray(value) && !at.inFlow)
			return `${key}:\n${' '.repeat(indent + 2)}${blockText(value, indent + 2)}`;
		return `${key}: ${flowText(value)}`;
	};
	if (isFlow(map) || at.inFlow) {
		const [, end] = rangeOf(map);
		let close = end - 1;
		while (close > 0 && source[close] !== '}') close--;
		let p = close;
		while (p > 0 && source[p - 1] === ' ') p--;
		const text = map.items.length === 0 ? ` ${key}: ${flowText(value)} ` : `, ${key}: ${flowText(value)}`;
		return source.slice(0, p) + text + source.slice(p);
	}
	const first = map.items[0];
	if (!first || !isScalar(first.key)) throw new YamlEditError(`cannot add "${key}" to an empty mapping`);
	const indent = column(source, rangeOf(first.key)[0]);
	const last = map.items[map.items.length - 1];
	const lastEnd = last.value ? rangeOf(last.value)[1] : rangeOf(last.key)[1];
	const at2 = afterLine(source, lastEnd);
	const prefix = at2 === source.length && !source.endsWith('\n') ? '\n' : '';
	return `${source.slice(0, at2)}${prefix}${' '.repeat(indent)}${entry(indent)}\n${source.slice(at2)}`;
}

function appendToSeq(source: string, at: Located, value: unknown): string {
	const seq = at.node;
	if (!isSeq(seq)) throw new YamlEditError('cannot add an item here: this value is not a list');
	if (isFlow(seq) || at.inFlow) {
		const [, end] = rangeOf(seq);
		let close = end - 1;
		while (close > 0 && source[close] !== ']') close--;
		const text = seq.items.length === 0 ? flowText(value) : `, ${flowText(value)}`;
		return source.slice(0, close) + text + source.slice(close);
	}
	const first = seq.items[0];
	if (!first) throw new YamlEditError('cannot add to an empty block list');
	const dash = Math.max(column(source, rangeOf(first)[0]) - 2, 0);
	const flowItems = isScalar(first) || isFlow(first);
	const item = flowItems ? flowText(value) : blockText(value, dash + 2);
	const last = seq.items[seq.items.length - 1];
	const insertAt = afterLine(source, rangeOf(last)[1]);
	const prefix = insertAt === source.length && !source.endsWith('\n') ? '\n' : '';
	return `${source.slice(0, insertAt)}${prefix}${' '.repeat(dash)}- ${item}\n${source.slice(insertAt)}`;
}

/** The value at `path` as plain data, or undefined when the path does not exist (or the text does not parse). */
export function getIn(source: string, path: YamlPath): unknown {
	const doc = parseDocument(source);
	if (doc.errors.length) return undefined;
	const value = doc.getIn(path, false);
	return isCollection(value) || isScalar(value) ? (value as YamlNode).toJSON() : value;
}

/** Sets the value at `path`, changing only that value's text (or adding one key or list item). */
export function setIn(source: string, path: YamlPath, value: unknown): string {
	const doc = parse(source);
	const { at, rest } = locate(doc, path);
	if (rest.length === 0) return replaceValue(source, at, value);
	const [key, ...deeper] = rest;
	if (isSeq(at.node) && typeof key === 'number' && key === at.node.items.length)
		return appendToSeq(source, at, nest(deeper, value));
	if (typeof key === 'string' && isMap(at.node)) return insertIntoMap(source, at, key, nest(deeper, value));
	throw new YamlEditError(`cannot set ${path.join('.')}: the file has a different kind of value there`);
}

/** Appends an item to the list at `path`. */
export function appendIn(source: string, path: YamlPath, value: unknown): string {
	const doc = parse(source);
	const { at, rest } = locate(doc, path);
	if (rest.length > 0) return setIn(source, path, [value]);
	return appendToSeq(source, at, value);
}

/** Removes the key or list item at `path` together with its lines (its comment on the same line goes too). */
export function deleteIn(source: string, path: YamlPath): string {
	const doc = parse(source);
	const { at, rest } = locate(doc, path);
	if (rest.length > 0) return source;
	const parent = at.parent;
	if (!parent) throw new YamlEditError('cannot remove the whole document');
	if (isFlow(parent) || at.inFlow) {
		const [start, end] = rangeOf(parent);
		const copy = new Document(parent);
		copy.deleteIn([path[path.length - 1]]);
		const text = stringify(copy.contents, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
		return source.slice(0, start) + text + source.slice(end);
	}
	const first = at.pair && isPair(at.pair) ? rangeOf(at.pair.key)[0] : rangeOf(at.node)[0];
	const start = lineStart(source, first);
	if (at.pair && source.slice(start, first).trim() !== '')
		throw new YamlEditError('cannot remove the first key of a list item on its own; remove the item instead');
	const end = afterLine(source, rangeOf(at.node)[1]);
	return source.slice(0, start) + source.slice(end);
}
