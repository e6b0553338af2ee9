/**
 * Reads YAML keeping source positions, so every problem can name the line it comes from.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { explainSyntaxErrors } from './yaml-errors';

/** Most alias expansions allowed when reading a file: a "billion laughs" YAML bomb stops here. */
export const MAX_ALIAS_EXPANSIONS = 1000;

/** A path into the YAML value, e.g. ['injects', 7, 'trigger', 'after']. */
export type Path = (string | number)[];

/** A parsed YAML file with its positions. */
export interface SourceFile {
	value: unknown;
	/** Line (1-based) of the node at `path`, or of its nearest existing ancestor. */
	lineOf(path: Path): number;
	syntaxErrors: { line: number; message: string }[];
}

/** Parses YAML text; syntax errors are returned, never thrown. */
export function readSource(text: string): SourceFile {
	// Lines are computed from offsets only when a problem needs one: the yaml package's LineCounter doubles
	// the parse time of a large scenario, and a valid file never needs a line.
	const lineAt = lineFinder(text);
	const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
	const syntaxErrors = explainSyntaxErrors(text, doc, lineAt);
	let value: unknown = undefined;
	if (syntaxErrors.length === 0) {
		try {
			value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			syntaxErrors.push({
				line: 1,
				message: /alias count/i.test(message)
					? `YAML aliases (*name) expand to too much data: at most ${MAX_ALIAS_EXPANSIONS} copies are allowed, so write the content out instead`
					: message
			});
		}
	}
	return { value, syntaxErrors, lineOf: (path) => lineOf(doc, lineAt, path) };
}

/** A function from a character offset to its 1-based line, indexing the line starts on first use. */
function lineFinder(text: string): (offset: number) => number {
	let starts: number[] | undefined;
	return (offset) => {
		starts ??= [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
		let [low, high] = [0, starts.length - 1];
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid] <= offset) low = mid;
			else high = mid - 1;
		}
		return low + 1;
	};
}

function lineOf(doc: Document, lineFrom: (offset: number) => number, path: Path): number {
	const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineFrom(offset));
	let node: unknown = doc.contents;
	let line = lineAt((node as { range?: number[] } | null)?.range?.[0]);
	for (const segment of path) {
		if (isAlias(node)) node = node.resolve(doc);
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment)
			);
			if (!pair) return line;
			line = lineAt((pair.key as { range?: number[] }).range?.[0]);
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
			node = node.items[segment];
			line = lineAt((node as { range?: number[] } | null)?.range?.[0]) || line;
		} else return line;
	}
	return line;
}

/** Formats a path the way authors read it: injects[7].trigger.after. */
export function formatPath(path: Path): string {
	return path.reduce<string>(
		(out, segment) =>
			typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment,
		''
	);
}
