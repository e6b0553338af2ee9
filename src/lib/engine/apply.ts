/**
 * Applying one input: authorise, check the lifecycle accepts the command, advance time to the input's `at`
 * (firing what fell due), validate the command against that advanced state, then take the machine transition.
 * Nothing is mutated, so on any error the caller still holds the untouched previous state.
 *
 * The transition is the machine's own pure `transition(snapshot, event, scope)`. xstate's exported
 * `transition()` helper calls exactly that, but first builds a throwaway actor (which also computes an initial
 * snapshot) on every call; that was most of the per-input cost (see docs/benchmarks.md). Here the inert scope
 * is built once. Nothing ever executes in it: the machine has only assign actions and no children or delays.
 */
import { createActor, initialTransition, type ActorScope, type SnapshotFrom } from 'xstate';
import { authorize } from './authorize';
import { notNow } from './command-words';
import { acceptsIn, exerciseMachine, type ExerciseEvent } from './exercise.machine';
import { advanceTo } from './scenario-clock';
import type { ExerciseState } from './state';
import type { Command, EngineError, Input } from './types';
import { validateCommand } from './validate';

type Snapshot = SnapshotFrom<typeof exerciseMachine>;

/** The outcome of applying one input. */
export type ApplyResult = { ok: true; state: ExerciseState } | { ok: false; error: EngineError };

const snapshots = new WeakMap<ExerciseState, Snapshot>();

const COMMAND_TYPES = new Set<Command['type']>([
	'exercise.brief',
	'exercise.start',
	'exercise.pause',
	'exercise.resume',
	'exercise.setCompression',
	'exercise.hotwash',
	'exercise.end',
	'clock.tick',
	'clock.jump',
	'inject.release',
	'inject.hold',
	'inject.skip',
	'inject.adhoc',
	'answer.submit',
	'rubric.mark',
	'score.override',
	'note.add',
	'debrief.set',
	'rating.set',
	'message.save',
	'message.submit',
	'message.approve',
	'message.return',
	'message.send',
	'message.reply',
	'message.mark'
]);

function snapshotOf(state: ExerciseState): Snapshot {
	const hit = snapshots.get(state);
	if (hit) return hit;
	const snap =
		state.version === 0 && state.lifecycle === 'lobby'
			? initialTransition(exerciseMachine, state)[0]
			: exerciseMachine.resolveState({ value: state.lifecycle, context: state });
	snapshots.set(state, snap);
	return snap;
}

type Scope = ActorScope<Snapshot, ExerciseEvent>;
let inertScope: Scope | null = null;

function scopeFor(state: ExerciseState): Scope {
	if (inertScope) return inertScope;
	const self = createActor(exerciseMachine, { input: state });
	const noop = () => {};
	inertScope = {
		self,
		system: self.system,
		id: '',
		sessionId: '',
		defer: noop,
		emit: noop,
		logger: noop,
		stopChild: noop,
		actionExecutor: noop
	} as unknown as Scope;
	return inertScope;
}

function invalid(message: string): ApplyResult {
	return { ok: false, error: { code: 'command/invalid', message } };
}

/** Apply one input to the state; on error the state is unchanged and the error says why. */
export function applyInput(state: ExerciseState, input: Input): ApplyResult {
	if (!input || typeof input !== 'object') return invalid('input must be an object');
	if (typeof input.at !== 'number' || !Number.isFinite(input.at))
		return invalid('input.at must be a wall time in ms');
	const command = input.command;
	if (!command || !COMMAND_TYPES.has(command.type)) return invalid(`unknown command type "${command?.type}"`);
	const denied = authorize(state, input.actor, command);
	if (denied) return { ok: false, error: denied };
	if (!acceptsIn(state.lifecycle, command.type))
		return { ok: false, error: notNow(command.type, state.lifecycle) };
	const advanced = advanceTo(state, input.at, input.seq);
	const event: ExerciseEvent = { type: command.type, input, advanced };
	const snap = snapshotOf(state);
	const next = exerciseMachine.transition(snap, event, scopeFor(state));
	if (next === snap) {
		const error = validateCommand(advanced, command) ?? {
			code: 'command/invalid' as const,
			message: `${command.type} was not applied`
		};
		return { ok: false, error };
	}
	snapshots.set(next.context, next);
	return { ok: true, state: next.context };
}
