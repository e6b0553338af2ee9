/**
 * Patch benchmark: what an ad-hoc inject costs each participant on the wire, with changes pushed as patches
 * against the view a room holds and, as the baseline measured in the same run, as whole team views (the app
 * with patches switched off). One flagship exercise (salt-typhoon, six teams of five) is played the same way in
 * both: started, moved on from inject to inject, and at three points three ad-hoc injects go to every team. The
 * bytes are the text of every socket.io packet each participant's socket receives, counted in the client.
 * Prints a Markdown section on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createApp } from '../src/lib/server/app';
import { openStore } from '../src/lib/server/db';
import { wireView } from '../src/lib/server/realtime/wire-views';
import { fakeRequest } from '../src/lib/server/testing/harness';
import { sleep } from './realtime.support';

const TEAMS = ['soc', 'neteng', 'li', 'legal', 'comms', 'exec'];
const PER_TEAM = 5;
/** Jumps to the next scheduled inject before each measuring point (cumulative). */
const STAGES = [0, 4, 12];
const INJECTS_PER_STAGE = 3;

interface Stage {
	jumps: number;
	feed: number;
	viewBytes: number;
	perInject: number;
}

async function play(patches: boolean, dir: string): Promise<Stage[]> {
	const store = await openStore(path.join(dir, `patches-${patches}.db`));
	const app = createApp({ store, scenariosDir: 'scenarios', viewPatches: patches, log: () => undefined });
	const http = createServer();
	app.attachRealtime(http);
	await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const f = await app.sessions.setup(fakeRequest(), {
		name: 'Bench',
		username: 'bench',
		password: 'lighthouse tanker ledger'
	});
	const { id, joinCode } = await app.exercises.create(f, { scenarioId: 'salt-typhoon', teams: TEAMS });
	const host = await app.hosts.get(id);
	const facilitator = { role: 'facilitator' as const, userId: f.userId };
	let serial = 0;
	const submit = (command: Parameters<typeof host.submit>[1]) =>
		host.submit(facilitator, command, `bench-${++serial}`);

	const clients: { socket: Socket; bytes: number; messages: number; team: string }[] = [];
	for (const team of TEAMS) {
		for (let p = 0; p < PER_TEAM; p++) {
			// Its own address each, so the join rate limit (per address) does not refuse the bench's seats.
			const req = fakeRequest(undefined, `10.1.0.${clients.length + 1}`);
			await app.seats.join(req, { code: joinCode, name: `${team}-${p}`, teamId: team });
			const socket = io(url, {
				transports: ['websocket'],
				forceNew: true,
				reconnection: false,
				extraHeaders: { cookie: `sb_seat=${req.jar.get('sb_seat')}` }
			});
			const client = { socket, bytes: 0, messages: 0, team };
			socket.io.on('open', () =>
				socket.io.engine.on('packet', (packet: { data?: unknown }) => {
					if (typeof packet.data !== 'string') return;
					client.bytes += Buffer.byteLength(packet.data);
					if (/^\d*\["exercise:(view|patch)"/.test(packet.data)) client.messages++;
				})
			);
			await new Promise<void>((resolve, reject) => {
				socket.once('connect_error', reject);
				socket.once('connect', () => socket.emit('exercise:sync', { exerciseId: id }, () => resolve()));
			});
			clients.push(client);
		}
	}
	await submit({ type: 'exercise.start' });
	await sleep(200);

	const stages: Stage[] = [];
	let jumped = 0;
	for (const jumps of STAGES) {
		for (; jumped < jumps; jumped++) await submit({ type: 'clock.jump', to: { kind: 'next-inject' } });
		await sleep(200);
		const soc = host.view({ role: 'participant', teamId: 'soc' });
		const views = TEAMS.map((teamId) =>
			JSON.stringify({
				exerciseId: id,
				version: host.version,
				view: wireView(host.view({ role: 'participant', teamId }))
			})
		);
		const before = clients.reduce((n, c) => n + c.bytes, 0);
		for (let i = 0; i < INJECTS_PER_STAGE; i++) {
			const expected = clients.map((c) => c.messages + 1);
			await submit({
				type: 'inject.adhoc',
				inject: {
					id: `adhoc-${jumps}-${i}`,
					title: `Sector bulletin ${jumps}.${i}`,
					body: 'A peer carrier reports the same indicators on its border routers; check your own.',
					channel: 'news',
					audience: 'all'
				}
			});
			const deadline = Date.now() + 10_000;
			while (clients.some((c, k) => c.messages < expected[k]) && Date.now() < deadline) await sleep(10);
			if (clients.some((c, k) => c.messages < expected[k]))
				throw new Error('an inject did not reach everyone');
		}
		const after = clients.reduce((n, c) => n + c.bytes, 0);
		stages.push({
			jumps,
			feed: soc.kind === 'team' ? soc.feed.length : 0,
			viewBytes: Math.round(views.reduce((n, v) => n + Buffer.byteLength(v), 0) / views.length),
			perInject: (after - before) / clients.length / INJECTS_PER_STAGE
		});
	}
	for (const c of clients) c.socket.disconnect();
	await app.close();
	http.closeAllConnections();
	await new Promise<void>((r) => http.close(() => r()));
	return stages;
}

const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-patches-'));
let whole: Stage[];
let patched: Stage[];
try {
	whole = await play(false, dir);
	patched = await play(true, dir);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
const kb = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });
const rows = whole.map((w, i) => {
	const p = patched[i];
	return `| ${w.jumps} | ${w.feed} | ${kb(w.viewBytes)} | ${kb(w.perInject)} | ${kb(p.perInject)} | ${(w.perInject / p.perInject).toFixed(1)}× |`;
});
const ratios = whole.map((w, i) => w.perInject / patched[i].perInject);
const GOAL = 5;
console.log(`## View patches (bytes per participant per ad-hoc inject)

bench/patches.bench.ts: one salt-typhoon exercise, ${TEAMS.length} teams of ${PER_TEAM} participants (socket.io clients,
websocket, in the bench process), played the same way twice in this run: with whole team views pushed on every
change (the baseline: the app with patches switched off, as before patches existed) and with patches against the
view each room holds. At each point, after the given number of jumps to the next scheduled inject, the
facilitator sends ${INJECTS_PER_STAGE} ad-hoc injects to all teams; the figure is the text of every socket.io packet a
participant's socket received, per inject, averaged over all ${TEAMS.length * PER_TEAM} participants. "Team view" is the whole view
message of a team at that point (mean over the teams), what a sync or a reconnect costs.

| jumps | SOC feed items | team view (bytes) | per inject, whole views (bytes) | per inject, patches (bytes) | smaller by |
|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Goal (issue 12): at least ${GOAL}× smaller than whole views — ${ratios.every((r) => r >= GOAL) ? 'met' : 'NOT met'} at every point (${ratios.map((r) => `${r.toFixed(1)}×`).join(', ')}).
`);
process.exit(0);
