/**
 * How a join code is shown, everywhere it is shown (lobby, room view, join page, hints): one grouping, four-four-two
 * with dashes, so what people read on the projector is what they see on their phone.
 */

/**
 * "K7QM-2XHD-9P" or "k7qm2xhd9p" → ["K7QM", "2XHD", "9P"]: the server's ten-character codes in groups of four.
 * Dashes and spaces already in the code are dropped first.
 */
export function groupCode(code: string): string[] {
	const clean = code.replace(/[\s-]/g, '').toUpperCase();
	const groups: string[] = [];
	for (let i = 0; i < clean.length; i += 4) groups.push(clean.slice(i, i + 4));
	return groups;
}

/** The code as people read and type it: "K7QM-2XHD-9P". */
export function formatCode(code: string): string {
	return groupCode(code).join('-');
}

/** The code spelt out character by character, groups separated by commas, for screen readers. */
export function spokenCode(code: string): string {
	return groupCode(code)
		.map((g) => g.split('').join(' '))
		.join(', ');
}

/** The absolute join link for a code (`/join/<code>`), on the given origin. */
export function joinLink(origin: string, code: string): string {
	return new URL(`/join/${encodeURIComponent(formatCode(code))}`, origin).href;
}
