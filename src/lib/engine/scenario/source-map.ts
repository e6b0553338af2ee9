/**
 * Reads YAML keeping source positions, so every problem can name the line it comes from.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

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
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	const syntaxErrors = doc.errors.map((error) => ({
		line: counter.linePos(error.pos[0]).line,
		message: plainYamlMessage(error.message)
	}));
	let value: unknown = undefined;
	if (syntaxErrors.length === 0) {
		try {
			value = doc.toJS({ maxAliasCount: 1000 });
		} catch (error) {
			syntaxErrors.push({ line: 1, message: error instanceof Error ? error.message : String(error) });
		}
	}
	return { value, syntaxErrors, lineOf: (path) => lineOf(doc, counter, path) };
}

function lineOf(doc: Document, counter: LineCounter, path: Path): number {
	const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line);
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

/** The yaml package's messages carry a trailing code excerpt when prettyErrors is on; keep only the words. */
function plainYamlMessage(message: string): string {
	const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
	return `YAML syntax error: ${firstLine.charAt(0).toLowerCase()}${firstLine.slice(1)}`;
}

/** Formats a path the way authors read it: injects[7].trigger.after. */
export function formatPath(path: Path): string {
	return path.reduce<string>(
		(out, segment) =>
			typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment,
		''
	);
}
