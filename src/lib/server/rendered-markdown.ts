/**
 * Markdown rendered once on the server. Inject bodies, phase updates (and in-world message bodies) are the same
 * text for every member of a team and usually for every team, and a view is rebuilt for each room on every
 * change; so each distinct text is rendered and sanitised once and the HTML reused, keyed by the text itself
 * (a text is its own cache key: an edited or differently filled text is simply another entry).
 */
import { renderMarkdown } from '$lib/markdown';
import type { SafeHtml } from '$lib/safe-html';

/** A bounded cache of rendered Markdown; the least recently used text is dropped first. */
export class RenderedMarkdown {
	readonly #html = new Map<string, SafeHtml>();
	#renders = 0;

	constructor(private readonly capacity = 5000) {}

	/** The sanitised HTML of `markdown`, rendered on first use. */
	html(markdown: string): SafeHtml {
		const cached = this.#html.get(markdown);
		if (cached !== undefined) {
			// Map keeps insertion order: re-inserting marks the entry as the most recently used.
			this.#html.delete(markdown);
			this.#html.set(markdown, cached);
			return cached;
		}
		const html = renderMarkdown(markdown);
		this.#renders++;
		this.#html.set(markdown, html);
		if (this.#html.size > this.capacity) this.#html.delete(this.#html.keys().next().value!);
		return html;
	}

	/** How many texts were rendered (cache misses) so far. */
	get renders(): number {
		return this.#renders;
	}

	get size(): number {
		return this.#html.size;
	}
}

/** The process-wide cache the views and any other server-rendered text share. */
export const renderedMarkdown = new RenderedMarkdown();

/** Markdown → sanitised HTML through the shared cache. */
export function markdownHtml(markdown: string): SafeHtml {
	return renderedMarkdown.html(markdown);
}
