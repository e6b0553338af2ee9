/**
 * Chart labels that fit their column: a label is broken at spaces into lines of at most `width` characters, and
 * only a label longer than `lines` such lines ends in "…". The full text is always in the chart's table.
 */
export function wrapLabel(label: string, width: number, lines = 2): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of label.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (next.length <= width || !line) line = next;
		else {
			out.push(line);
			line = word;
		}
	}
	if (line) out.push(line);
	const kept = out.slice(0, lines).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
	if (out.length > lines) {
		const last = kept[lines - 1];
		kept[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
	}
	return kept;
}
