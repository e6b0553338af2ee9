import { describe, expect, it } from 'vitest';
import { inWorldAt } from './calendar';
import { Driver, T0, participant, wallMin } from './fixtures/harness';
import { testScenario } from './fixtures/test-scenario';
import { timelineOf } from './timeline';
import type { FacilitatorView, JumpTo } from './types';
import { viewFor } from './views';

const M = 60_000;
const jump = (to: JumpTo) => ({ type: 'clock.jump' as const, to });

function running(): Driver {
	const d = new Driver();
	d.start();
	return d;
}

describe('clock.jump', () => {
	it('jumps to the next inject, delivers it at its own time and keeps running from there', () => {
		const d = running();
		d.do(jump({ kind: 'next-inject' }), T0 + wallMin(5));
		expect(d.state.clock.now).toBe(30 * M);
		expect(d.state.delivered.soc.alert).toBe(30 * M);
		d.tick(T0 + wallMin(5) + wallMin(10));
		expect(d.state.clock.now).toBe(40 * M);
		expect(timelineOf(d.state).map((t) => t.text)).toContain('Scenario time jumped to Thu 2024-10-10 08:30');
	});

	it('fires everything due on the way at its own due time, then re-anchors', () => {
		const d = running();
		d.do(jump({ kind: 'at', at: '2024-10-10T12:00' }), T0 + wallMin(1));
		expect(d.state.delivered.soc).toMatchObject({ alert: 30 * M, news: 60 * M, followup: 50 * M });
		expect(d.state.delivered.legal['legal-q']).toBe(120 * M);
		expect(d.state.clock).toMatchObject({ now: 240 * M, anchorScenario: 240 * M, running: true });
	});

	it('stays paused when jumping while paused', () => {
		const d = running();
		d.do({ type: 'exercise.pause' }, T0 + wallMin(1));
		d.do(jump({ kind: 'at', at: '2024-10-10T09:00' }), T0 + wallMin(2));
		d.tick(T0 + wallMin(50));
		expect(d.state.clock).toMatchObject({ now: 60 * M, running: false });
		expect(d.state.lifecycle).toBe('paused');
	});

	it('refuses a jump backwards, to a malformed time, before StartEx or from anyone but the facilitator', () => {
		const d = running();
		d.do(jump({ kind: 'at', at: '2024-10-10T10:00' }), T0);
		expect(d.try(jump({ kind: 'at', at: '2024-10-10T09:00' }), T0 + 1)).toMatchObject({
			ok: false,
			error: {
				code: 'command/invalid',
				message: expect.stringContaining('not later than the scenario time now')
			}
		});
		expect(d.try(jump({ kind: 'at', at: 'tomorrow' }), T0 + 1)).toMatchObject({ ok: false });
		expect(d.try(jump({ kind: 'phase', phase: 'p2' }), T0 + 1)).toMatchObject({
			ok: false,
			error: { message: expect.stringContaining('declares no opening time') }
		});
		expect(d.try(jump({ kind: 'next-inject' }), T0 + 1, participant('soc'))).toMatchObject({
			ok: false,
			error: { code: 'command/forbidden' }
		});
		const lobby = new Driver();
		expect(lobby.try(jump({ kind: 'next-inject' }), T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid_state' }
		});
	});

	it('jumps to the next phase at its declared opening, else at its first scheduled inject', () => {
		const declared = testScenario();
		declared.phases[1].opensAt = '2024-10-10T09:45';
		const d = new Driver(declared);
		d.start();
		d.do(jump({ kind: 'next-phase' }), T0);
		expect(d.state.clock.now).toBe(105 * M);
		const plain = running();
		plain.do(jump({ kind: 'next-phase' }), T0);
		expect(plain.state.clock.now).toBe(120 * M);
	});

	it('offers targets and the upcoming items to the facilitator', () => {
		const declared = testScenario();
		declared.phases[1].opensAt = '2024-10-10T09:45';
		const d = new Driver(declared);
		expect((viewFor(d.state, { role: 'facilitator' }, T0) as FacilitatorView).jump.targets).toEqual([]);
		d.start();
		const v = viewFor(d.state, { role: 'facilitator' }, T0) as FacilitatorView;
		expect(v.jump.targets.map((t) => [t.label, inWorldAt(declared.startsAt, t.at)])).toEqual([
			['Next inject: "Inject alert"', '2024-10-10T08:30'],
			['Next phase: "Response"', '2024-10-10T09:45'],
			['Phase "Response" opens', '2024-10-10T09:45']
		]);
		expect(v.jump.upcoming[0]).toEqual({ at: 30 * M, text: '"Inject alert" reaches SOC' });
		expect(v.jump.upcoming.find((u) => u.text.startsWith('"Inject news"'))?.text).toBe(
			'"Inject news" reaches SOC, Legal, Comms'
		);
	});
});
