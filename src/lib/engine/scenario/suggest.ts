/** "Did you mean" hints for misspelt ids and field names. */

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

/** ` (did you mean "x"?)` for the closest candidate within a few edits, or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	for (const candidate of candidates) {
		const d = distance(word.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** Quotes a list of names for a message: "a", "b" and "c". */
export function quoteList(names: string[]): string {
	const quoted = names.map((name) => `"${name}"`);
	return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
