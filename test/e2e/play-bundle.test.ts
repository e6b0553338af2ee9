/**
 * The participant page stays light for phones on venue Wi-Fi: its first load carries no Markdown renderer or
 * HTML sanitiser (the server sends inject text already rendered) and no studio, schema or engine code, and
 * its gzipped JavaScript stays under a ceiling. Reads the build the browser tests run against; sizes are of
 * files on disk, not timings, so the check is deterministic for a given build.
 */
import { describe, expect, it } from 'vitest';
import { routeJs } from '../../scripts/route-js';

/** First-load ceiling in gzipped bytes; docs/benchmarks.md has the figure each run measured. */
const PLAY_CEILING = 75_000;

describe('the /play bundle', () => {
	const play = routeJs('/play/[exerciseId]');
	const firstLoad = play.files.filter((f) => !f.later);

	it('lists what each chunk holds (the build records it)', () => {
		expect(play.packages).not.toBeNull();
		expect(play.packages).toContain('socket.io-client');
	});

	it('ships no Markdown renderer, sanitiser, schema library, editor or engine', () => {
		const all = play.files.flatMap((f) => f.modules ?? []);
		for (const pkg of ['marked', 'sanitize-html', 'htmlparser2', 'postcss', 'zod', 'yaml', 'xstate'])
			expect(play.packages, pkg).not.toContain(pkg);
		expect(all.filter((m) => /^@codemirror|^codemirror|^@xyflow/.test(m))).toEqual([]);
		expect(all.filter((m) => m.startsWith('src/lib/engine/') || m === 'src/lib/markdown.ts')).toEqual([]);
	});

	it('loads the score and debrief only after the exercise ends', () => {
		const first = firstLoad.flatMap((f) => f.modules ?? []);
		expect(first).not.toContain('src/lib/components/ScoreSummary.svelte');
		expect(first).not.toContain('src/routes/play/[exerciseId]/TeamDebrief.svelte');
	});

	it(`stays under ${PLAY_CEILING / 1000} kB of gzipped JavaScript on first load`, () => {
		expect(play.firstLoadGzip).toBeLessThan(PLAY_CEILING);
	});
});
