import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FacilitatorView } from '$lib/engine/types';
import type { WireTeamView } from '$lib/realtime/wire-view';
import type { Ack, ViewMessage, WireCommand } from '$lib/realtime/contract';
import { testTargets, TEST_DATABASE_URL, type TestDatabase } from '../db/test-targets';
import {
	facilitatorCookie,
	fakeRequest,
	manualClock,
	newKey,
	nextEvent,
	nextView,
	viewsOf,
	participantCookie,
	staffCookie,
	startServer,
	type ManualClock,
	type TestServer,
	type TestSocket
} from '../testing/harness';

if (!TEST_DATABASE_URL) {
	console.warn('Realtime suite on PostgreSQL not run: TEST_DATABASE_URL is not set.');
}

type CommandAck = Ack<{ version: number; duplicate: boolean }>;

const sync = (s: TestSocket, exerciseId: string) =>
	s.timeout(5000).emitWithAck('exercise:sync', { exerciseId }) as Promise<Ack<ViewMessage>>;

const send = (s: TestSocket, exerciseId: string, command: WireCommand, key = newKey()) =>
	s.timeout(5000).emitWithAck('exercise:command', { exerciseId, key, command }) as Promise<CommandAck>;

function data<T>(ack: Ack<T>): T {
	if ('error' in ack) throw new Error(`${ack.error.code}: ${ack.error.message}`);
	return ack.data;
}

