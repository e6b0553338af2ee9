/**
 * What each room was last sent, and what to send it next. A change often leaves most rooms' views as they were
 * (one team's answer, a facilitator's note), so a room gets something only when it would show something new.
 * What it gets is a patch against the view it last got (`exercise:patch`, from → to), built once per room and
 * change and sent as the same bytes to every socket in the room; the whole view (`exercise:view`) goes out when
 * the room has none yet, when patches are switched off, or when the patch would not be smaller. The room's
 * last view is also what a socket joining it (sync, resync after a gap, a team move) is given whole, so every
 * member holds the same view at the same version and the next patch fits all of them.
 */
import type { WireView } from '$lib/realtime/wire-view';
import { viewPatch } from './view-diff';

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

/** A message for a room: the event and the JSON of its argument, built once. */
export interface RoomPush {
	event: 'exercise:view' | 'exercise:patch';
	json: string;
}

interface Sent {
	exerciseId: string;
	version: number;
	view: WireView;
	/** The JSON of the view without its header, and the header's lasting part: what "changed" compares. */
	body: string;
	head: string;
	/** The JSON of the whole view message, built when first needed. */
	full: string | null;
}

export interface RoomViewsOptions {
	/** Send patches (default); false sends every change as the whole view, as before patches existed. */
	patches?: boolean;
}

/** The last view sent to each room. */
export class RoomViews {
	readonly #sent = new Map<string, Sent>();
	readonly #patches: boolean;

	constructor(options: RoomViewsOptions = {}) {
		this.#patches = options.patches ?? true;
	}

	/**
	 * What `room` should be sent for `view` at `version`, or null when the room already shows what `view` shows;
	 * a message returned counts as sent. `force` moves the room to `version` even when nothing it shows changed
	 * (a socket is joining it and must not be handed a version older than one it held).
	 */
	next(
		room: string,
		exerciseId: string,
		version: number,
		view: WireView,
		line: ClockLine,
		force = false
	): RoomPush | null {
		const { header, ...rest } = view;
		const body = JSON.stringify(rest);
		const head = lastingHeader(header, line);
		const last = this.#sent.get(room);
		if (last && last.body === body && last.head === head && !(force && version > last.version)) return null;
		const sent: Sent = { exerciseId, version, view, body, head, full: null };
		this.#sent.set(room, sent);
		// A change at the version the room already holds (only time moved) has no from → to: sent whole.
		if (this.#patches && last && last.exerciseId === exerciseId && version > last.version) {
			const patch = JSON.stringify(viewPatch(last.view, view));
			if (patch.length < body.length) {
				return {
					event: 'exercise:patch',
					json: `{"exerciseId":${JSON.stringify(exerciseId)},"from":${last.version},"to":${version},"patch":${patch}}`
				};
			}
		}
		return { event: 'exercise:view', json: fullJson(sent) };
	}

	/** The view message `room` was last sent, whole (its JSON and version), or null when it has none. */
	last(room: string): { version: number; json: string; view: WireView } | null {
		const sent = this.#sent.get(room);
		if (!sent) return null;
		return { version: sent.version, json: fullJson(sent), view: sent.view };
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

function fullJson(sent: Sent): string {
	if (sent.full === null) {
		const { body, view, version, exerciseId } = sent;
		const fields = body === '{}' ? '}' : `,${body.slice(1)}`;
		sent.full = `{"exerciseId":${JSON.stringify(exerciseId)},"version":${version},"view":{"header":${JSON.stringify(view.header)}${fields}}`;
	}
	return sent.full;
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
