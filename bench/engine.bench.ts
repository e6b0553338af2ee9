/**
 * Engine benchmark: applyInput throughput and replay time over a 10,000-input exercise of the flagship
 * scenario, against a bare xstate machine with the same lifecycle states and no context work fed the same
 * inputs. Prints a Markdown section on stdout (bench/run.ts collects it into docs/benchmarks.md).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createActor, createMachine, initialTransition, transition, type ActorScope } from 'xstate';
import {
	applyInput,
	createExercise,
	replay,
	scoresOf,
	serializeState,
	deserializeState,
	viewFor,
	type ExerciseState
} from '../src/lib/engine';
import type { AnswerValue, Decision, Input, Scenario } from '../src/lib/engine/types';
import { parseScenario } from '../src/lib/engine/scenario';

const EVENTS = 10_000;
const RUNS = 7;
const T0 = 1_700_000_000_000;

function load(): Scenario {
	const file = 'scenarios/salt-typhoon.yaml';
	const { scenario, issues } = parseScenario(readFileSync(file, 'utf8'), file);
	if (!scenario) throw new Error(`${file}: ${issues.map((i) => `${i.line} ${i.message}`).join('; ')}`);
	return scenario;
}

function answerFor(d: Decision): AnswerValue {
	if (d.type === 'single') return { type: 'single', option: d.options[0].id };
	if (d.type === 'multiple') return { type: 'multiple', options: d.options.slice(0, 2).map((o) => o.id) };
	if (d.type === 'ranking') return { type: 'ranking', order: d.options.map((o) => o.id) };
	if (d.type === 'numeric') return { type: 'numeric', value: d.numeric?.min ?? 0 };
	return { type: 'text', text: 'We contain, preserve evidence and notify within the legal deadlines.' };
}

/** A deterministic 10,000-input log: mostly ticks, with notes, ad-hoc injects, answers, pauses and speed changes. */
function buildLog(scenario: Scenario): { inputs: Input[]; final: ExerciseState } {
	const teams = scenario.teams.map((t) => t.id);
	let state = createExercise(scenario, { exerciseId: 'bench', teams, compression: 30, variables: {} });
	const inputs: Input[] = [];
	let at = T0;
	const push = (input: Omit<Input, 'seq' | 'key'>) => {
		const full = { ...input, seq: inputs.length + 1, key: `b${inputs.length}` };
		const r = applyInput(state, full);
		if (!r.ok) throw new Error(`bench log: ${r.error.code} ${r.error.message}`);
		state = r.state;
		inputs.push(full);
	};
	const fac = { role: 'facilitator' as const, name: 'bench' };
	push({ at, actor: fac, command: { type: 'exercise.start' } });
	const decisions = scenario.injects.flatMap((i) => (i.decision ? [{ inject: i.id, d: i.decision }] : []));
	for (let i = 1; inputs.length < EVENTS; i++) {
		at += 1000;
		const team = teams[i % teams.length];
		const open = decisions.find(
			({ inject, d }) => state.delivered[team]?.[inject] !== undefined && !state.answers[team]?.[d.id]
		);
		if (open && i % 5 === 0) {
			push({
				at,
				actor: { role: 'participant', teamId: team },
				command: { type: 'answer.submit', teamId: team, decisionId: open.d.id, answer: answerFor(open.d) }
			});
		} else if (i % 7 === 0) {
			push({
				at,
				actor: { role: 'observer', name: 'obs' },
				command: { type: 'note.add', noteId: `n${i}`, teamId: team, text: `Observation ${i}` }
			});
		} else if (i % 50 === 0) {
			push({
				at,
				actor: fac,
				command: {
					type: 'inject.adhoc',
					inject: {
						id: `adhoc-${i}`,
						title: `Ad hoc ${i}`,
						body: 'Call the NOC',
						channel: 'phone',
						audience: [team]
					}
				}
			});
		} else if (i % 97 === 0 && state.lifecycle === 'running') {
			push({ at, actor: fac, command: { type: 'exercise.pause' } });
			push({ at: at + 500, actor: fac, command: { type: 'exercise.resume' } });
		} else if (i % 311 === 0) {
			push({ at, actor: fac, command: { type: 'exercise.setCompression', compression: 20 + (i % 40) } });
		} else push({ at, actor: { role: 'system' }, command: { type: 'clock.tick' } });
	}
	return { inputs: inputs.slice(0, EVENTS), final: state };
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
	const t = performance.now();
	fn();
	return performance.now() - t;
}

