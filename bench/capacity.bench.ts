/**
 * Capacity benchmark: how many participants one app process holds, and what each connection costs in memory.
 * BENCH_CAPACITY (default 10,000) participants in exercises of 50 (5 teams of 10) connect from four client
 * worker processes and sync their team's view; then one ad-hoc inject goes to every exercise at once. The
 * baseline, in the same run and process after the app has closed: a bare socket.io server holding the same
 * number of sockets in the same room layout, sent the same bytes the app pushed to each room. The app and the
 * bare server run one after the other because both at once would hold twice the sockets, past this machine's
 * 20,000 open files per process. Prints a Markdown section on stdout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Server } from 'socket.io';
import { createApp, type App } from '../src/lib/server/app';
import { openStore } from '../src/lib/server/db';
import { silentLogger } from '../src/lib/server/log';
import { fakeRequest } from '../src/lib/server/testing/harness';
import {
	listen,
	monotonicMs as now,
	percentile,
	scenarioYaml,
	sleep,
	startWorker,
	TEAMS,
	type Worker
} from './realtime.support';

const SIZE = Number(process.env.BENCH_CAPACITY ?? 10_000);
const PER_EXERCISE = 50;
const WORKERS = 4;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Memory of this process after two full collections, in bytes. */
async function memory(): Promise<{ rss: number; heap: number }> {
	for (let i = 0; i < 2; i++) {
		gc();
		await sleep(200);
	}
	const m = process.memoryUsage();
	return { rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers };
}

type Seat = { cookie: string; exerciseId: string; bareRoom: string };

async function stopWorkers(workers: Worker[]): Promise<void> {
	await Promise.all(workers.map((w) => w.request({ type: 'close' }, 'closed')));
	await Promise.all(
		workers.map((w) => (w.child.exitCode === null ? new Promise((r) => w.child.once('exit', r)) : null))
	);
}

/** Connected sockets, memory before and after, and one inject's fan-out, for one side (app or bare). */
interface Side {
	connected: number;
	connectS: number;
	before: { rss: number; heap: number };
	after: { rss: number; heap: number };
	fanout: number[];
	received: number;
}

async function settle(workers: Worker[], kind: 'views' | 'bare', target: number): Promise<void> {
	const deadline = now() + 120_000;
	for (;;) {
		const all = await Promise.all(
			workers.map((w) => w.request<{ views: number; bare: number }>({ type: 'count' }, 'count'))
		);
		if (all.reduce((n, c) => n + c[kind], 0) >= target || now() > deadline) return;
		await sleep(100);
	}
}

async function appSide(dir: string): Promise<{ side: Side; pushed: Map<string, string>; setupS: number }> {
	const setupStart = now();
	const store = await openStore(path.join(dir, 'capacity.db'));
	const app: App = createApp({
		store,
		scenariosDir: dir,
		logger: silentLogger,
		log: (e, c) => console.error(`[bench] ${c}`, e)
	});
	const http = createServer();
	const realtime = app.attachRealtime(http);
	const url = await listen(http);
	const f = await app.sessions.setup(fakeRequest(), {
		name: 'Bench',
		username: 'bench',
		password: 'lighthouse tanker ledger'
	});
	const perWorker: Seat[][] = Array.from({ length: WORKERS }, () => []);
	const ids: string[] = [];
	const bareRoomOf = new Map<string, string>();
	for (let e = 0; e < SIZE / PER_EXERCISE; e++) {
		const { id, joinCode } = await app.exercises.create(f, {
			scenarioId: 'bench',
			organisation: `Org ${e}`,
			teams: TEAMS
		});
		ids.push(id);
		TEAMS.forEach((t) => bareRoomOf.set(`exercise:${id}:team:${t}`, `${e}:${t}`));
		const host = await app.hosts.get(id);
		await host.submit({ role: 'facilitator', userId: f.userId }, { type: 'exercise.start' }, `start-${id}`);
		for (let p = 0; p < PER_EXERCISE; p++) {
			const teamId = TEAMS[p % TEAMS.length];
			const k = e * PER_EXERCISE + p;
			// One address per simulated device, as on a venue network; one address is rate-limited like one device.
			const req = fakeRequest(
				undefined,
				`10.${Math.floor(k / 62_500)}.${Math.floor(k / 250) % 250}.${(k % 250) + 1}`
			);
			await app.seats.join(req, { code: joinCode, name: `P${e}-${p}`, teamId });
			perWorker[e % WORKERS].push({
				cookie: `sb_seat=${req.jar.get('sb_seat')}`,
				exerciseId: id,
				bareRoom: `${e}:${teamId}`
			});
		}
	}
	const setupS = (now() - setupStart) / 1000;
	const workers = await Promise.all(Array.from({ length: WORKERS }, startWorker));
	const before = await memory();
	const connectStart = now();
	const connected = (
		await Promise.all(
			workers.map((w, i) =>
				w.request<{ count: number }>({ type: 'connect', url, bareUrl: '', seats: perWorker[i] }, 'connected')
			)
		)
	).reduce((n, c) => n + c.count, 0);
	const connectS = (now() - connectStart) / 1000;
	const after = await memory();

	const pushed = new Map<string, string>();
	const stop = realtime.onPush(({ room, json }) => {
		const bare = bareRoomOf.get(room);
		if (bare) pushed.set(bare, json);
	});
	const baseline = (
		await Promise.all(workers.map((w) => w.request<{ views: number }>({ type: 'count' }, 'count')))
	).reduce((n, c) => n + c.views, 0);
	const hosts = await Promise.all(ids.map((id) => app.hosts.get(id)));
	const start = now();
	await Promise.all(
		hosts.map((host) =>
			host.submit(
				{ role: 'facilitator', userId: f.userId },
				{
					type: 'inject.adhoc',
					inject: {
						id: 'capacity-adhoc',
						title: 'Status update',
						body: 'The bridge call moves to 14:00; every team lead joins.',
						channel: 'email',
						audience: 'all'
					}
				},
				`adhoc-${host.exerciseId}`
			)
		)
	);
	await settle(workers, 'views', baseline + SIZE);
	stop();
	const receipts = await Promise.all(
		workers.map((w) => w.request<{ views: [string, number, number][] }>({ type: 'receipts' }, 'receipts'))
	);
	const fanout = receipts.flatMap((r) => r.views.filter(([, , t]) => t >= start).map(([, , t]) => t - start));
	await stopWorkers(workers);
	await app.close();
	http.closeAllConnections();
	await new Promise<void>((r) => http.close(() => r()));
	return { side: { connected, connectS, before, after, fanout, received: fanout.length }, pushed, setupS };
}

