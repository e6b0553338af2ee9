import { describe, expect, it } from 'vitest';
import { Driver, T0, participant, wallMin } from './fixtures/harness';
import { testScenario } from './fixtures/test-scenario';
import { timelineOf } from './timeline';
import type { TeamView } from './types';
import { viewFor } from './views';

/** SOC answers "Monitor quietly" (rationale RATIONALE-monitor); the exercise then ends. */
function ended(): Driver {
	const d = new Driver();
	d.start();
	d.tick(T0 + wallMin(30));
	d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(31));
	d.do({ type: 'exercise.end' }, T0 + wallMin(40));
	return d;
}

const socView = (d: Driver) => viewFor(d.state, { role: 'participant', teamId: 'soc' }, T0) as TeamView;

describe('debrief', () => {
	it('never quotes an option rationale in a team’s own score by default', () => {
		const v = socView(ended());
		expect(v.score?.entries.find((e) => e.id === 'decision:d-contain:soc')?.rule).toContain(
			'Monitor quietly'
		);
		expect(JSON.stringify(v)).not.toContain('RATIONALE-monitor');
	});
});

describe('debrief settings', () => {
	it('keeps scores, model answers and other teams out of a team view until the end', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(30));
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(31));
		d.do({ type: 'exercise.hotwash' }, T0 + wallMin(40));
		d.do(
			{ type: 'debrief.set', debrief: { rationale: true, modelAnswers: true, otherTeams: true } },
			T0 + wallMin(41)
		);
		const v = socView(d);
		expect(v.score).toBeUndefined();
		expect(v.debrief).toBeUndefined();
		expect(JSON.stringify(v)).not.toMatch(/"points"|RATIONALE|"best"/);
	});

	it('shares rationale, model answers and other teams’ totals only as the facilitator sets it', () => {
		const d = ended();
		d.do(
			{ type: 'debrief.set', debrief: { rationale: true, modelAnswers: true, otherTeams: true } },
			T0 + wallMin(41)
		);
		const v = socView(d);
		expect(v.score?.entries.find((e) => e.id === 'decision:d-contain:soc')?.rationale).toBe(
			'RATIONALE-monitor'
		);
		expect(v.debrief?.modelAnswers?.find((m) => m.answer.decisionId === 'd-contain')?.answer.options).toEqual(
			[{ id: 'monitor', label: 'Monitor quietly' }]
		);
		expect(v.debrief?.modelAnswers?.map((m) => m.answer.decisionId)).not.toContain('d-statement');
		expect(v.debrief?.otherTeams?.map((t) => [t.teamId, t.name])).toEqual([
			['legal', 'Legal'],
			['comms', 'Comms']
		]);
		expect(JSON.stringify(v.debrief)).not.toContain('GUIDANCE');
		const legal = viewFor(d.state, { role: 'participant', teamId: 'legal' }, T0) as TeamView;
		expect(JSON.stringify(legal)).not.toContain('Monitor quietly');
	});

	it('follows the scenario’s setting until the facilitator changes it, and records the change', () => {
		const scenario = testScenario();
		scenario.debrief = { rationale: false, modelAnswers: true, otherTeams: false };
		const d = new Driver(scenario);
		d.start();
		d.do({ type: 'exercise.end' }, T0 + wallMin(1));
		expect(socView(d).debrief).toEqual({
			settings: { rationale: false, modelAnswers: true, otherTeams: false },
			modelAnswers: []
		});
		d.do(
			{ type: 'debrief.set', debrief: { rationale: false, modelAnswers: false, otherTeams: false } },
			T0 + wallMin(2)
		);
		expect(socView(d).debrief).toEqual({
			settings: { rationale: false, modelAnswers: false, otherTeams: false }
		});
		expect(timelineOf(d.state).at(-1)?.text).toBe(
			"Debrief set: rationale hidden, model answers hidden, other teams' results hidden"
		);
	});

	it('refuses debrief.set while running, from a participant, or without every flag', () => {
		const d = new Driver();
		d.start();
		const all = { rationale: true, modelAnswers: true, otherTeams: true };
		expect(d.try({ type: 'debrief.set', debrief: all }, T0)).toMatchObject({
			error: { code: 'command/invalid_state' }
		});
		d.do({ type: 'exercise.end' }, T0);
		expect(d.try({ type: 'debrief.set', debrief: all }, T0, participant('soc'))).toMatchObject({
			error: { code: 'command/forbidden' }
		});
		expect(d.try({ type: 'debrief.set', debrief: { rationale: true } as typeof all }, T0)).toMatchObject({
			error: { code: 'command/invalid' }
		});
	});
});
