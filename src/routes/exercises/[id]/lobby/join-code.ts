/** Presentation of join codes: grouped for reading aloud and typing from a projector. */

/** "K7QF9M" → ["K7Q", "F9M"]: groups of three (four for long codes) to read aloud from a projector. */
export function groupCode(code: string): string[] {
	const clean = code.replace(/[\s-]/g, '').toUpperCase();
	const size = clean.length > 9 ? 4 : 3;
	const groups: string[] = [];
	for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size));
	return groups;
}

/** The absolute join link for a code (`/join/<code>`), on the origin the facilitator's browser used. */
export function joinLink(origin: string, code: string): string {
	return new URL(`/join/${encodeURIComponent(code)}`, origin).href;
}
