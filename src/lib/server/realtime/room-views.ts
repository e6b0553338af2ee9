/**
 * What each room was last sent. A change often leaves most rooms' views as they were (one team's answer, a
 * facilitator's note), and a 10–20 KB view re-sent to every socket of every room was most of the traffic under
 * load; so a room gets a view only when it would show something new. The JSON built for that comparison is
 * the JSON sent, so a view is serialised once per room and change.
 */
import type { WireView } from '$lib/realtime/wire-view';

/**
 * The wall ↔ scenario line of the exercise clock. It moves only on start, pause, resume and speed changes; in
 * between, a view's anchor slides along it, and an older anchor on the same line yields the same times.
 */
export interface ClockLine {
	anchorWall: number;
	anchorScenario: number;
	compression: number;
	running: boolean;
}

/** The last view sent to each room: its JSON without the header, and the header's lasting part. */
export class RoomViews {
	readonly #sent = new Map<string, { body: string; head: string }>();

	/**
	 * The JSON of the view message `{ exerciseId, version, view }` for `room`, or null when the room already
	 * shows what `view` shows; a message returned counts as sent.
	 */
	next(room: string, exerciseId: string, version: number, view: WireView, line: ClockLine): string | null {
		const { header, ...rest } = view;
		const body = JSON.stringify(rest);
		const head = lastingHeader(header, line);
		const last = this.#sent.get(room);
		if (last && last.body === body && last.head === head) return null;
		this.#sent.set(room, { body, head });
		const fields = body === '{}' ? '}' : `,${body.slice(1)}`;
		return `{"exerciseId":${JSON.stringify(exerciseId)},"version":${version},"view":{"header":${JSON.stringify(header)}${fields}}`;
	}

	/** Forgets a room (its last socket left), so whoever joins it next is never assumed to hold a view. */
	forget(room: string): void {
		this.#sent.delete(room);
	}

	/** Number of rooms remembered. */
	get size(): number {
		return this.#sent.size;
	}
}

// The version and the anchor's wall and scenario times differ on every push; the clock line stands in for the
// anchor, so a pause and resume coalesced into one push still count as a change.
function lastingHeader(header: WireView['header'], line: ClockLine): string {
	return JSON.stringify({
		...header,
		version: 0,
		anchor: { ...header.anchor, wall: line.anchorWall, scenario: line.anchorScenario }
	});
}
