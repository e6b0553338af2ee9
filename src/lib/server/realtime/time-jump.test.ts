/**
 * Issue 8's bar for time jumps, through the real server: the flagship is played with its strong answers over
 * socket.io to Tuesday evening (late enough for legal and the LI team to have answered the questions that show
 * them the CPNI and CALEA clocks), the facilitator's socket jumps it to the next morning, and every team's clocks
 * show the right remaining (business) time. A second server started on the same database replays the stored log
 * (no snapshot) and gives every viewer exactly the views the live server gave.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockLiveDetail } from '$lib/clock-words';
import { parseAnswerScript } from '$lib/engine/answer-script';
import { inWorldAt, parseLocal } from '$lib/engine/calendar';
import { parseScenario } from '$lib/engine/scenario';
import type { ClockView, Scenario } from '$lib/engine/types';
import type { WireFacilitatorView, WireTeamView } from '$lib/realtime/wire-view';
import { testTargets, type TestDatabase } from '../db/test-targets';
import { facilitatorCookie, manualClock, startServer, type TestServer } from '../testing/harness';
import { ScriptedRun } from '../testing/scripted-run';

const ROOT = join(import.meta.dirname, '../../../..');
const SCENARIOS = join(ROOT, 'scenarios');
const HOUR = 3_600_000;
/** No snapshots: a restarted server must replay the whole log. */
const NEVER = 1_000_000;

const { scenario } = parseScenario(
	readFileSync(join(SCENARIOS, 'salt-typhoon.yaml'), 'utf8'),
	'salt-typhoon.yaml'
);
const flagship = scenario as Scenario;
const script = parseAnswerScript(
	readFileSync(join(ROOT, 'test/fixtures/answers/salt-typhoon-strong.yaml'), 'utf8'),
	'salt-typhoon-strong.yaml'
).script!;
const at = (local: string) => parseLocal(local) - parseLocal(flagship.startsAt);
const inWorld = (ms: number | undefined) => (ms === undefined ? undefined : inWorldAt(flagship.startsAt, ms));

describe('jumping the flagship to the next morning through the server', () => {
	const target = testTargets[0];
	const clock = manualClock();
	let db: TestDatabase;
	let server: TestServer;
	let run: ScriptedRun;
	let fac: { cookie: string };
	let joinCode: string;
	let teams: string[];
	let before: WireFacilitatorView;
	let after: WireFacilitatorView;
	const teamViews = new Map<string, WireTeamView>();

	beforeAll(async () => {
		db = await target.create();
		server = await startServer(db, clock, NEVER, SCENARIOS);
		fac = await facilitatorCookie(server.app);
		const f = (await server.app.sessions.byToken(fac.cookie.split('=')[1]))!;
		teams = flagship.teams.map((t) => t.id);
		const created = await server.app.exercises.create(f, { scenarioId: flagship.id, teams });
		joinCode = created.joinCode;
		run = new ScriptedRun(server, flagship, script, created.id);
		await run.connect(fac.cookie, joinCode, teams);
		await run.facilitator({ type: 'exercise.start' });
		await run.playUntil(at('2024-10-01T22:00'));
		before = await run.facilitatorView();
		await run.facilitator({ type: 'clock.jump', to: { kind: 'at', at: '2024-10-02T08:00' } });
		after = await run.facilitatorView();
		for (const team of teams) teamViews.set(team, await run.teamView(team));
	}, 120_000);

	afterAll(async () => {
		await server?.close();
		await db?.drop();
	});

	const running = (v: WireFacilitatorView) => v.clocks.filter((c) => c.status === 'running');

	it('stands at Wednesday 08:00 with the CPNI and CALEA clocks running', () => {
		expect(inWorld(before.header.anchor.scenario)).toBe('2024-10-01T22:00');
		expect(inWorld(after.header.anchor.scenario)).toBe('2024-10-02T08:00');
		expect(running(after).map((c) => c.id)).toEqual(expect.arrayContaining(['fcc-cpni', 'calea-li']));
	});

	it('keeps every running clock’s deadline where it was', () => {
		const was = new Map(before.clocks.map((c) => [c.id, c]));
		for (const c of running(after)) {
			const earlier = was.get(c.id)!;
			if (earlier.status === 'running') expect(c.deadlineAt, c.name).toBe(earlier.deadlineAt);
		}
	});

	it('shows each team the right remaining business time on its clocks', () => {
		const now = after.header.anchor.scenario;
		const legal = teamViews.get('legal')!;
		const cpni = legal.clocks.find((c) => c.id === 'fcc-cpni') as ClockView;
		// Seven business days from Tuesday 1 October: Wednesday 2 to Thursday 10 October, ending at midnight.
		expect(inWorld(cpni.deadlineAt)).toBe('2024-10-11T00:00');
		expect(clockLiveDetail(cpni, now, flagship.startsAt)).toBe(
			'8d 16h left in calendar time (a window of 7 business days)'
		);
		const li = teamViews.get('li')!;
		const calea = li.clocks.find((c) => c.id === 'calea-li') as ClockView;
		expect(inWorld(calea.deadlineAt)).toBe('2024-10-04T18:00');
		expect(calea.deadlineAt! - now).toBe(2 * 24 * HOUR + 10 * HOUR);
		// Every team that sees a running clock sees the same deadline as the facilitator.
		const deadlines = new Map(after.clocks.map((c) => [c.id, c.deadlineAt]));
		for (const view of teamViews.values())
			for (const c of view.clocks)
				expect(c.deadlineAt, `${view.team.name}: ${c.name}`).toBe(deadlines.get(c.id));
	});

	it('gives every viewer the same views after a restart that replays the stored log', async () => {
		await run.playUntil(at('2024-10-03T12:00'));
		await run.facilitator({ type: 'clock.jump', to: { kind: 'next-phase' } });
		const live = {
			facilitator: await run.facilitatorView(),
			teams: await Promise.all(teams.map((t) => run.teamView(t)))
		};
		await server.close();
		server = await startServer(db, clock, NEVER, SCENARIOS);
		const again = new ScriptedRun(server, flagship, script, run.exerciseId);
		await again.connect(fac.cookie, joinCode, teams, run.seatCookies);
		const replayed = {
			facilitator: await again.facilitatorView(),
			teams: await Promise.all(teams.map((t) => again.teamView(t)))
		};
		expect(replayed.facilitator.header.version).toBe(live.facilitator.header.version);
		expect(JSON.stringify(replayed.facilitator)).toBe(JSON.stringify(live.facilitator));
		expect(JSON.stringify(replayed.teams)).toBe(JSON.stringify(live.teams));
		// Legal's scripted CPNI report (Wednesday 12:00), approved by the executives, survived the restart.
		expect(replayed.facilitator.messages.map((m) => [m.subject, m.steps.map((s) => s.kind)])).toEqual([
			['CPNI breach report', ['drafted', 'submitted', 'approved', 'sent']]
		]);
	});
});