async function bareSide(seats: Seat[][], pushed: Map<string, string>): Promise<Side> {
	const http = createServer();
	const io = new Server(http, { serveClient: false });
	io.on('connection', (s) => s.join(String(s.handshake.auth.room)));
	const bareUrl = await listen(http);
	const workers = await Promise.all(Array.from({ length: WORKERS }, startWorker));
	const before = await memory();
	const connectStart = now();
	const connected = (
		await Promise.all(
			workers.map((w, i) =>
				w.request<{ bareCount: number }>({ type: 'connect', url: '', bareUrl, seats: seats[i] }, 'connected')
			)
		)
	).reduce((n, c) => n + c.bareCount, 0);
	const connectS = (now() - connectStart) / 1000;
	const after = await memory();
	const t = now();
	for (const [room, json] of pushed) io.to(room).emit('bench', { ...JSON.parse(json), t });
	await settle(workers, 'bare', SIZE);
	const receipts = await Promise.all(
		workers.map((w) => w.request<{ bare: number[] }>({ type: 'receipts' }, 'receipts'))
	);
	const fanout = receipts.flatMap((r) => r.bare);
	await stopWorkers(workers);
	await new Promise<void>((r) => io.close(() => r()));
	return { connected, connectS, before, after, fanout, received: fanout.length };
}

const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-capacity-'));
writeFileSync(path.join(dir, 'bench.yaml'), scenarioYaml());
const load = loadavg()
	.map((l) => l.toFixed(1))
	.join(' / ');
const { side: app, pushed, setupS } = await appSide(dir);
// The same seats, reused for their room layout only: the bare server has no cookies to check.
const layout: Seat[][] = Array.from({ length: WORKERS }, () => []);
for (let e = 0; e < SIZE / PER_EXERCISE; e++)
	for (let p = 0; p < PER_EXERCISE; p++)
		layout[e % WORKERS].push({ cookie: '', exerciseId: '', bareRoom: `${e}:${TEAMS[p % TEAMS.length]}` });
const bare = await bareSide(layout, pushed);
rmSync(dir, { recursive: true, force: true });

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const perConnection = (s: Side, k: 'rss' | 'heap') =>
	kb((s.after[k] - s.before[k]) / Math.max(1, s.connected));
const ms = (values: number[], p: number) => (values.length ? percentile(values, p).toFixed(0) : 'n/a');
const row = (name: string, s: Side, rss: boolean) =>
	`| ${name} | ${s.connected.toLocaleString('en')} | ${s.connectS.toFixed(1)} s | ${perConnection(s, 'heap')} kB | ${rss ? `${perConnection(s, 'rss')} kB / ${(s.after.rss / 1024 / 1024).toFixed(0)} MB` : 'n/a'} | ${ms(s.fanout, 50)} / ${ms(s.fanout, 99)} ms | ${s.received.toLocaleString('en')} |`;

console.log(`## Capacity of one node: ${SIZE.toLocaleString('en')} participants

\`bench/capacity.bench.ts\`. ${SIZE.toLocaleString('en')} participants in ${SIZE / PER_EXERCISE} exercises of ${PER_EXERCISE} (5 teams of 10), on SQLite, connected from ${WORKERS} client processes; each syncs its team's view. Then one ad-hoc inject goes to every exercise at once, timed from the moment the injects are handed to the hosts (so it includes each host's commit to the store) to each participant's receipt; the bare server's time runs from its emit. The fan-out comparison the realtime goals are set on, push against bare broadcast, is in the realtime section. Baseline, in the same run and process once the app has closed: a bare socket.io server holding the same number of sockets in the same room layout, sent the bytes the app last pushed to each room. Memory is measured after two full garbage collections, before and after the connections; per connection is the difference divided by the sockets connected. Heap counts the JavaScript heap plus external and array-buffer memory; RSS is the resident size of the process. Setting up the exercises and seats took ${setupS.toFixed(0)} s. Load average at the start: ${load}.

| server | connected | connecting took | heap per connection | RSS per connection / in all | inject to receipt p50 / p99 | views received |
|---|---:|---:|---:|---:|---:|---:|
${row('Switchboard', app, true)}
${row('bare socket.io', bare, false)}

The bare server's RSS is not given: it runs after the app in the same process, which keeps the pages the app
used, so its resident size says nothing about its sockets.
`);
process.exit(app.connected === SIZE && app.received >= SIZE ? 0 : 1);
