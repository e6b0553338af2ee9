/**
 * Issue 8, "time in the story": a phase card never states a day that contradicts the scenario clock, also when
 * the facilitator releases a later phase's inject early (before, the flagship's card jumped to "Thursday 3
 * October" while the clock read Monday 30 September).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInput } from '../src/lib/engine/apply';
import { parseScenario } from '../src/lib/engine/scenario';
import { createExercise, type ExerciseState } from '../src/lib/engine/state';
import type { Actor, Command, FacilitatorView, TeamView } from '../src/lib/engine/types';
import { viewFor } from '../src/lib/engine/views';

const root = join(import.meta.dirname, '..');
const FACILITATOR: Actor = { role: 'facilitator', name: 'Fay' };
const T0 = 1_700_000_000_000;

function flagship(): ExerciseState {
	const { scenario, issues } = parseScenario(
		readFileSync(join(root, 'scenarios/salt-typhoon.yaml'), 'utf8'),
		'salt-typhoon.yaml'
	);
	expect(issues).toEqual([]);
	return createExercise(scenario!, {
		exerciseId: 'ex',
		teams: scenario!.teams.map((t) => t.id),
		compression: 90,
		variables: {}
	});
}

function run(state: ExerciseState, at: number, command: Command): ExerciseState {
	const r = applyInput(state, {
		seq: state.version + 1,
		at,
		key: `k${state.version}`,
		actor: FACILITATOR,
		command
	});
	if (!r.ok) throw new Error(r.error.message);
	return r.state;
}

describe('phase cards and the scenario clock', () => {
	it('dates a phase opened early by a released inject on the day it opened', () => {
		let s = run(flagship(), T0, { type: 'exercise.start' });
		s = run(s, T0 + 60_000, { type: 'inject.release', injectId: 'fbi-call' });
		const team = viewFor(s, { role: 'participant', teamId: 'legal' }, T0 + 60_000) as TeamView;
		expect(team.header.currentPhase?.id).toBe('p3');
		expect(team.header.currentPhase?.update).toContain('Monday 30 September 2024');
		expect(team.header.currentPhase?.update).not.toMatch(/Thursday|3 October/);
		const staff = viewFor(s, { role: 'facilitator' }, T0 + 60_000) as FacilitatorView;
		expect(staff.header.currentPhase?.update).toContain('Monday 30 September 2024');
	});

	it('dates the opening phase at StartEx', () => {
		const s = run(run(flagship(), T0, { type: 'exercise.start' }), T0 + 1, { type: 'clock.tick' });
		const team = viewFor(s, { role: 'participant', teamId: 'soc' }, T0 + 1) as TeamView;
		expect(team.header.currentPhase?.update).toContain('Monday 30 September 2024, 08:00');
	});
});
