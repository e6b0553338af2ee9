/**
 * Start-up benchmark: the time `npm start` takes to serve its first page on an unchanged checkout (the build
 * is skipped), beside the full production build it replaces, measured in the same run. Each start gets its own
 * empty SQLite database and port. Prints a Markdown section on stdout (bench/run.ts writes docs/benchmarks.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const STARTS = 3;

function seconds(ms: number): string {
	return (ms / 1000).toFixed(1);
}

function fullBuild(): number {
	rmSync('build', { recursive: true, force: true });
	const t0 = performance.now();
	const run = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
	return performance.now() - t0;
}

/** Time from spawning the command to the first 200 from `/`. `npm start` is what a user types; it adds npm's own start. */
async function firstPage(port: number, viaNpm: boolean): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'switchboard-start-'));
	const t0 = performance.now();
	const [cmd, args] = viaNpm ? ['npm', ['start']] : [process.execPath, ['scripts/start.mjs']];
	const child = spawn(cmd, args, {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: join(dir, 'sb.db') },
		stdio: 'ignore',
		detached: true
	});
	try {
		for (;;) {
			try {
				const res = await fetch(`http://127.0.0.1:${port}/`);
				if (res.status === 200) return performance.now() - t0;
			} catch {
				// not listening yet
			}
			if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
			await new Promise((r) => setTimeout(r, 25));
		}
	} finally {
		// npm runs the server in a child of its own: stop the whole process group.
		const exited = new Promise((r) => child.once('exit', r));
		process.kill(-child.pid!, 'SIGTERM');
		await exited;
		rmSync(dir, { recursive: true, force: true });
	}
}

const build = fullBuild();
const starts: number[] = [];
const npmStarts: number[] = [];
for (let i = 0; i < STARTS; i++) {
	npmStarts.push(await firstPage(4310 + 2 * i, true));
	starts.push(await firstPage(4311 + 2 * i, false));
}

console.log(`## Start-up

\`node scripts/start.mjs\` (what \`npm start\` runs) on an unchanged checkout checks a fingerprint of the sources (scripts/build-stamp.mjs), skips the
build and starts the server; the goal is a first page within 5 s. Baseline: the full production build that
\`npm start\` used to run on every start, measured in this run. Each start gets an empty database, so it also
creates the schema and imports the shipped scenarios. Load average at the end: ${loadavg()[0].toFixed(2)}.

| measure | seconds |
|---|---:|
| full build (\`npm run build\`, what every start used to cost before the server even began) | ${seconds(build)} |
${npmStarts.map((ms, i) => `| first page after \`npm start\`, unchanged checkout, run ${i + 1} | ${seconds(ms)} |`).join('\n')}
${starts.map((ms, i) => `| first page after \`node scripts/start.mjs\` (without npm), run ${i + 1} | ${seconds(ms)} |`).join('\n')}
`);
