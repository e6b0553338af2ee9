/**
 * Where the cursor is in a YAML file that is being typed (and so often does not parse): the path of the mapping
 * or list it is in, whether a key or a value is being written, and the keys already there. Worked out from
 * indentation and the flow braces on the line, which is how YAML itself nests block content.
 */

/** The cursor's place, for completions. */
export interface CursorPlace {
	/** Path of the collection the cursor is in: ['injects', 3, 'decision']. */
	path: (string | number)[];
	/** Writing a key, a value (after "key: "), or a list item (after "- "). */
	position: 'key' | 'value' | 'item';
	/** With position value: the key whose value it is. */
	key?: string;
	/** Keys already present in the same mapping. */
	siblings: string[];
	/** The partial word before the cursor and where it starts. */
	word: string;
	from: number;
	/** Inside { } or [ ] on the line. */
	inFlow: boolean;
}

interface Line {
	text: string;
	indent: number;
	start: number;
}

const KEY = /^(\s*)(- +)*([A-Za-z0-9_$.-]+)\s*:(\s|$)/;

function linesOf(text: string): Line[] {
	const out: Line[] = [];
	let start = 0;
	for (const line of text.split('\n')) {
		out.push({ text: line, indent: line.length - line.trimStart().length, start });
		start += line.length + 1;
	}
	return out;
}

const meaningful = (line: Line) => line.text.trim() !== '' && !line.text.trimStart().startsWith('#');

/** The block path of the content at column `indent` below line `index` (exclusive). */
function blockPath(lines: Line[], index: number, indent: number): (string | number)[] {
	const path: (string | number)[] = [];
	let limit = indent;
	for (let i = index - 1; i >= 0 && limit > 0; i--) {
		const line = lines[i];
		if (!meaningful(line)) continue;
		const dash = /^(\s*)- /.exec(line.text);
		const dashCol = dash ? dash[1].length : -1;
		if (dash && dashCol < limit) {
			// A list item that contains the cursor's content: count its earlier siblings.
			let n = 0;
			for (let j = i - 1; j >= 0; j--) {
				const other = lines[j];
				if (!meaningful(other)) continue;
				if (other.indent < dashCol) break;
				if (other.indent === dashCol && other.text.trimStart().startsWith('- ')) n++;
			}
			path.unshift(n);
			limit = dashCol;
			continue;
		}
		if (line.indent < limit) {
			const key = KEY.exec(line.text);
			if (key && !dash) {
				path.unshift(key[3]);
				limit = line.indent;
			}
		}
	}
	return path;
}

/** Keys of the block mapping whose keys sit at column `indent`, around line `index`. */
function siblingKeys(lines: Line[], index: number, indent: number): string[] {
	const keys: string[] = [];
	const take = (line: Line) => {
		const key = KEY.exec(line.text);
		if (!key) return;
		const column = key[1].length + (key[2]?.length ?? 0) * (line.text.trimStart().startsWith('-') ? 1 : 0);
		if (column === indent || (line.indent === indent && !key[2])) keys.push(key[3]);
	};
	for (let i = index - 1; i >= 0; i--) {
		const line = lines[i];
		if (!meaningful(line)) continue;
		if (line.indent < indent && !line.text.trimStart().startsWith('- ')) break;
		take(line);
		if (line.text.trimStart().startsWith('- ') && /^(\s*)- /.exec(line.text)![1].length + 2 === indent) break;
		if (line.indent < indent) break;
	}
	for (let i = index + 1; i < lines.length; i++) {
		const line = lines[i];
		if (!meaningful(line)) continue;
		if (line.indent < indent || (line.indent === indent - 2 && line.text.trimStart().startsWith('- '))) break;
		take(line);
	}
	return keys;
}

/** The cursor's place at offset `pos` of `text`. */
export function cursorPlace(text: string, pos: number): CursorPlace {
	const lines = linesOf(text);
	const index = Math.max(
		0,
		lines.findIndex((l) => pos >= l.start && pos <= l.start + l.text.length)
	);
	const line = lines[index];
	const before = line.text.slice(0, pos - line.start);
	const word = /[A-Za-z0-9_$.-]*$/.exec(before)![0];
	const from = pos - word.length;

	// Inside a flow collection on this line: { a: 1, b| } or [x, y|].
	let depth = 0;
	let open = -1;
	for (let i = before.length - 1; i >= 0; i--) {
		const c = before[i];
		if (c === '}' || c === ']') depth++;
		else if (c === '{' || c === '[') {
			if (depth === 0) {
				open = i;
				break;
			}
			depth--;
		}
	}
	if (open >= 0) {
		const head = before.slice(0, open);
		const outer = KEY.exec(head + ' ');
		const dash = /^(\s*)- +$/.exec(head);
		const column = dash ? dash[1].length + 2 : line.indent;
		let path = blockPath(lines, index, column + (outer ? 1 : 0));
		if (dash)
			path = [...blockPath(lines, index, dash[1].length + 1), siblingsIndex(lines, index, dash[1].length)];
		if (outer && !dash) path = [...path, outer[3]];
		else if (outer && dash) path = [...path, outer[3]];
		const inside = before.slice(open + 1);
		const segment = inside.slice(inside.lastIndexOf(',') + 1);
		if (before[open] === '[') return { path, position: 'item', siblings: [], word, from, inFlow: true };
		const keyHere = /^\s*([A-Za-z0-9_$.-]+)\s*:\s*[^,]*$/.exec(segment);
		const siblings = [...inside.matchAll(/([A-Za-z0-9_$.-]+)\s*:/g)].map((m) => m[1]);
		return keyHere
			? { path, position: 'value', key: keyHere[1], siblings, word, from, inFlow: true }
			: { path, position: 'key', siblings, word, from, inFlow: true };
	}

	const dash = /^(\s*)- +/.exec(before);
	const keyed = /^(\s*)(?:- +)?([A-Za-z0-9_$.-]+)\s*:\s+(.*)$/.exec(before);
	if (keyed) {
		const column = keyed[1].length + (dash ? dash[0].length - dash[1].length : 0);
		let path = blockPath(lines, index, column);
		if (dash)
			path = [...blockPath(lines, index, dash[1].length + 1), siblingsIndex(lines, index, dash[1].length)];
		return {
			path,
			position: 'value',
			key: keyed[2],
			siblings: siblingKeys(lines, index, column),
			word,
			from,
			inFlow: false
		};
	}
	if (dash && before.slice(dash[0].length) === word) {
		// "- " then a word: a new item, which may be the first key of a mapping item.
		const parent = blockPath(lines, index, dash[1].length + 1);
		return {
			path: [...parent, siblingsIndex(lines, index, dash[1].length)],
			position: 'key',
			siblings: [],
			word,
			from,
			inFlow: false
		};
	}
	const column = before.length - before.trimStart().length;
	return {
		path: blockPath(lines, index, column),
		position: 'key',
		siblings: siblingKeys(lines, index, column),
		word,
		from,
		inFlow: false
	};
}

/** The index of the list item starting on line `index` (a "- " at column `dashCol`) among its siblings. */
function siblingsIndex(lines: Line[], index: number, dashCol: number): number {
	let n = 0;
	for (let j = index - 1; j >= 0; j--) {
		const other = lines[j];
		if (!meaningful(other)) continue;
		if (other.indent < dashCol) break;
		if (other.indent === dashCol && other.text.trimStart().startsWith('- ')) n++;
	}
	return n;
}
