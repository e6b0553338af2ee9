/** Ids for imported teams, phases and injects: readable kebab-case words that the scenario schema accepts. */

/**
 * Lower-case kebab-case from any text, ASCII letters and digits only, at most five words and 32 characters cut at
 * a word ("Legal & Regulatory" → "legal-regulatory").
 */
export function slug(text: string, fallback = 'item'): string {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let base = '';
	for (const word of words.slice(0, 5)) {
		const next = base ? `${base}-${word}` : word;
		if (next.length > 32) break;
		base = next;
	}
	return base || words[0]?.slice(0, 32) || fallback;
}

/** Hands out ids that are unique within one scenario's kind of thing, adding -2, -3... to repeats. */
export class IdPool {
	readonly #taken = new Set<string>();

	/** A fresh id made from `text`. */
	take(text: string, fallback?: string): string {
		const base = slug(text, fallback);
		let id = base;
		for (let n = 2; this.#taken.has(id); n++) id = `${base}-${n}`;
		this.#taken.add(id);
		return id;
	}

	/** Reserves an id given by the source when it is valid and free; otherwise a fresh one from it. */
	keep(id: string, fallback?: string): string {
		if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id) && !this.#taken.has(id)) {
			this.#taken.add(id);
			return id;
		}
		return this.take(id, fallback);
	}
}
