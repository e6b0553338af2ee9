/**
 * The exercise lifecycle as an xstate v5 machine: lobby → briefing → running ⇄ paused → hotwash → ended
 * (start also straight from the lobby; end from any state). Time jumps happen while running or paused; the
 * debrief settings change in hotwash or after the end. Its context is the whole ExerciseState. It is
 * only driven through xstate's pure `transition()`, never as a running actor, and has no delayed transitions:
 * everything scheduled lives as data in the context, so a restored snapshot loses nothing.
 *
 * Every event carries the input and the state with time already advanced to the input's `at` (see
 * apply.ts): the guard checks the command against it and the actions build the next state from it.
 */
import { assign, setup } from 'xstate';
import { ctxOf, updates, type CommandAction } from './exercise.actions';
import { fireDue } from './fire';
import type { ExerciseState } from './state';
import type { Command, Input, Lifecycle } from './types';
import { validateCommand } from './validate';

/** What the machine receives: one input, and the state advanced to its time. */
export interface ExerciseEvent {
	type: Command['type'];
	input: Input;
	advanced: ExerciseState;
}

/** Every transition ends the same way: fire what fell due at the new time, count the input. */
function finish(state: ExerciseState, input: Input): ExerciseState {
	const due = state.clock.running && state.pending.length > 0 && state.pending[0].due <= state.clock.now;
	const fired = due ? fireDue(state, state.clock.now, ctxOf(state, input)) : state;
	return { ...fired, version: fired.version + 1 };
}

/** A named action: the command's pure update applied to the advanced state, then `finish`. */
function act(name: CommandAction) {
	const update = updates[name];
	return assign<ExerciseState, ExerciseEvent, undefined, ExerciseEvent, never>(({ event }) =>
		finish(update(event.advanced, event.input), event.input)
	);
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
		setLifecycle: assign((_, params: { lifecycle: Lifecycle }) => ({ lifecycle: params.lifecycle })),
		advanceTime: act('advanceTime'),
		recordBriefing: act('recordBriefing'),
		startExercise: act('startExercise'),
		pauseClock: act('pauseClock'),
		resumeClock: act('resumeClock'),
		beginHotwash: act('beginHotwash'),
		endExercise: act('endExercise'),
		changeSpeed: act('changeSpeed'),
		releaseInject: act('releaseInject'),
		holdInject: act('holdInject'),
		skipInject: act('skipInject'),
		sendAdhoc: act('sendAdhoc'),
		recordAnswer: act('recordAnswer'),
		recordMarks: act('recordMarks'),
		overrideScore: act('overrideScore'),
		addNote: act('addNote'),
		jumpClock: act('jumpClock'),
		setDebrief: act('setDebrief'),
		recordRating: act('recordRating'),
		handleMessage: act('handleMessage')
	}
});

function step(action: Exclude<CommandAction, 'advanceTime'>, target?: Lifecycle) {
	return {
		target,
		guard: 'commandIsValid' as const,
		actions: action
	};
}

const tick = { actions: 'advanceTime' as const };
const notes = { 'note.add': step('addNote') };
const prep = { 'inject.hold': step('holdInject'), 'inject.skip': step('skipInject'), ...notes };
const scoring = {
	'rubric.mark': step('recordMarks'),
	'message.mark': step('handleMessage'),
	'score.override': step('overrideScore'),
	'rating.set': step('recordRating'),
	...notes
};
const debrief = { 'debrief.set': step('setDebrief') };
const messaging = Object.fromEntries(
	(['save', 'submit', 'approve', 'return', 'send', 'reply'] as const).map((c) => [
		`message.${c}`,
		step('handleMessage')
	])
) as Record<
	`message.${'save' | 'submit' | 'approve' | 'return' | 'send' | 'reply'}`,
	ReturnType<typeof step>
>;
const live = {
	'exercise.setCompression': step('changeSpeed'),
	'exercise.hotwash': step('beginHotwash', 'hotwash'),
	'exercise.end': step('endExercise', 'ended'),
	'clock.tick': tick,
	'clock.jump': step('jumpClock'),
	'inject.release': step('releaseInject'),
	'inject.adhoc': step('sendAdhoc'),
	'answer.submit': step('recordAnswer'),
	...messaging,
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
				...debrief,
				...scoring
			}
		},
		ended: { entry: entry('ended'), on: { ...debrief, ...scoring } }
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
