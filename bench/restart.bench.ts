/**
 * Restart benchmark: a SQLite database with 20 live exercises (the quick-start scenario, each with a few hundred
 * inputs and its snapshots), then the server process started on it twice, in the same run: once restoring every
 * exercise before it listens (the old start-up, the baseline) and once listening at once and restoring in the
 * background (the current one). From the moment the process is spawned: the first HTTP answer, and for each
 * exercise the first successful `exercise:sync` of a facilitator socket (the exercise is usable). Prints a
 * Markdown section on stdout.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { createApp } from '../src/lib/server/app';
import { openStore } from '../src/lib/server/db';
import { fakeRequest } from '../src/lib/server/testing/harness';

const EXERCISES = 20;
const NOTES = 400;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

async function fill(db: string): Promise<{ cookie: string; ids: string[] }> {
	const app = createApp({ store: await openStore(db), scenariosDir: 'scenarios' });
	const req = fakeRequest();
	const f = await app.sessions.setup(req, {
		name: 'Bench',
		username: 'bench',
		password: 'lighthouse tanker ledger'
	});
	const ids: string[] = [];
	for (let e = 0; e < EXERCISES; e++) {
		const { id } = await app.exercises.create(f, {
			scenarioId: 'example-quickstart',
			organisation: `Org ${e}`,
			teams: ['soc', 'legal']
		});
		ids.push(id);
		const host = await app.hosts.get(id);
		const actor = { role: 'facilitator' as const, userId: f.userId, name: 'Bench' };
		await host.submit(actor, { type: 'exercise.start' }, `start-${id}`);
		for (let n = 0; n < NOTES; n++) {
			await host.submit(
				actor,
				{ type: 'note.add', noteId: `n${n}`, text: `Note ${n} of ${id}` },
				`n-${id}-${n}`
			);
		}
	}
	await app.close();
	return { cookie: `sb_session=${req.jar.get('sb_session')}`, ids };
}

/** Resolves with ms since `t0` once `url` answers HTTP. */
async function firstAnswer(url: string, t0: number): Promise<number> {
	for (;;) {
		try {
			await fetch(url);
			return performance.now() - t0;
		} catch {
			await sleep(5);
		}
	}
}

/** Resolves with ms since `t0` once a facilitator socket syncs the exercise. */
async function usable(url: string, cookie: string, id: string, t0: number): Promise<number> {
	const socket = io(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnectionDelay: 20 });
	try {
		for (;;) {
			if (!socket.connected) {
				await sleep(5);
				continue;
			}
			const res = await socket
				.timeout(30_000)
				.emitWithAck('exercise:sync', { exerciseId: id })
				.catch(() => null);
			if (res && 'data' in res) return performance.now() - t0;
			await sleep(20);
		}
	} finally {
		socket.disconnect();
	}
}

async function start(db: string, restore: string, cookie: string, ids: string[]) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const spawned = performance.now();
	const child = spawn(process.execPath, ['--import', 'tsx', 'bench/restart.server.ts'], {
		env: { ...process.env, BENCH_DB: db, PORT: String(port), RESTORE: restore },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	// Times count from the moment the process has loaded its modules (TypeScript compiled on the fly by tsx here,
	// which a built server does not do), so they show the app's own start-up.
	await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
	const t0 = performance.now();
	const modules = t0 - spawned;
	try {
		const [http, ...each] = await Promise.all([
			firstAnswer(url, t0),
			...ids.map((id) => usable(url, cookie, id, t0))
		]);
		each.sort((a, b) => a - b);
		return {
			modules,
			http,
			first: each[0],
			median: each[Math.floor(each.length / 2)],
			last: each.at(-1)!
		};
	} finally {
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await exited;
	}
}

const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-restart-'));
try {
	const db = path.join(dir, 'restart.db');
	const { cookie, ids } = await fill(db);
	const ms = (v: number) => `${Math.round(v)} ms`;
	const rows: string[] = [];
	for (const [label, restore] of [
		['baseline: restore every exercise, then listen', 'before-listen'],
		['listen at once, restore in the background', 'background']
	] as const) {
		const r = await start(db, restore, cookie, ids);
		rows.push(
			`| ${label} | ${ms(r.http)} | ${ms(r.first)} | ${ms(r.median)} | ${ms(r.last)} | ${ms(r.modules)} |`
		);
	}
	const load = loadavg()
		.map((l) => l.toFixed(1))
		.join(' / ');
	process.stdout.write(`## Restart with ${EXERCISES} live exercises

bench/restart.bench.ts: a SQLite database with ${EXERCISES} running quick-start exercises of ${NOTES + 1} inputs each
(snapshots every 200 inputs, the two newest kept); the server process (bench/restart.server.ts) is started on it
twice in the same run. Times are from the moment the process has loaded its modules (shown apart in the last
column: tsx compiles TypeScript on the fly here, which a built server does not): the first HTTP answer, and
when a facilitator socket that keeps asking first syncs each exercise. One socket per exercise asks from the
start, so in the background row every exercise is asked for at once.
Goal: HTTP within 1 s of start; each exercise usable as soon as it is restored.

| start-up | first HTTP answer | first exercise usable | median exercise usable | last exercise usable | loading modules |
|---|---|---|---|---|---|
${rows.join('\n')}

Load average while measuring: ${load} (the machine is shared).
`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
