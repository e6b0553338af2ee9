/**
 * Page weight of the participant page: the gzipped JavaScript /play/[exerciseId] loads on a first visit (client
 * entry, route nodes and every chunk they import; dynamic imports counted apart), for this checkout and for the
 * baseline commit before Markdown moved to the server, both built in this run. The baseline is built in a
 * temporary git worktree that borrows this checkout's node_modules. Prints a Markdown section on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { routeJs, type RouteJs } from '../scripts/route-js';

/** main before the participant page stopped shipping marked and sanitize-html. */
const BASELINE = '7f0b6c2';
const ROUTES = ['/play/[exerciseId]', '/', '/observe/[exerciseId]'];
const TARGET = 60_000;

function build(cwd: string): void {
	const run = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd,
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(`build in ${cwd} failed:\n${run.stdout}\n${run.stderr}`);
}

function measure(cwd: string): Record<string, RouteJs> {
	build(cwd);
	return Object.fromEntries(ROUTES.map((r) => [r, routeJs(r, join(cwd, '.svelte-kit', 'output'))]));
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

const base = mkdtempSync(join(tmpdir(), 'switchboard-bundle-'));
const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
try {
	if (git('worktree', 'add', '--detach', base, BASELINE).status !== 0)
		throw new Error('git worktree add failed');
	symlinkSync(resolve('node_modules'), join(base, 'node_modules'));
	const before = measure(base);
	const after = measure('.');
	const rows = ROUTES.map(
		(r) =>
			`| \`${r}\` | ${kB(before[r].firstLoadGzip)} | ${kB(after[r].firstLoadGzip)} | ${kB(after[r].laterGzip)} |`
	);
	const play = after['/play/[exerciseId]'];
	console.log(`## Participant page weight

Gzipped JavaScript a browser loads on a first visit (scripts/route-js.ts): the client entry, the route's nodes
and every chunk they import. Baseline: commit ${BASELINE}, built in the same run.

| Route | Baseline | Now | Later (dynamic imports) |
|---|---|---|---|
${rows.join('\n')}

/play target: at most ${kB(TARGET)}; ${play.firstLoadGzip <= TARGET ? 'met' : 'not met'} (${kB(play.firstLoadGzip)}).
Packages /play ships now: ${play.packages?.join(', ') ?? 'unknown'}.
`);
} finally {
	git('worktree', 'remove', '--force', base);
	rmSync(base, { recursive: true, force: true });
}
