/**
 * Issue 8's bar for time jumps: the facilitator jumps the flagship to the next morning mid-exercise, every clock
 * keeps the right deadline and remaining business time, deadlines passed on the way fall at their own time, and
 * replaying the log gives exactly the live state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswerScript } from '../src/lib/engine/answer-script';
import { inWorldAt, parseLocal } from '../src/lib/engine/calendar';
import { replay, serializeState } from '../src/lib/engine/replay';
import { parseScenario } from '../src/lib/engine/scenario';
import { Simulation } from '../src/lib/engine/simulation';
import { timelineOf } from '../src/lib/engine/timeline';
import type { Actor, TeamView } from '../src/lib/engine/types';
import { viewFor } from '../src/lib/engine/views';

const root = join(import.meta.dirname, '..');
const FACILITATOR: Actor = { role: 'facilitator', name: 'Fay' };
const HOUR = 3_600_000;

function flagship(): Simulation {
	const { scenario } = parseScenario(readFileSync(join(root, 'scenarios/salt-typhoon.yaml'), 'utf8'), 'x');
	const file = 'salt-typhoon-strong.yaml';
	const script = parseAnswerScript(readFileSync(join(root, 'test/fixtures/answers', file), 'utf8'), file);
	return new Simulation(scenario!, script.script!);
}

/** Scenario ms of an in-world time of the flagship. */
const at = (sim: Simulation, local: string) => parseLocal(local) - parseLocal(sim.scenario.startsAt);
const inWorld = (sim: Simulation, ms: number | undefined) =>
	ms === undefined ? undefined : inWorldAt(sim.scenario.startsAt, ms);

/**
 * The flagship, played with the strong answers to Tuesday evening. The CPNI and CALEA clocks appear once legal
 * and the LI team have answered their first question about the memo and the audit (each counting from when
 * the facts arrived), so the evening is late enough for both answers.
 */
function tuesdayEvening(): Simulation {
	const sim = flagship();
	return sim.runUntil((s) => s.clock.now >= at(sim, '2024-10-01T22:00'));
}

describe('jumping the flagship to the next morning', () => {
	it('keeps every running clock’s deadline, so each shows the right remaining business time', () => {
		const sim = tuesdayEvening();
		const running = Object.entries(sim.state.clocks).filter(([, r]) => r.status === 'running');
		expect(running.map(([id]) => id).sort()).toEqual(['calea-li', 'fcc-cpni']);

		sim.apply(FACILITATOR, { type: 'clock.jump', to: { kind: 'at', at: '2024-10-02T08:00' } });
		const now = sim.state.clock.now;
		expect(inWorld(sim, now)).toBe('2024-10-02T08:00');

		const legal = viewFor(sim.state, { role: 'participant', teamId: 'legal' }, 0) as TeamView;
		const cpni = legal.clocks.find((c) => c.id === 'fcc-cpni')!;
		// Seven business days from Tuesday 1 October: Wednesday 2 to Thursday 10 October, ending at midnight.
		expect(cpni.status).toBe('running');
		expect(inWorld(sim, cpni.deadlineAt)).toBe('2024-10-11T00:00');
		expect(cpni.deadlineAt! - now).toBe(8 * 24 * HOUR + 16 * HOUR);
		const li = viewFor(sim.state, { role: 'participant', teamId: 'li' }, 0) as TeamView;
		const calea = li.clocks.find((c) => c.id === 'calea-li')!;
		expect(inWorld(sim, calea.deadlineAt)).toBe('2024-10-04T18:00');
		expect(calea.deadlineAt! - now).toBe(2 * 24 * HOUR + 10 * HOUR);
		expect(legal.header.anchor.scenario).toBe(now);
	});

	it('misses a clock whose deadline the jump passes at the deadline itself, not at the jump', () => {
		const sim = tuesdayEvening();
		sim.apply(FACILITATOR, { type: 'clock.jump', to: { kind: 'at', at: '2024-10-05T08:00' } });
		expect(sim.state.clocks['calea-li']).toMatchObject({ status: 'missed' });
		const missed = timelineOf(sim.state).filter((r) => r.clockId === 'calea-li' && r.text.endsWith('missed'));
		expect(missed.map((r) => inWorld(sim, r.scenarioAt))).toEqual(['2024-10-04T18:00']);
	});

	it('replays a run with jumps to exactly the live state', () => {
		const sim = tuesdayEvening();
		sim.apply(FACILITATOR, { type: 'clock.jump', to: { kind: 'at', at: '2024-10-02T08:00' } });
		sim.runUntil((s) => s.clock.now >= at(sim, '2024-10-03T12:00'));
		sim.apply(FACILITATOR, { type: 'clock.jump', to: { kind: 'next-inject' } });
		sim.apply(FACILITATOR, { type: 'clock.jump', to: { kind: 'next-phase' } });
		sim.runUntil();
		const live = sim.end();
		const replayed = replay(sim.scenario, live.config, sim.log);
		expect(serializeState(replayed)).toBe(serializeState(live));
	});
});
