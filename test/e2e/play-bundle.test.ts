/**
 * The participant page stays light for phones on venue Wi-Fi: its first load carries no Markdown renderer or
 * HTML sanitiser (the server sends inject text already rendered) and no studio, schema or engine code, and
 * its gzipped JavaScript stays under a ceiling. Reads the build the browser tests run against; sizes are of
 * files on disk, not timings, so the check is deterministic for a given build.
 */
import { describe, expect, it } from 'vitest';
import { routeJs } from '../../scripts/route-js';

/**
 * First-load ceiling in gzipped bytes, a guard against regressions (76.4 kB measured with the messaging UI; the
 * issue's goal of 60 kB is not met yet). docs/benchmarks.md has the figure each bench run measured.
 */
// A regression guard, not the goal: issue 12 asks for 60 kB; measured 81.6 kB after the phone-first play page landed,
// 93.0 kB once the page carried its words in English and French (Paraglide ships both languages' messages).
const PLAY_CEILING = 95_000;
/**
 * Engine modules the page may carry: the types module's constant lists and the small pure helpers the message
 * thread formats with. Nothing else of the engine may ride along.
 */
const ENGINE_HELPERS = [
	'src/lib/engine/types.ts',
	'src/lib/engine/calendar.ts',
	'src/lib/engine/messages/record.ts'
];

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
		expect(
			all.filter((m) => /^@codemirror|^codemirror|^@xyflow|^@dagrejs|^exceljs|^papaparse/.test(m))
		).toEqual([]);
		expect(
			all.filter((m) => m.startsWith('src/lib/studio/') || m.startsWith('src/routes/scenarios/'))
		).toEqual([]);
		const engine = all.filter((m) => m.startsWith('src/lib/engine/') && !ENGINE_HELPERS.includes(m));
		expect(engine).toEqual([]);
		expect(all).not.toContain('src/lib/markdown.ts');
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
