/**
 * The exercise lifecycle as an xstate v5 machine: lobby → briefing → running ⇄ paused → hotwash → ended
 * (start also straight from the lobby; end from any state). Its context is the whole ExerciseState. It is
 * only driven through xstate's pure `transition()`, never as a running actor, and has no delayed transitions:
 * everything scheduled lives as data in the context, so a restored snapshot loses nothing.
 *
 * Every event carries the input and the state with time already advanced to the input's `at` (see
 * apply.ts): the guard checks the command against it and the actions build the next state from it.
 */
import { assign, setup } from 'xstate';
import { submitAnswer, markRubric, actorName } from './decisions';
import { deliverAdhoc, hold, release, skip } from './delivery';
import { fireDue } from './fire';
import { append, mapSet } from './persistent';
import { reanchor, type StepContext } from './scenario-clock';
import { indexOf, audienceTeams } from './scenario-index';
import { scheduleInject, setNested } from './schedule';
import type { ExerciseState } from './state';
import { record } from './timeline';
import type { Command, Input, Lifecycle } from './types';
import { validateCommand } from './validate';

/** What the machine receives: one input, and the state advanced to its time. */
export interface ExerciseEvent {
	type: Command['type'];
	input: Input;
	advanced: ExerciseState;
}

function ctxOf(state: ExerciseState, input: Input): StepContext {
	return { seq: input.seq, at: state.clock.lastAt };
}

function cmd<T extends Command['type']>(event: ExerciseEvent, _type: T): Extract<Command, { type: T }> {
	return event.input.command as Extract<Command, { type: T }>;
}

/** Every transition ends the same way: fire what fell due at the new time, count the input. */
function finish(state: ExerciseState, input: Input): ExerciseState {
	const due = state.clock.running && state.pending.length > 0 && state.pending[0].due <= state.clock.now;
	const fired = due ? fireDue(state, state.clock.now, ctxOf(state, input)) : state;
	return { ...fired, version: fired.version + 1 };
}

/** A named action: the command's pure update applied to the advanced state, then `finish`. */
function act(update: (state: ExerciseState, event: ExerciseEvent) => ExerciseState) {
	return assign<ExerciseState, ExerciseEvent, undefined, ExerciseEvent, never>(({ event }) =>
		finish(update(event.advanced, event), event.input)
	);
}

function lifecycleRecord(state: ExerciseState, input: Input, detail: string): ExerciseState {
	const ctx = ctxOf(state, input);
	return record(state, { seq: ctx.seq, at: ctx.at, scenarioAt: state.clock.now, kind: 'lifecycle', detail });
}

const machineSetup = setup({
	types: {
		context: {} as ExerciseState,
		events: {} as ExerciseEvent,
		input: {} as ExerciseState
	},
	guards: {
		commandIsValid: ({ event }) => validateCommand(event.advanced, event.input.command) === null
	},
	actions: {
		advanceTime: act((context) => context),
		setLifecycle: assign((_, params: { lifecycle: Lifecycle }) => ({ lifecycle: params.lifecycle })),
		recordBriefing: act((context, event) => lifecycleRecord(context, event.input, 'briefing')),
		startExercise: act((context, event) => {
			let s: ExerciseState = {
				...context,
				clock: { ...reanchor(context.clock, { running: true }), anchorScenario: 0, now: 0 }
			};
			for (const inject of indexOf(s.scenario).atStart) {
				if (inject.trigger.kind !== 'at') continue;
				for (const team of audienceTeams(inject.audience, s.config.teams))
					s = scheduleInject(s, inject, team, inject.trigger.at);
			}
			return lifecycleRecord(s, event.input, 'started');
		}),
		pauseClock: act((context, event) =>
			lifecycleRecord(
				{ ...context, clock: reanchor(context.clock, { running: false }) },
				event.input,
				'paused'
			)
		),
		resumeClock: act((context, event) =>
			lifecycleRecord(
				{ ...context, clock: reanchor(context.clock, { running: true }) },
				event.input,
				'resumed'
			)
		),
		beginHotwash: act((context, event) =>
			lifecycleRecord(
				{ ...context, clock: reanchor(context.clock, { running: false }) },
				event.input,
				'in hotwash'
			)
		),
		endExercise: act((context, event) =>
			lifecycleRecord(
				{ ...context, clock: reanchor(context.clock, { running: false }) },
				event.input,
				'ended'
			)
		),
		changeSpeed: act((context, event) => {
			const { compression } = cmd(event, 'exercise.setCompression');
			const ctx = ctxOf(context, event.input);
			const s = { ...context, clock: reanchor(context.clock, { compression }) };
			return record(s, {
				seq: ctx.seq,
				at: ctx.at,
				scenarioAt: s.clock.now,
				kind: 'speed',
				detail: String(compression)
			});
		}),
		releaseInject: act((context, event) =>
			release(
				context,
				indexOf(context.scenario).injects.get(cmd(event, 'inject.release').injectId)!,
				ctxOf(context, event.input)
			)
		),
		holdInject: act((context, event) =>
			hold(
				context,
				indexOf(context.scenario).injects.get(cmd(event, 'inject.hold').injectId)!,
				ctxOf(context, event.input)
			)
		),
		skipInject: act((context, event) =>
			skip(
				context,
				indexOf(context.scenario).injects.get(cmd(event, 'inject.skip').injectId)!,
				ctxOf(context, event.input)
			)
		),
		sendAdhoc: act((context, event) =>
			deliverAdhoc(context, cmd(event, 'inject.adhoc').inject, ctxOf(context, event.input))
		),
		recordAnswer: act((context, event) => {
			const c = cmd(event, 'answer.submit');
			return submitAnswer(
				context,
				c.decisionId,
				c.teamId,
				c.answer,
				event.input.actor,
				ctxOf(context, event.input)
			);
		}),
		recordMarks: act((context, event) => {
			const c = cmd(event, 'rubric.mark');
			return markRubric(
				context,
				c.decisionId,
				c.teamId,
				c.marks,
				c.note,
				event.input.actor,
				ctxOf(context, event.input)
			);
		}),
		overrideScore: act((context, event) => {
			const c = cmd(event, 'score.override');
			const ctx = ctxOf(context, event.input);
			const o = { points: c.points, reason: c.reason, by: actorName(event.input.actor) };
			const s = { ...context, overrides: setNested(context.overrides, c.teamId, c.entryId, o) };
			return record(s, {
				seq: ctx.seq,
				at: ctx.at,
				scenarioAt: s.clock.now,
				kind: 'override',
				teamId: c.teamId,
				detail: c.entryId
			});
		}),
		addNote: act((context, event) => {
			const c = cmd(event, 'note.add');
			const ctx = ctxOf(context, event.input);
			const note = {
				id: c.noteId,
				teamId: c.teamId,
				objectiveId: c.objectiveId,
				text: c.text,
				by: actorName(event.input.actor),
				scenarioAt: context.clock.now,
				at: ctx.at
			};
			const s = {
				...context,
				notes: append(context.notes, note),
				noteIds: mapSet(context.noteIds, c.noteId, true as const)
			};
			return record(s, { seq: ctx.seq, at: ctx.at, scenarioAt: s.clock.now, kind: 'note', teamId: c.teamId });
		})
	}
});

