/**
 * Realtime benchmark: the real app (SQLite, socket.io) in this process, simulated participants as socket.io
 * clients in two worker processes, spread over exercises of 50 people (5 teams of 10). Measures inject fan-out
 * (an ad-hoc inject submitted on the server → each participant's view), answer-ack latency with answers arriving
 * at 200/s, and a bare socket.io broadcast of a payload the size of a team view to as many clients, in the same
 * run. Prints a Markdown section on stdout.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { createApp, type App } from '../src/lib/server/app';
import { openStore } from '../src/lib/server/db';
import { fakeRequest } from '../src/lib/server/testing/harness';

const SIZES = [500, 2000];
const PER_EXERCISE = 50;
const TEAMS = ['soc', 'neteng', 'legal', 'comms', 'exec'];
const DECISIONS = 30;
const ROUNDS = 5;
const ANSWER_RATE = 200;
const ANSWER_SECONDS = 5;
const WORKERS = 2;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const here = path.dirname(fileURLToPath(import.meta.url));

function scenarioYaml(): string {
	const teams = TEAMS.map(
		(id) => `  - { id: ${id}, name: ${id.toUpperCase()}, description: Team ${id}, roles: [Member] }`
	).join('\n');
	const injects = Array.from({ length: DECISIONS }, (_, i) =>
		[
			`  - id: i${i}`,
			`    phase: p1`,
			`    title: Signal ${i}`,
			`    channel: ticket`,
			`    to: all`,
			`    trigger: { at: 0m }`,
			`    body: Something happened (${i}) at {{org}}; logs attached for the team to read.`,
			`    decision:`,
			`      id: d${i}`,
			`      prompt: What do you do about signal ${i}?`,
			`      type: single`,
			`      objectives: [obj]`,
			`      options:`,
			`        - { id: a, label: Investigate, points: 5, rationale: Good. }`,
			`        - { id: b, label: Ignore, points: 0, rationale: Bad. }`
		].join('\n')
	).join('\n');
	return `id: bench
version: "1"
title: Bench
summary: Benchmark scenario.
audience: Bench
duration: 60
compression: 1
startsAt: "2024-10-08T09:00"
variables:
  org: { label: Org, default: Benchco }
objectives:
  - { id: obj, title: Objective, description: D, csf: [RS.AN], hseep: [Cybersecurity] }
teams:
${teams}
phases:
  - { id: p1, title: Phase, update: Update, questions: [Q] }
injects:
${injects}
`;
}

function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (values: number[]) =>
	values.length ? `${percentile(values, 50).toFixed(1)} / ${percentile(values, 99).toFixed(1)}` : 'n/a';

interface Worker {
	child: ChildProcess;
	request<T>(msg: unknown, reply: string): Promise<T>;
}

function startWorker(): Promise<Worker> {
	const child = fork(path.join(here, 'realtime.client.ts'), [], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const request = <T>(msg: unknown, reply: string) =>
		new Promise<T>((resolve, reject) => {
			const on = (m: { type: string; message?: string }) => {
				if (m.type === 'error') return (child.off('message', on), reject(new Error(m.message)));
				if (m.type !== reply) return;
				child.off('message', on);
				resolve(m as T);
			};
			child.on('message', on);
			if (msg) child.send(msg as never);
		});
	return request('', 'ready').then(() => ({ child, request }));
}

interface Row {
	size: number;
	exercises: number;
	fanout: number[];
	bare: number[];
	acks: number[];
	answers: number;
	errors: number;
	viewBytes: number;
	setupS: number;
}

async function measure(size: number, dir: string): Promise<Row> {
	const setupStart = now();
	const store = await openStore(path.join(dir, `bench-${size}.db`));
	const app: App = createApp({ store, scenariosDir: dir, log: (e, c) => console.error(`[bench] ${c}`, e) });
	const http = createServer();
	app.attachRealtime(http);
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const bareHttp = createServer();
	const bareIo = new Server(bareHttp, { serveClient: false });
	await new Promise<void>((r) => bareHttp.listen(0, '127.0.0.1', r));
	const bareUrl = `http://127.0.0.1:${(bareHttp.address() as AddressInfo).port}`;

	const f = await app.sessions.setup(fakeRequest(), {
		name: 'Bench',
		username: 'bench',
		password: 'bench password'
	});
	const exercises = size / PER_EXERCISE;
	const seats: { cookie: string; exerciseId: string; teamId: string; worker: number; index: number }[] = [];
	const perWorker: { cookie: string; exerciseId: string }[][] = Array.from({ length: WORKERS }, () => []);
	const ids: string[] = [];
	for (let e = 0; e < exercises; e++) {
		const { id, joinCode } = await app.exercises.create(f, {
			scenarioId: 'bench',
			organisation: `Org ${e}`,
			teams: TEAMS
		});
		ids.push(id);
		const host = await app.hosts.get(id);
		await host.submit({ role: 'facilitator', userId: f.userId }, { type: 'exercise.start' }, `start-${id}`);
		const worker = e % WORKERS;
		for (let p = 0; p < PER_EXERCISE; p++) {
			const teamId = TEAMS[p % TEAMS.length];
			const req = fakeRequest();
			await app.seats.join(req, { code: joinCode, name: `P${e}-${p}`, teamId });
			const cookie = `sb_seat=${req.jar.get('sb_seat')}`;
			seats.push({ cookie, exerciseId: id, teamId, worker, index: perWorker[worker].length });
			perWorker[worker].push({ cookie, exerciseId: id });
		}
	}
	const workers = await Promise.all(Array.from({ length: WORKERS }, startWorker));
	await Promise.all(
		workers.map((w, i) => w.request({ type: 'connect', url, seats: perWorker[i] }, 'connected'))
	);
	const setupS = (now() - setupStart) / 1000;

	// Inject fan-out: one ad-hoc inject to all teams in every exercise per round.
	const rounds: { t0: Map<string, number>; version: Map<string, number> }[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		const t0 = new Map<string, number>();
		const version = new Map<string, number>();
		await Promise.all(
			ids.map(async (id) => {
				const host = await app.hosts.get(id);
				t0.set(id, now());
				const res = await host.submit(
					{ role: 'facilitator', userId: f.userId },
					{
						type: 'inject.adhoc',
						inject: {
							id: `adhoc-${r}`,
							title: `Update ${r}`,
							body: 'A new development for every team.',
							channel: 'news',
							audience: 'all'
						}
					},
					`adhoc-${id}-${r}`
				);
				version.set(id, res.version);
			})
		);
		rounds.push({ t0, version });
		await sleep(size >= 2000 ? 1500 : 700);
	}
	const sample = await app.hosts.get(ids[0]);
	const viewBytes = JSON.stringify(sample.view({ role: 'participant', teamId: 'soc' })).length;

	// Bare socket.io broadcast of a payload as large as a team view, to as many clients.
	await Promise.all(
		workers.map((w) => w.request({ type: 'bare', url: bareUrl, count: size / WORKERS }, 'bare-connected'))
	);
	const pad = 'x'.repeat(viewBytes);
	for (let r = 0; r < ROUNDS; r++) {
		bareIo.emit('bench', { t: now(), pad });
		await sleep(size >= 2000 ? 1000 : 500);
	}

	// Answers at 200/s, each from a participant of the answering team, one per (exercise, team, decision).
	const total = ANSWER_RATE * ANSWER_SECONDS;
	const jobs: { worker: number; seat: number; decisionId: string; option: string }[] = [];
	const byTeam = new Map<string, typeof seats>();
	for (const s of seats) {
		const k = `${s.exerciseId}:${s.teamId}`;
		byTeam.set(k, [...(byTeam.get(k) ?? []), s]);
	}
	const groups = [...byTeam.values()];
	for (let d = 0; jobs.length < total && d < DECISIONS; d++) {
		for (const group of groups) {
			if (jobs.length >= total) break;
			const s = group[d % group.length];
			jobs.push({ worker: s.worker, seat: s.index, decisionId: `d${d}`, option: d % 2 ? 'a' : 'b' });
		}
	}
	await Promise.all(
		workers.map((w, i) => {
			const mine = jobs.filter((j) => j.worker === i);
			return w.request(
				{ type: 'answer', jobs: mine, perSecond: (ANSWER_RATE * mine.length) / jobs.length },
				'answered'
			);
		})
	);
	await sleep(500);

	type Report = {
		views: [string, number, number][];
		bare: number[];
		acks: number[];
		errors: number;
		errorCodes: Record<string, number>;
	};
	const reports = await Promise.all(workers.map((w) => w.request<Report>({ type: 'report' }, 'report')));
	const fanout: number[] = [];
	for (const report of reports) {
		// Per socket and round: the first view at or past the round's version. Views arrive per socket in order,
		// so grouping by exercise is enough when each socket's receipts are consecutive rows of the same exercise.
		const byExercise = new Map<string, [number, number][]>();
		for (const [id, version, t] of report.views)
			byExercise.set(id, [...(byExercise.get(id) ?? []), [version, t]]);
		for (const [id, rows] of byExercise) {
			for (const round of rounds) {
				const v = round.version.get(id)!;
				const t0 = round.t0.get(id)!;
				for (const [version, t] of rows) if (version === v) fanout.push(t - t0);
			}
		}
	}
	const errorCodes = reports.reduce<Record<string, number>>((acc, r) => {
		for (const [k, n] of Object.entries(r.errorCodes)) acc[k] = (acc[k] ?? 0) + n;
		return acc;
	}, {});
	if (Object.keys(errorCodes).length) console.error(`[bench] answer errors at ${size}:`, errorCodes);

	await Promise.all(workers.map((w) => w.request({ type: 'close' }, 'closed')));
	await new Promise<void>((r) => bareIo.close(() => r()));
	await app.close();
	http.closeAllConnections();
	return {
		size,
		exercises,
		fanout,
		bare: reports.flatMap((r) => r.bare),
		acks: reports.flatMap((r) => r.acks),
		answers: jobs.length,
		errors: reports.reduce((n, r) => n + r.errors, 0),
		viewBytes,
		setupS
	};
}

/** Mean time of one command through the host with nobody connected (queue → engine → store commit). */
async function serialSubmitMs(dir: string): Promise<number> {
	const app = createApp({ store: await openStore(path.join(dir, 'serial.db')), scenariosDir: dir });
	const f = await app.sessions.setup(fakeRequest(), {
		name: 'Bench',
		username: 'bench',
		password: 'bench password'
	});
	const { id } = await app.exercises.create(f, { scenarioId: 'bench', organisation: 'Org', teams: TEAMS });
	const host = await app.hosts.get(id);
	await host.submit({ role: 'facilitator' }, { type: 'exercise.start' }, 'start');
	const n = 200;
	const t = now();
	for (let i = 0; i < n; i++) {
		await host.submit(
			{ role: 'facilitator' },
			{ type: 'note.add', noteId: `n${i}`, text: `note ${i}` },
			`k${i}`
		);
	}
	const ms = (now() - t) / n;
	await app.close();
	return ms;
}

