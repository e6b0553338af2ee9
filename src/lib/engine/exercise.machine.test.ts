import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { advanceTo } from './scenario-clock';
import { exerciseMachine } from './exercise.machine';
import { Driver, FACILITATOR, T0, testConfig } from './fixtures/harness';
import { testScenario } from './fixtures/test-scenario';
import { createExercise } from './state';
import type { Input } from './types';

describe('exercise lifecycle', () => {
	it('goes lobby → briefing → running → paused → running → hotwash → ended', () => {
		const d = new Driver();
		const seen = [d.state.lifecycle];
		for (const type of [
			'exercise.brief',
			'exercise.start',
			'exercise.pause',
			'exercise.resume',
			'exercise.hotwash',
			'exercise.end'
		] as const) {
			d.do({ type }, T0);
			seen.push(d.state.lifecycle);
		}
		expect(seen).toEqual(['lobby', 'briefing', 'running', 'paused', 'running', 'hotwash', 'ended']);
		expect(d.state.version).toBe(6);
	});

	it('starts straight from the lobby', () => {
		const d = new Driver();
		expect(d.start().lifecycle).toBe('running');
	});

	it('ends from the lobby, briefing, paused and hotwash', () => {
		for (const path of [
			[],
			['exercise.brief'],
			['exercise.start', 'exercise.pause'],
			['exercise.start', 'exercise.hotwash']
		] as const) {
			const d = new Driver();
			for (const type of path) d.do({ type }, T0);
			expect(d.do({ type: 'exercise.end' }, T0).lifecycle).toBe('ended');
		}
	});

	it('rejects a pause in the lobby with command/invalid_state and keeps the state', () => {
		const d = new Driver();
		const before = d.state;
		const r = d.try({ type: 'exercise.pause' }, T0);
		expect(r).toMatchObject({ ok: false, error: { code: 'command/invalid_state' } });
		expect(d.state).toBe(before);
	});

	it('rejects a tick once ended', () => {
		const d = new Driver();
		d.do({ type: 'exercise.end' }, T0);
		expect(d.try({ type: 'clock.tick' }, T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid_state' }
		});
	});

	it('rejects resuming a running exercise and briefing twice', () => {
		const d = new Driver();
		d.do({ type: 'exercise.brief' }, T0);
		expect(d.try({ type: 'exercise.brief' }, T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid_state' }
		});
		d.start();
		expect(d.try({ type: 'exercise.resume' }, T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid_state' }
		});
	});

	it('is driven by the pure transition() with the advanced state carried in the event', () => {
		const state = createExercise(testScenario(), testConfig());
		const [snap] = initialTransition(exerciseMachine, state);
		expect(snap.value).toBe('lobby');
		const input: Input = {
			seq: 1,
			at: T0,
			key: 'a',
			actor: FACILITATOR,
			command: { type: 'exercise.start' }
		};
		const [next] = transition(exerciseMachine, snap, {
			type: 'exercise.start',
			input,
			advanced: advanceTo(state, T0, 1)
		});
		expect(next.value).toBe('running');
		expect(next.context.lifecycle).toBe('running');
		expect(next.context.clock.running).toBe(true);
	});

	it('records lifecycle changes on the timeline', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'exercise.pause' }, T0 + 1000);
		const kinds = [d.state.timeline.prev?.last?.detail, d.state.timeline.last?.detail];
		expect(kinds).toEqual(['started', 'paused']);
	});
});