/** The same lifecycle states and transitions with no context and no actions. */
const bare = createMachine({
	id: 'bare',
	initial: 'lobby',
	states: {
		lobby: { on: { 'exercise.start': 'running', 'clock.tick': {}, 'note.add': {} } },
		briefing: { on: { 'exercise.start': 'running' } },
		running: {
			on: {
				'exercise.pause': 'paused',
				'exercise.hotwash': 'hotwash',
				'exercise.end': 'ended',
				'clock.tick': {},
				'note.add': {},
				'inject.adhoc': {},
				'answer.submit': {},
				'exercise.setCompression': {}
			}
		},
		paused: {
			on: {
				'exercise.resume': 'running',
				'exercise.end': 'ended',
				'clock.tick': {},
				'note.add': {},
				'inject.adhoc': {},
				'answer.submit': {},
				'exercise.setCompression': {}
			}
		},
		hotwash: { on: { 'exercise.end': 'ended' } },
		ended: {}
	}
});

const scenario = load();
const config = {
	exerciseId: 'bench',
	teams: scenario.teams.map((t) => t.id),
	compression: 30,
	variables: {}
};
const { inputs, final } = buildLog(scenario);
const counts = new Map<string, number>();
for (const i of inputs) counts.set(i.command.type, (counts.get(i.command.type) ?? 0) + 1);

const replayMs: number[] = [];
const liveMs: number[] = [];
const bareMs: number[] = [];
const bareScopeMs: number[] = [];
const bareSelf = createActor(bare);
const noop = () => {};
const bareScope = {
	self: bareSelf,
	system: bareSelf.system,
	id: '',
	sessionId: '',
	defer: noop,
	emit: noop,
	logger: noop,
	stopChild: noop,
	actionExecutor: noop
} as unknown as ActorScope<never, never>;
for (let run = 0; run < RUNS; run++) {
	replayMs.push(time(() => replay(scenario, config, inputs)));
	liveMs.push(
		time(() => {
			let s = createExercise(scenario, config);
			for (const input of inputs) {
				const r = applyInput(s, input);
				if (r.ok) s = r.state;
			}
		})
	);
	bareMs.push(
		time(() => {
			let [snap] = initialTransition(bare);
			for (const input of inputs) [snap] = transition(bare, snap, { type: input.command.type });
		})
	);
	bareScopeMs.push(
		time(() => {
			let [snap] = initialTransition(bare);
			for (const input of inputs)
				snap = bare.transition(snap, { type: input.command.type }, bareScope as never);
		})
	);
}

const replayed = replay(scenario, config, inputs);
const same = serializeState(replayed) === serializeState(final);
const json = serializeState(replayed);
const snapMs = median(
	Array.from({ length: RUNS }, () => time(() => deserializeState(serializeState(replayed), scenario)))
);
const viewMs = median(
	Array.from({ length: RUNS }, () =>
		time(() => viewFor(replayed, { role: 'facilitator' }, replayed.clock.lastAt))
	)
);
const teamViewMs = median(
	Array.from({ length: RUNS }, () =>
		time(() => viewFor(replayed, { role: 'participant', teamId: 'soc' }, replayed.clock.lastAt))
	)
);
const scoreMs = median(Array.from({ length: RUNS }, () => time(() => scoresOf({ ...replayed }))));

const perSec = (ms: number) => Math.round((inputs.length / ms) * 1000).toLocaleString('en-US');
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const mix = [...counts.entries()]
	.sort((a, b) => b[1] - a[1])
	.map(([k, v]) => `${k} ${v}`)
	.join(', ');

console.log(`## Engine

Scenario \`${scenario.id}\` (${scenario.injects.length} injects, ${scenario.teams.length} teams), ${inputs.length.toLocaleString('en-US')} inputs
(${mix}); final state: ${replayed.lifecycle}, ${replayed.timeline.size.toLocaleString('en-US')} timeline records, snapshot ${(json.length / 1024).toFixed(0)} KiB.
Median of ${RUNS} runs. Goals: ≥ 50,000 inputs/s for applyInput, replay of 10,000 inputs ≤ 200 ms.

| measure | time | inputs/s |
|---|---|---|
| applyInput, one by one (live) | ${fmt(median(liveMs))} | ${perSec(median(liveMs))} |
| replay(scenario, config, inputs) | ${fmt(median(replayMs))} | ${perSec(median(replayMs))} |
| baseline: bare xstate machine, same states, no context, xstate \`transition()\` | ${fmt(median(bareMs))} | ${perSec(median(bareMs))} |
| baseline: the same bare machine, one inert scope reused (as apply.ts does) | ${fmt(median(bareScopeMs))} | ${perSec(median(bareScopeMs))} |
| serializeState + deserializeState of the final state | ${fmt(snapMs)} | |
| viewFor facilitator (final state) | ${fmt(viewMs)} | |
| viewFor participant (final state) | ${fmt(teamViewMs)} | |
| scoresOf, all teams (final state) | ${fmt(scoreMs)} | |

Replay equals live: ${same ? 'yes' : 'NO'}. Load average while measuring: ${loadavg()
	.map((l) => l.toFixed(1))
	.join(' / ')}
(the machine is shared; on a loaded machine every row slows down together, so compare rows with the baselines).
`);