const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-'));
writeFileSync(path.join(dir, 'bench.yaml'), scenarioYaml());
const rows: Row[] = [];
let commitMs = NaN;
try {
	commitMs = await serialSubmitMs(dir);
	for (const size of SIZES) {
		process.stderr.write(`realtime bench: ${size} participants\n`);
		rows.push(await measure(size, dir));
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}

const lines = [
	'## Realtime (socket.io server)',
	'',
	`bench/realtime.bench.ts: the app with SQLite in one process, participants as socket.io clients (websocket) in ${WORKERS}`,
	`worker processes, exercises of ${PER_EXERCISE} people in ${TEAMS.length} teams. Fan-out: an ad-hoc inject submitted`,
	'on the server (queue → engine → SQLite commit → views per room) until each participant has its view;',
	`${ROUNDS} rounds, one inject per exercise per round. Bare broadcast: a plain socket.io server emitting a payload`,
	`the size of a team view to as many clients, same run. Answers: ${ANSWER_RATE}/s for ${ANSWER_SECONDS} s, emit → ack`,
	'(ack after commit). Latencies in ms, p50 / p99.',
	'',
	'| participants | exercises | team view (bytes) | inject fan-out | bare broadcast | answer ack | answers (errors) |',
	'|---:|---:|---:|---:|---:|---:|---:|',
	...rows.map(
		(r) =>
			`| ${r.size} | ${r.exercises} | ${r.viewBytes} | ${fmt(r.fanout)} (n=${r.fanout.length}) | ${fmt(r.bare)} (n=${r.bare.length}) | ${fmt(r.acks)} | ${r.answers} (${r.errors}) |`
	),
	'',
	`One command through the host, serially with nobody connected (queue → engine → SQLite commit): ${commitMs.toFixed(2)} ms mean.`,
	'',
	`Setup (seats, connections, syncs): ${rows.map((r) => `${r.size}: ${r.setupS.toFixed(1)} s`).join(', ')}.`
];
process.stdout.write(lines.join('\n') + '\n');
process.exit(0);
