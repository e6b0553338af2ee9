import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInput } from './apply';
import { FACILITATOR, T0, testConfig, participant } from './fixtures/harness';
import { testScenario } from './fixtures/test-scenario';
import { deserializeState, ENGINE_VERSION, replay, serializeState } from './replay';
import { createExercise, type ExerciseState } from './state';
import { inWorldAt } from './calendar';
import type { Actor, AnswerValue, Command, Input, JumpTo } from './types';
import { viewFor } from './views';

const scenario = testScenario();
const config = testConfig();
const TEAMS = ['soc', 'legal', 'comms'];

const answers: Record<string, (marker: string) => AnswerValue> = {
	'd-contain': () => ({ type: 'single', option: 'ignore' }),
	'd-ioc': () => ({ type: 'multiple', options: ['a', 'b'] }),
	'd-determination': () => ({ type: 'single', option: 'yes' }),
	'd-notify': () => ({ type: 'single', option: 'notify-now' }),
	'd-hours': () => ({ type: 'numeric', value: 30 }),
	'd-statement': (marker) => ({ type: 'text', text: marker }),
	'd-priorities': () => ({ type: 'ranking', order: ['press', 'regulators', 'customers'] })
};

const step = fc.oneof(
	fc.record({ kind: fc.constant('tick' as const), dt: fc.integer({ min: 0, max: 600_000 }) }),
	fc.record({
		kind: fc.constant('life' as const),
		type: fc.constantFrom('exercise.pause', 'exercise.resume', 'exercise.hotwash', 'exercise.brief')
	}),
	fc.record({ kind: fc.constant('speed' as const), c: fc.integer({ min: 1, max: 500 }) }),
	fc.record({
		kind: fc.constant('inject' as const),
		type: fc.constantFrom('inject.release', 'inject.hold', 'inject.skip'),
		id: fc.constantFrom(...scenario.injects.map((i) => i.id))
	}),
	fc.record({
		kind: fc.constant('answer' as const),
		team: fc.constantFrom(...TEAMS),
		decision: fc.constantFrom(...Object.keys(answers)),
		dt: fc.integer({ min: 0, max: 60_000 })
	}),
	fc.record({
		kind: fc.constant('adhoc' as const),
		audience: fc.subarray(TEAMS, { minLength: 1 }),
		// An ad-hoc inject may ask a question: with options or free text, with or without a deadline.
		ask: fc.constantFrom('none', 'options', 'text'),
		deadline: fc.option(
			fc.integer({ min: 1, max: 120 }).map((m) => m * 60_000),
			{ nil: undefined }
		)
	}),
	fc.record({
		kind: fc.constant('adhocAnswer' as const),
		team: fc.constantFrom(...TEAMS),
		n: fc.nat(),
		dt: fc.integer({ min: 0, max: 60_000 })
	}),
	fc.record({
		kind: fc.constant('jump' as const),
		to: fc.oneof(
			fc.constant<JumpTo>({ kind: 'next-inject' }),
			fc.constant<JumpTo>({ kind: 'next-phase' }),
			fc.integer({ min: 0, max: 96 }).map<JumpTo>((h) => ({
				kind: 'at',
				at: inWorldAt(scenario.startsAt, h * 3_600_000)
			}))
		)
	})
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Turn generated steps into inputs (with unique text markers per team), starting the exercise first. */
function toInputs(steps: Step[]): Input[] {
	let at = T0;
	const inputs: Input[] = [];
	const push = (command: Command, actor: Actor = FACILITATOR) =>
		inputs.push({ seq: inputs.length + 1, at, key: `k${inputs.length}`, actor, command });
	push({ type: 'exercise.start' });
	const asked: { id: string; type: 'single' | 'text' }[] = [];
	steps.forEach((s, i) => {
		if (s.kind === 'tick') {
			at += s.dt;
			push({ type: 'clock.tick' }, { role: 'system' });
		} else if (s.kind === 'life') push({ type: s.type });
		else if (s.kind === 'speed') push({ type: 'exercise.setCompression', compression: s.c });
		else if (s.kind === 'inject') push({ type: s.type, injectId: s.id });
		else if (s.kind === 'jump') push({ type: 'clock.jump', to: s.to });
		else if (s.kind === 'adhoc') {
			const type = s.ask === 'options' ? 'single' : 'text';
			const marker = `ADHOC-${s.audience.join('-')}-${i}`;
			if (s.ask !== 'none') asked.push({ id: `adhoc-${i}-q`, type });
			push({
				type: 'inject.adhoc',
				inject: {
					id: `adhoc-${i}`,
					title: `Adhoc ${i}`,
					body: marker,
					channel: 'chat',
					audience: s.audience,
					...(s.ask === 'none'
						? {}
						: {
								decision: {
									id: `adhoc-${i}-q`,
									prompt: `Question ${marker}`,
									type,
									...(type === 'single'
										? {
												options: [
													{ id: 'o1', label: `Yes ${marker}` },
													{ id: 'o2', label: 'No' }
												]
											}
										: {}),
									...(s.deadline !== undefined ? { deadline: s.deadline } : {})
								}
							})
				}
			});
		} else if (s.kind === 'adhocAnswer') {
			const q = asked[s.n % Math.max(1, asked.length)];
			if (!q) return;
			at += s.dt;
			const answer: AnswerValue =
				q.type === 'single'
					? { type: 'single', option: 'o1' }
					: { type: 'text', text: `MARKER-${s.team}-${i}` };
			push({ type: 'answer.submit', teamId: s.team, decisionId: q.id, answer }, participant(s.team));
		} else {
			at += s.dt;
			push(
				{
					type: 'answer.submit',
					teamId: s.team,
					decisionId: s.decision,
					answer: answers[s.decision](`MARKER-${s.team}-${i}`)
				},
				participant(s.team)
			);
		}
	});
	return inputs;
}

/** Live: apply one by one, keeping only accepted inputs in the log (as the server does). */
function live(inputs: Input[]): { state: ExerciseState; log: Input[]; states: ExerciseState[] } {
	let state = createExercise(scenario, config);
	const log: Input[] = [];
	const states = [state];
	for (const input of inputs) {
		const r = applyInput(state, { ...input, seq: log.length + 1 });
		if (!r.ok) {
			expect(r.error.code).toMatch(/\//);
			continue;
		}
		state = r.state;
		log.push({ ...input, seq: log.length + 1 });
		states.push(state);
	}
	return { state, log, states };
}

describe('replay and snapshots', () => {
	it('replay of the accepted log equals the live state for random sequences', () => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
				const { state, log } = live(toInputs(steps));
				expect(serializeState(replay(scenario, config, log))).toBe(serializeState(state));
			}),
			{ numRuns: 60 }
		);
	});

	it('a snapshot at any point plus the tail equals live', () => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 60 }), fc.nat(), (steps, cut) => {
				const { state, log, states } = live(toInputs(steps));
				const k = cut % states.length;
				const restored = deserializeState(serializeState(states[k]), scenario);
				expect(serializeState(replay(scenario, config, log.slice(k), { state: restored }))).toBe(
					serializeState(state)
				);
			}),
			{ numRuns: 60 }
		);
	});

	it('no team view ever contains another team’s answer or ad-hoc inject', () => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
				const { state } = live(toInputs(steps));
				for (const team of TEAMS) {
					const json = JSON.stringify(viewFor(state, { role: 'participant', teamId: team }, T0));
					for (const other of TEAMS.filter((t) => t !== team)) expect(json).not.toContain(`MARKER-${other}-`);
					for (const m of json.matchAll(/ADHOC-([a-z-]+)-\d+/g)) expect(m[1].split('-')).toContain(team);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('refuses a snapshot from another engine version or scenario version', () => {
		const json = serializeState(createExercise(scenario, config));
		const stale = json.replace(`"engineVersion":${ENGINE_VERSION}`, '"engineVersion":0');
		expect(() => deserializeState(stale, scenario)).toThrow(/engine version 0/);
		expect(() => deserializeState(json, { ...scenario, version: '2.0' })).toThrow(/not test-scenario@2.0/);
		expect(() => deserializeState('{', scenario)).toThrow(/not valid JSON/);
	});
});
