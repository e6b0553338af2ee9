import { describe, expect, it } from 'vitest';
import { Driver, T0, wallMin } from './fixtures/harness';
import { testScenario } from './fixtures/test-scenario';
import type { FacilitatorView, ObserverView, TeamView } from './types';
import { viewFor } from './views';

function dated(): Driver {
	const s = testScenario();
	s.phases[0].update = '{{phase.date}}, {{phase.time}}: trouble at {{org}}.';
	s.phases[0].notes = 'PHASE-NOTES for {{org}}';
	s.phases[1].update = '{{phase.day}}: respond.';
	s.phases[1].opensAt = '2024-10-11T09:00';
	const d = new Driver(s);
	d.start();
	return d;
}

describe('phase views', () => {
	it('dates a team’s phase at the moment its first inject of the phase reached the team', () => {
		const d = dated();
		d.tick(T0 + wallMin(30));
		d.tick(T0 + wallMin(70));
		const soc = viewFor(d.state, { role: 'participant', teamId: 'soc' }, T0) as TeamView;
		expect(soc.header.currentPhase?.update).toBe('Thursday 10 October 2024, 08:30: trouble at Acme.');
		const legal = viewFor(d.state, { role: 'participant', teamId: 'legal' }, T0) as TeamView;
		expect(legal.header.currentPhase?.update).toBe('Thursday 10 October 2024, 09:00: trouble at Acme.');
	});

	it('gives phase notes to facilitators and evaluators only', () => {
		const d = dated();
		d.tick(T0 + wallMin(30));
		const fac = viewFor(d.state, { role: 'facilitator' }, T0) as FacilitatorView;
		const ev = viewFor(d.state, { role: 'evaluator' }, T0) as ObserverView;
		expect(fac.header.currentPhase?.notes).toBe('PHASE-NOTES for Acme');
		expect(fac.phases[0].notes).toBe('PHASE-NOTES for Acme');
		expect(ev.header.currentPhase?.notes).toBe('PHASE-NOTES for Acme');
		for (const v of [
			viewFor(d.state, { role: 'observer' }, T0),
			viewFor(d.state, { role: 'participant', teamId: 'soc' }, T0)
		])
			expect(JSON.stringify(v)).not.toContain('PHASE-NOTES');
	});

	it('shows staff a phase not yet opened at its declared opening time', () => {
		const fac = viewFor(dated().state, { role: 'facilitator' }, T0) as FacilitatorView;
		expect(fac.phases[1].update).toBe('Friday: respond.');
		expect(fac.phases[1].opensAt).toBe('2024-10-11T09:00');
	});
});
