/**
 * Which injects this browser has already shown, so the feed can count unread ones per channel. Kept in
 * localStorage per exercise and team, so a reload does not mark everything new again.
 */
import { SvelteSet } from 'svelte/reactivity';

/** Seen inject ids for one feed (one exercise, one team). */
export class FeedReadState {
	#key: string;
	#seen: SvelteSet<string>;

	constructor(exerciseId: string, scope: string) {
		this.#key = `switchboard:seen:${exerciseId}:${scope}`;
		this.#seen = new SvelteSet(load(this.#key));
	}

	/** The ids seen so far (reactive). */
	get seen(): ReadonlySet<string> {
		return this.#seen;
	}

	has(id: string): boolean {
		return this.#seen.has(id);
	}

	/** Marks injects as seen and remembers them. */
	markSeen(ids: Iterable<string>): void {
		let changed = false;
		for (const id of ids) {
			if (this.#seen.has(id)) continue;
			this.#seen.add(id);
			changed = true;
		}
		if (changed) save(this.#key, [...this.#seen]);
	}
}

function load(key: string): string[] {
	if (typeof localStorage === 'undefined') return [];
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

function save(key: string, ids: string[]): void {
	if (typeof localStorage === 'undefined') return;
	try {
		localStorage.setItem(key, JSON.stringify(ids));
	} catch {
		// Storage may be full or disabled (private mode); unread counts then simply reset on reload.
	}
}
