/**
 * Patches on real sockets: an ad-hoc inject costs a participant a small patch instead of the whole team view,
 * every member of a room gets the same bytes, a socket that asks again (a version gap) or reconnects is given
 * the room's whole view, and the patches after that fit it. The flagship scenario, a few hours in, gives the
 * team view its real size.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ViewMessage, WireCommand } from '$lib/realtime/contract';
import type { WireTeamView } from '$lib/realtime/wire-view';
import { testTargets, type TestDatabase } from '../db/test-targets';
import {
	facilitatorCookie,
	manualClock,
	newKey,
	nextView,
	participantCookie,
	startServer,
	viewsOf,
	type TestServer,
	type TestSocket
} from '../testing/harness';

const SCENARIOS = join(import.meta.dirname, '../../../../scenarios');

const sync = (s: TestSocket, exerciseId: string) =>
	s.timeout(5000).emitWithAck('exercise:sync', { exerciseId }) as Promise<Ack<ViewMessage>>;

function data<T>(ack: Ack<T>): T {
	if ('error' in ack) throw new Error(`${ack.error.code}: ${ack.error.message}`);
	return ack.data;
}

/** Bytes of socket.io packets a client receives (the text of each websocket frame). */
function countBytes(s: TestSocket): { total: number } {
	const counter = { total: 0 };
	s.io.engine.on('packet', (p: { data?: unknown }) => {
		if (typeof p.data === 'string') counter.total += Buffer.byteLength(p.data);
	});
	return counter;
}

const adhoc = (n: number, title = `Update ${n}`, audience: 'all' | string[] = 'all'): WireCommand => ({
	type: 'inject.adhoc',
	title,
	body: 'A carrier peer reports the same indicators on its border routers.',
	channel: 'chat',
	audience
});

describe('view patches over sockets', () => {
	let db: TestDatabase;
	let server: TestServer;
	let exerciseId: string;
	let joinCode: string;
	let f: TestSocket;

	const send = async (s: TestSocket, command: WireCommand) =>
		data(
			(await s.timeout(5000).emitWithAck('exercise:command', { exerciseId, key: newKey(), command })) as Ack<{
				version: number;
			}>
		);

	async function member(name: string, team = 'soc') {
		const { cookie } = await participantCookie(server.app, joinCode, name, team);
		const socket = await server.client(cookie);
		const bytes = countBytes(socket);
		const synced = data(await sync(socket, exerciseId));
		return { socket, cookie, bytes, synced };
	}

	beforeAll(async () => {
		db = await testTargets[0].create();
		server = await startServer(db, manualClock(), 200, SCENARIOS);
		const fac = await facilitatorCookie(server.app);
		const account = (await server.app.sessions.byToken(fac.cookie.split('=')[1]))!;
		({ id: exerciseId, joinCode } = await server.app.exercises.create(account, {
			scenarioId: 'salt-typhoon',
			teams: ['soc', 'neteng', 'legal']
		}));
		f = await server.client(fac.cookie);
		data(await sync(f, exerciseId));
		await send(f, { type: 'exercise.start' });
		for (let i = 0; i < 4; i++) await send(f, { type: 'clock.jump', to: { kind: 'next-inject' } });
	}, 60_000);

	afterAll(async () => {
		await server?.close();
		await db?.drop();
	});

	it('costs a participant far fewer bytes per ad-hoc inject than the whole team view', async () => {
		const ana = await member('Ana');
		const full = JSON.stringify(ana.synced).length;
		expect((ana.synced.view as WireTeamView).feed.length).toBeGreaterThan(2);
		const before = ana.bytes.total;
		const arrived = nextView(ana.socket, (m) =>
			(m.view as WireTeamView).feed.some((i) => i.title === 'Update 1')
		);
		await send(f, adhoc(1));
		const held = await arrived;
		const cost = ana.bytes.total - before;
		expect(viewsOf(ana.socket).patches.length).toBe(1);
		expect(cost).toBeGreaterThan(0);
		expect(cost * 5).toBeLessThan(full);
		// What the patch built is what a sync now gives whole.
		expect(data(await sync(ana.socket, exerciseId))).toEqual(held);
		ana.socket.disconnect();
	});

	it('sends every member of a room the same bytes, and other rooms nothing of it', async () => {
		const [a, b] = [await member('Bea'), await member('Ben')];
		const legal = await member('Lou', 'legal');
		const frames = (s: TestSocket) => {
			const seen: string[] = [];
			s.io.engine.on('packet', (p: { data?: unknown }) => {
				if (typeof p.data === 'string' && p.data.includes('exercise:patch')) seen.push(p.data);
			});
			return seen;
		};
		const [fa, fb, fl] = [frames(a.socket), frames(b.socket), frames(legal.socket)];
		const pushes: { room: string; sockets: number }[] = [];
		const stop = server.app.realtime()!.onPush((p) => pushes.push(p));
		const both = Promise.all([a, b].map((m) => nextView(m.socket)));
		const legalView = nextView(legal.socket);
		await send(f, adhoc(2, 'SOC only', ['soc']));
		await both;
		await send(f, adhoc(3));
		await legalView;
		stop();
		expect(fa.length).toBeGreaterThan(0);
		expect(fa).toEqual(fb);
		expect(fl.join('\n')).not.toContain('SOC only');
		const socPushes = pushes.filter((p) => p.room.endsWith(':team:soc'));
		expect(socPushes.map((p) => p.sockets)).toEqual([2, 2]);
		for (const m of [a, b, legal]) m.socket.disconnect();
	});

	it('gives a socket that asks again the room’s whole view, and the next patch fits it', async () => {
		const cy = await member('Cy');
		const follower = viewsOf(cy.socket);
		await send(f, adhoc(4));
		const patched = await nextView(cy.socket, (m) => m.version > cy.synced.version);
		// As after a missed push: the socket asks for the whole view while it sits in the room.
		const again = data(await sync(cy.socket, exerciseId));
		expect(again.version).toBe(patched.version);
		expect(again).toEqual(patched);
		const next = nextView(cy.socket, (m) => m.version > again.version);
		await send(f, adhoc(5));
		expect((await next).view).toEqual(data(await sync(cy.socket, exerciseId)).view);
		expect(follower.gaps).toBe(0);
		cy.socket.disconnect();
	});

	it('resyncs a reconnecting participant to the latest view, and patches continue from it', async () => {
		const dee = await member('Dee');
		const other = await member('Dan');
		dee.socket.disconnect();
		await send(f, adhoc(6));
		await send(f, adhoc(7));
		const back = await server.client(dee.cookie);
		const synced = data(await sync(back, exerciseId));
		expect((synced.view as WireTeamView).feed.some((i) => i.title === 'Update 7')).toBe(true);
		const next = nextView(back, (m) => (m.view as WireTeamView).feed.some((i) => i.title === 'Update 8'));
		await send(f, adhoc(8));
		const held = await next;
		expect(viewsOf(back).gaps).toBe(0);
		expect(viewsOf(other.socket).gaps).toBe(0);
		expect(held).toEqual(data(await sync(back, exerciseId)));
		for (const s of [back, other.socket]) s.disconnect();
	});
});
