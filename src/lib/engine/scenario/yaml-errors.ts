/**
 * YAML syntax errors in words an author can act on: each names the line where the mistake is (an unclosed
 * quote or bracket is reported where it opens, not where the parser gave up) and says how to fix it. Errors
 * that only follow from an earlier one are dropped.
 */
import { isMap, isScalar, isSeq, visit, type Document, type YAMLError } from 'yaml';

export interface SyntaxProblem {
	line: number;
	message: string;
}

const COLON_HINT = 'quote text that contains ": " (a colon and a space), e.g. title: "Alert: router down"';

/** Start offset of the last node of the kind `match` accepts that opens at or before `offset`. */
function openingBefore(doc: Document, offset: number, match: (node: unknown) => boolean): number | undefined {
	let found: number | undefined;
	const consider = (node: unknown) => {
		const start = (node as { range?: number[] }).range?.[0];
		if (match(node) && start !== undefined && start <= offset && (found === undefined || start > found))
			found = start;
	};
	visit(doc, {
		Scalar: (_, node) => consider(node),
		Map: (_, node) => consider(node),
		Seq: (_, node) => consider(node)
	});
	return found;
}

const isQuoted = (node: unknown) =>
	isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
const isFlow = (kind: 'seq' | 'map') => (node: unknown) =>
	(kind === 'seq' ? isSeq(node) : isMap(node)) && Boolean((node as { flow?: boolean }).flow);

/** One error as a line and a message, and whether every later error is likely a consequence of it. */
function explain(
	error: YAMLError,
	text: string,
	doc: Document,
	lineAt: (offset: number) => number
): SyntaxProblem & { final: boolean } {
	const at = error.pos[0];
	const line = lineAt(at);
	const said = error.message.split('\n')[0];
	const problem = (message: string, final = false, where = line) => ({
		line: where,
		message: `YAML syntax error: ${message}`,
		final
	});
	switch (error.code) {
		case 'BLOCK_AS_IMPLICIT_KEY':
		case 'BLOCK_IN_FLOW':
			return problem(`this line reads as a field inside a field; ${COLON_HINT}`);
		case 'TAB_AS_INDENT':
			return problem('a tab is used for indentation; YAML indents with spaces only', true);
		case 'DUPLICATE_KEY': {
			const key = /^\s*([^:\n]+?)\s*:/.exec(text.slice(at))?.[1] ?? '';
			return problem(`the field${key ? ` "${key}"` : ''} is written twice in the same mapping`);
		}
		case 'BAD_SCALAR_START': {
			const char = text.charAt(at);
			return problem(`text cannot start with ${char || 'this character'}; put the whole text in quotes`);
		}
		case 'MISSING_CHAR':
			if (/quote/.test(said)) {
				const quote = said.includes("'") ? "'" : '"';
				const start = openingBefore(doc, at, isQuoted);
				return problem(
					`the ${quote} that opens this text is never closed; close it at the end of the text (for a ${quote} inside the text, use ${quote === '"' ? "'" : '"'} outside instead)`,
					true,
					start === undefined ? line : lineAt(start)
				);
			}
			return problem(
				`${lower(said)}; check the indentation: items of one list start with "- " in the same column`
			);
		case 'BAD_INDENT':
			if (/^Flow (sequence|map)/.test(said)) {
				const seq = said.startsWith('Flow sequence');
				const start = openingBefore(doc, at, isFlow(seq ? 'seq' : 'map'));
				const [open, close] = seq ? ['[', ']'] : ['{', '}'];
				return problem(
					`the ${open} on this line is never closed with ${close}; close it on the same line, or quote text that starts with ${open}`,
					true,
					start === undefined ? line : lineAt(start)
				);
			}
			return problem(
				`this line is indented differently from the fields around it; fields of one mapping start in the same column`
			);
		case 'UNEXPECTED_TOKEN':
			if (/flow-seq-end|flow-map-end/.test(said)) {
				const close = said.includes('seq') ? ']' : '}';
				return problem(`a ${close} without a matching opening bracket`, true);
			}
			if (/scalar at node end/.test(said))
				return problem(
					`text continues after a closing quote; quote the whole text, using single quotes outside when it contains " (or double quotes when it contains ')`,
					true
				);
			return problem(`${lower(said)}`, true);
		case 'MULTILINE_IMPLICIT_KEY':
			return problem(
				`a field name runs over more than one line; is the ": " after it missing, or is a quote or bracket above left open?`
			);
		default:
			return problem(lower(said));
	}
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The document's syntax errors, explained, at most one per line, without the ones an earlier error caused. */
export function explainSyntaxErrors(
	text: string,
	doc: Document,
	lineAt: (offset: number) => number
): SyntaxProblem[] {
	const out: SyntaxProblem[] = [];
	for (const error of doc.errors) {
		const { final, ...problem } = explain(error, text, doc, lineAt);
		if (!out.some((earlier) => earlier.line === problem.line)) out.push(problem);
		if (final) break;
	}
	return out.sort((a, b) => a.line - b.line);
}
