/**
 * What each room was last sent. A change often leaves most rooms' views as they were (one team's answer, a
 * facilitator's note), and a 10–20 KB view re-sent to every socket of every room was most of the traffic under
 * load; so a room gets a view only when it would show something new.
 */
import type { View } from '$lib/engine/types';

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

/** The last view sent to each room, as JSON without the parts that change on their own. */
export class RoomViews {
	readonly #sent = new Map<string, string>();

	/** Whether `view` shows the room anything new since the last one sent to it; if so it counts as sent. */
	shouldSend(room: string, view: View, line: ClockLine): boolean {
		const print = fingerprint(view, line);
		if (this.#sent.get(room) === print) return false;
		this.#sent.set(room, print);
		return true;
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

// The version and the sliding anchor differ on every push; the clock line stands in for the anchor, so a
// pause and resume coalesced into one push still count as a change.
function fingerprint(view: View, line: ClockLine): string {
	const { header } = view;
	return JSON.stringify({
		...view,
		header: {
			...header,
			version: 0,
			anchor: { ...header.anchor, wall: line.anchorWall, scenario: line.anchorScenario }
		}
	});
}
