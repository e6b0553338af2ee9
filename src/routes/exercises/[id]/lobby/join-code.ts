/** Presentation of join codes: grouped for reading aloud and typing from a projector. */

/**
 * "K7QM-2XHD-9P" or "k7qm2xhd9p" → ["K7QM", "2XHD", "9P"]: the server's ten-character codes in groups of four,
 * to read aloud from a projector. Dashes and spaces already in the code are dropped first.
 */
export function groupCode(code: string): string[] {
	const clean = code.replace(/[\s-]/g, '').toUpperCase();
	const groups: string[] = [];
	for (let i = 0; i < clean.length; i += 4) groups.push(clean.slice(i, i + 4));
	return groups;
}

/** The absolute join link for a code (`/join/<code>`), on the origin the facilitator's browser used. */
export function joinLink(origin: string, code: string): string {
	return new URL(`/join/${encodeURIComponent(code)}`, origin).href;
}

/** The code spelt out character by character, groups separated by commas, for screen readers. */
export function spokenCode(code: string): string {
	return groupCode(code)
		.map((g) => g.split('').join(' '))
		.join(', ');
}