type CommandAction =
	| 'recordBriefing'
	| 'startExercise'
	| 'pauseClock'
	| 'resumeClock'
	| 'beginHotwash'
	| 'endExercise'
	| 'changeSpeed'
	| 'releaseInject'
	| 'holdInject'
	| 'skipInject'
	| 'sendAdhoc'
	| 'recordAnswer'
	| 'recordMarks'
	| 'overrideScore'
	| 'addNote';

function step(action: CommandAction, target?: Lifecycle) {
	return {
		target,
		guard: 'commandIsValid' as const,
		actions: action
	};
}

const tick = { actions: 'advanceTime' as const };
const notes = { 'note.add': step('addNote') };
const prep = { 'inject.hold': step('holdInject'), 'inject.skip': step('skipInject'), ...notes };
const scoring = { 'rubric.mark': step('recordMarks'), 'score.override': step('overrideScore'), ...notes };
const live = {
	'exercise.setCompression': step('changeSpeed'),
	'exercise.hotwash': step('beginHotwash', 'hotwash'),
	'exercise.end': step('endExercise', 'ended'),
	'clock.tick': tick,
	'inject.release': step('releaseInject'),
	'inject.adhoc': step('sendAdhoc'),
	'answer.submit': step('recordAnswer'),
	...prep,
	...scoring
};
const entry = (lifecycle: Lifecycle) => ({ type: 'setLifecycle' as const, params: { lifecycle } });

/** The exercise lifecycle machine. */
export const exerciseMachine = machineSetup.createMachine({
	id: 'exercise',
	initial: 'lobby',
	context: ({ input }) => input,
	states: {
		lobby: {
			entry: entry('lobby'),
			on: {
				'exercise.brief': step('recordBriefing', 'briefing'),
				'exercise.start': step('startExercise', 'running'),
				'exercise.setCompression': step('changeSpeed'),
				'exercise.end': step('endExercise', 'ended'),
				'clock.tick': tick,
				...prep
			}
		},
		briefing: {
			entry: entry('briefing'),
			on: {
				'exercise.start': step('startExercise', 'running'),
				'exercise.setCompression': step('changeSpeed'),
				'exercise.end': step('endExercise', 'ended'),
				'clock.tick': tick,
				...prep
			}
		},
		running: { entry: entry('running'), on: { 'exercise.pause': step('pauseClock', 'paused'), ...live } },
		paused: { entry: entry('paused'), on: { 'exercise.resume': step('resumeClock', 'running'), ...live } },
		hotwash: {
			entry: entry('hotwash'),
			on: {
				'exercise.setCompression': step('changeSpeed'),
				'exercise.end': step('endExercise', 'ended'),
				'clock.tick': tick,
				...scoring
			}
		},
		ended: { entry: entry('ended'), on: { ...scoring } }
	}
});

const accepted = new Map(
	Object.entries(exerciseMachine.config.states ?? {}).map(([state, node]) => [
		state,
		new Set(Object.keys(node?.on ?? {}))
	])
);

/** Whether the lifecycle state has a transition for this command type at all. */
export function acceptsIn(lifecycle: Lifecycle, type: Command['type']): boolean {
	return accepted.get(lifecycle)?.has(type) ?? false;
}