describe.each(testTargets)('realtime server on $name', (target) => {
	let db: TestDatabase;
	let clock: ManualClock;
	let server: TestServer;
	let fac: { cookie: string };
	let exerciseId: string;
	let joinCode: string;
	let staffCode: string;

	beforeAll(async () => {
		db = await target.create();
	});
	afterAll(async () => {
		await db.drop();
	});

	beforeEach(async () => {
		clock = manualClock();
		server = await startServer(db, clock, 3);
		fac = (await server.app.sessions.needsSetup()) ? await facilitatorCookie(server.app) : await signIn();
		const f = (await server.app.sessions.byToken(fac.cookie.split('=')[1]))!;
		const created = await server.app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind Telecom',
			teams: ['soc', 'legal']
		});
		({ id: exerciseId, joinCode, staffCode } = created);
	});

	afterEach(async () => {
		await server.close();
	});

	// The database outlives each test's server, so the facilitator created by the first test signs in later.
	async function signIn(): Promise<{ cookie: string }> {
		const req = fakeRequest();
		await server.app.sessions.login(req, { username: 'dana', password: 'correct horse battery' });
		return { cookie: `sb_session=${req.jar.get('sb_session')}` };
	}

	async function facilitator(): Promise<TestSocket> {
		const s = await server.client(fac.cookie);
		data(await sync(s, exerciseId));
		return s;
	}

	async function participant(name: string, team: string) {
		const { cookie, seat } = await participantCookie(server.app, joinCode, name, team);
		const socket = await server.client(cookie);
		return { socket, seat, cookie };
	}

	async function startAndDeliver(f: TestSocket, p: TestSocket): Promise<void> {
		const delivered = nextView(p, (m) => (m.view as WireTeamView).decisions?.length > 0);
		data(await send(f, exerciseId, { type: 'exercise.start' }));
		await delivered;
	}

	it('gives a participant the view of their own team on sync', async () => {
		const { socket } = await participant('Ana', 'soc');
		const msg = data(await sync(socket, exerciseId));
		expect(msg.view.kind).toBe('team');
		expect((msg.view as WireTeamView).team.id).toBe('soc');
	});

	it('acks an answer only after the input is committed, with the team taken from the seat', async () => {
		const f = await facilitator();
		const { socket, seat } = await participant('Ana', 'soc');
		data(await sync(socket, exerciseId));
		await startAndDeliver(f, socket);
		const key = newKey();
		const ack = data(
			await send(
				socket,
				exerciseId,
				{ type: 'answer.submit', decisionId: 'd-first', answer: { type: 'single', option: 'hunt' } },
				key
			)
		);
		expect(ack.duplicate).toBe(false);
		const stored = await server.app.store.events.inputByKey(exerciseId, key);
		expect(stored?.seq).toBe(ack.version);
		expect(stored?.command).toMatchObject({ type: 'answer.submit', teamId: 'soc' });
		expect(stored?.actor).toMatchObject({ role: 'participant', userId: seat.seatId, teamId: 'soc' });
	});

	it('stores a retried key once and acks the retry as a duplicate', async () => {
		const f = await facilitator();
		const key = newKey();
		const first = data(await send(f, exerciseId, { type: 'note.add', text: 'one note' }, key));
		const again = data(await send(f, exerciseId, { type: 'note.add', text: 'one note' }, key));
		expect(first.duplicate).toBe(false);
		expect(again).toEqual({ version: first.version, duplicate: true });
		const inputs = await server.app.store.events.inputsAfter(exerciseId, 0);
		expect(inputs.filter((i) => i.key === key)).toHaveLength(1);
	});

	it('acks the retry of an accepted answer as a duplicate rather than as already answered', async () => {
		const f = await facilitator();
		const { socket } = await participant('Ana', 'soc');
		data(await sync(socket, exerciseId));
		await startAndDeliver(f, socket);
		const key = newKey();
		const answer: WireCommand = {
			type: 'answer.submit',
			decisionId: 'd-first',
			answer: { type: 'single', option: 'wipe' }
		};
		data(await send(socket, exerciseId, answer, key));
		expect(data(await send(socket, exerciseId, answer, key)).duplicate).toBe(true);
	});

	it('pushes each role its own view to its own room after a change', async () => {
		const f = await facilitator();
		const soc = await participant('Ana', 'soc');
		const legal = await participant('Lee', 'legal');
		const obs = await server.client((await staffCookie(server.app, staffCode, 'Oli', 'observer')).cookie);
		for (const s of [soc.socket, legal.socket, obs]) data(await sync(s, exerciseId));
		const views = [f, soc.socket, legal.socket, obs].map((s) => nextView(s));
		data(await send(f, exerciseId, { type: 'exercise.brief' }));
		const [fv, sv, lv, ov] = await Promise.all(views);
		expect(fv.view.kind).toBe('facilitator');
		expect((sv.view as WireTeamView).team.id).toBe('soc');
		expect((lv.view as WireTeamView).team.id).toBe('legal');
		expect(ov.view.kind).toBe('observer');
		expect(new Set([fv.version, sv.version, lv.version, ov.version]).size).toBe(1);
	});

	it('pushes nothing to a team whose view another team’s answer left unchanged', async () => {
		const f = await facilitator();
		const soc = await participant('Ana', 'soc');
		const legal = await participant('Lee', 'legal');
		for (const s of [soc.socket, legal.socket]) data(await sync(s, exerciseId));
		await startAndDeliver(f, soc.socket);
		const legalViews: number[] = [];
		viewsOf(legal.socket).on((m) => legalViews.push(m.version));
		const answered = data(
			await send(soc.socket, exerciseId, {
				type: 'answer.submit',
				decisionId: 'd-first',
				answer: { type: 'single', option: 'hunt' }
			})
		);
		const adhoc: WireCommand = {
			type: 'inject.adhoc',
			title: 'For legal',
			body: 'Counsel wants a word.',
			channel: 'chat',
			audience: ['legal']
		};
		const next = nextView(legal.socket);
		const released = data(await send(f, exerciseId, adhoc));
		expect((await next).version).toBe(released.version);
		expect(legalViews.filter((v) => v === answered.version)).toEqual([]);
	});

	it('resyncs a reconnecting participant to the latest version', async () => {
		const f = await facilitator();
		const first = await participant('Ana', 'soc');
		const before = data(await sync(first.socket, exerciseId)).version;
		first.socket.disconnect();
		data(await send(f, exerciseId, { type: 'exercise.brief' }));
		data(await send(f, exerciseId, { type: 'note.add', text: 'while away' }));
		const again = await server.client(first.cookie);
		const after = data(await sync(again, exerciseId));
		expect(after.version).toBe(before + 2);
		expect(after.view.header.lifecycle).toBe('briefing');
	});

	it('refuses commands a role may not give', async () => {
		await facilitator();
		const { socket } = await participant('Ana', 'soc');
		const obs = await server.client((await staffCookie(server.app, staffCode, 'Oli', 'observer')).cookie);
		const start = await send(socket, exerciseId, { type: 'exercise.start' });
		const assign = await send(socket, exerciseId, {
			type: 'participant.assign',
			participantId: 'x',
			teamId: 'legal'
		});
		const mark = await send(obs, exerciseId, {
			type: 'rubric.mark',
			decisionId: 'd-scope',
			teamId: 'soc',
			marks: { scope: 1 }
		});
		expect('error' in start && start.error.code).toBe('command/forbidden');
		expect('error' in assign && assign.error.code).toBe('command/forbidden');
		expect('error' in mark && mark.error.code).toBe('command/forbidden');
	});

	it('lets only the facilitator jump the scenario clock, and pushes the new time to the teams', async () => {
		const f = await facilitator();
		const { socket } = await participant('Ana', 'soc');
		data(await sync(socket, exerciseId));
		await startAndDeliver(f, socket);
		const refused = await send(socket, exerciseId, { type: 'clock.jump', to: { kind: 'next-inject' } });
		expect('error' in refused && refused.error.code).toBe('command/forbidden');
		const moved = nextView(socket, (m) => m.view.header.anchor.scenario >= 2 * 3_600_000);
		data(await send(f, exerciseId, { type: 'clock.jump', to: { kind: 'next-inject' } }));
		expect(((await moved).view as WireTeamView).feed.map((i) => i.id)).toContain('later');
		const backwards = await send(f, exerciseId, {
			type: 'clock.jump',
			to: { kind: 'at', at: '2024-10-08T09:30' }
		});
		expect('error' in backwards && backwards.error).toMatchObject({
			code: 'command/invalid',
			message: expect.stringContaining('not later than the scenario time now')
		});
	});

	it('refuses a seat access to another exercise', async () => {
		const { socket } = await participant('Ana', 'soc');
		const other = await sync(socket, 'some-other-exercise');
		expect('error' in other && other.error.code).toBe('auth/forbidden');
	});

	it('rejects a handshake from a foreign Origin and one without cookies', async () => {
		expect(await server.refused(fac.cookie, { origin: 'http://evil.example' })).toBe('auth/forbidden');
		expect(await server.refused('')).toBe('auth/required');
		const own = await server.client(fac.cookie, { origin: server.url });
		expect(own.connected).toBe(true);
	});

	it('answers an over-long text field with payload/invalid and drops an oversized payload', async () => {
		const f = await facilitator();
		const long = await send(f, exerciseId, { type: 'note.add', text: 'x'.repeat(8001) });
		expect('error' in long && long.error.code).toBe('payload/invalid');
		const closed = new Promise<string>((resolve) => f.once('disconnect', (reason) => resolve(reason)));
		f.emit(
			'exercise:command',
			{ exerciseId, key: newKey(), command: { type: 'note.add', text: 'y'.repeat(100_000) } },
			() => {}
		);
		expect(await closed).toBe('transport close');
	});

	it('logs an unexpected failure and answers it with server/error', async () => {
		const f = await facilitator();
		const real = server.app.store.exercises.get;
		server.app.store.exercises.get = async () => {
			throw new Error('disk on fire');
		};
		try {
			const res = await sync(f, 'not-loaded-yet');
			expect('error' in res && res.error).toEqual({
				code: 'server/error',
				message: 'Something went wrong on the server; please try again.'
			});
			expect(server.errors.map((e) => (e as Error).message)).toContain('disk on fire');
		} finally {
			server.app.store.exercises.get = real;
		}
	});

	it('moves a participant between teams with participant.assign', async () => {
		const f = await facilitator();
		const { socket, seat } = await participant('Lee', 'legal');
		data(await sync(socket, exerciseId));
		const moved = nextView(socket, (m) => (m.view as WireTeamView).team?.id === 'soc');
		data(
			await send(f, exerciseId, { type: 'participant.assign', participantId: seat.seatId, teamId: 'soc' })
		);
		expect(((await moved).view as WireTeamView).team.id).toBe('soc');
		expect((await server.app.store.seats.byId(seat.seatId))?.teamId).toBe('soc');
	});

	it('announces presence to facilitators when a participant connects', async () => {
		const f = await facilitator();
		const seen = nextEvent(f, 'exercise:presence-change', (m) =>
			m.members.some((x) => x.name === 'Ana' && x.connected)
		);
		const { socket } = await participant('Ana', 'soc');
		data(await sync(socket, exerciseId));
		const msg = await seen;
		expect(msg.members.find((m) => m.name === 'Ana')?.teamId).toBe('soc');
	});

	it('restores state after a restart and fires a timer that fell due while down', async () => {
		const f = await facilitator();
		const { socket } = await participant('Ana', 'soc');
		data(await sync(socket, exerciseId));
		await startAndDeliver(f, socket);
		data(await send(f, exerciseId, { type: 'note.add', text: 'before restart' }));
		const host = await server.app.hosts.get(exerciseId);
		await host.idle();
		const versionBefore = host.version;
		await server.close();

		// Compression 60: the 2 h inject is due 2 wall minutes after start; the server was down past that.
		clock.advance(5 * 60_000);
		server = await startServer(db, clock, 3);
		expect(await server.app.hosts.resumeAll()).toBeGreaterThanOrEqual(1);
		const restored = await server.app.hosts.get(exerciseId);
		expect(restored.version).toBeGreaterThanOrEqual(versionBefore);
		const fv = () => restored.view({ role: 'facilitator' }) as FacilitatorView;
		expect(fv().notes.map((n) => n.text)).toContain('before restart');
		await expect
			.poll(() => fv().injects.find((i) => i.id === 'later')?.teams.soc?.status, { timeout: 5000 })
			.toBe('delivered');
	});

	it('never sends a participant facilitator notes, rubric guidance, points or another team\u2019s answers', async () => {
		const f = await facilitator();
		const soc = await participant('Ana', 'soc');
		const spy = await participant('Spy', 'legal');
		const raw: string[] = [];
		spy.socket.io.engine.on('packet', (p: { data?: unknown }) => raw.push(JSON.stringify(p.data ?? '')));
		data(await sync(soc.socket, exerciseId));
		data(await sync(spy.socket, exerciseId));
		await startAndDeliver(f, soc.socket);
		data(
			await send(soc.socket, exerciseId, {
				type: 'answer.submit',
				decisionId: 'd-first',
				answer: { type: 'single', option: 'hunt' }
			})
		);
		data(
			await send(soc.socket, exerciseId, {
				type: 'answer.submit',
				decisionId: 'd-scope',
				answer: { type: 'text', text: 'SOC-SECRET-ANSWER pe-chi-02' }
			})
		);
		data(
			await send(f, exerciseId, {
				type: 'inject.adhoc',
				title: 'For SOC',
				body: 'SOC-ONLY-ADHOC',
				channel: 'chat',
				audience: ['soc'],
				facilitatorNotes: 'ADHOC-NOTE-MARKER'
			})
		);
		data(
			await send(f, exerciseId, {
				type: 'inject.adhoc',
				title: 'For all',
				body: 'Everyone',
				channel: 'chat',
				audience: 'all',
				facilitatorNotes: 'ADHOC-NOTE-MARKER'
			})
		);
		data(await send(f, exerciseId, { type: 'note.add', teamId: 'soc', text: 'EVALUATOR-NOTE-MARKER' }));
		data(await send(f, exerciseId, { type: 'inject.release', injectId: 'held' }));
		const last = nextView(spy.socket);
		data(await send(f, exerciseId, { type: 'exercise.end' }));
		await last;
		data(await sync(spy.socket, exerciseId));

		const seen = raw.join('\n');
		expect(seen).toContain('Everyone');
		for (const secret of [
			'FACILITATOR-ONLY-MARKER',
			'EVALUATOR-GUIDANCE-MARKER',
			'SOC-SECRET-ANSWER',
			'SOC-ONLY-ADHOC',
			'ADHOC-NOTE-MARKER',
			'EVALUATOR-NOTE-MARKER',
			'Keeps the intruder unaware'
		]) {
			expect(seen).not.toContain(secret);
		}
	});
});
