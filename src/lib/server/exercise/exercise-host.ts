/**
 * The authoritative master of one live exercise. Every change — a person's command or the exercise's own timer —
 * goes through ONE queue: authorize → apply (at = the injected clock's now) → append to the store (committed) →
 * resolve (the caller acks) → then listeners push fresh views. Storage and time arrive as parameters.
 */
import {
	applyInput,
	authorize,
	createExercise,
	deserializeState,
	ENGINE_VERSION,
	nextDueAt,
	replay,
	serializeState,
	viewFor
} from '$lib/engine';
import type { ExerciseState } from '$lib/engine';
import type {
	Actor,
	Command,
	EngineError,
	ExerciseConfig,
	Input,
	Lifecycle,
	Scenario,
	View,
	Viewer
} from '$lib/engine/types';
import { isDeepStrictEqual } from 'node:util';
import { senderOf } from '../db/store';
import { ServiceError } from '../errors';
import { CommandQueue } from './command-queue';
import { DueTimer } from './due-timer';

/** A pending engine timer as the store keeps it. */
export interface ScheduledRow {
	itemId: string;
	kind: string;
	dueScenario: number;
	dueWall: number | null;
}

/** The slice of the store a host needs (the input log and its snapshots). */
export interface HostStore {
	appendInput(exerciseId: string, input: Input, scheduled: ScheduledRow[]): Promise<{ duplicate: boolean }>;
	inputsAfter(exerciseId: string, seq: number): Promise<Input[]>;
	/** The input one sender stored under a key (keys are scoped to their sender; see senderOf). */
	inputByKey(exerciseId: string, key: string, sender: string): Promise<Input | null>;
	saveSnapshot(exerciseId: string, seq: number, engineVersion: string, state: string): Promise<void>;
	/** Deletes all but the `keep` newest snapshots (optional: stores without it keep every snapshot). */
	pruneSnapshots?(exerciseId: string, keep: number): Promise<number>;
	latestSnapshot(exerciseId: string): Promise<{ seq: number; engineVersion: string; state: string } | null>;
	setLifecycle(exerciseId: string, lifecycle: Lifecycle, at: number): Promise<void>;
}

/** What a host is built from. */
export interface HostDeps {
	store: HostStore;
	now: () => number;
	/** Take a snapshot after every this many inputs. */
	snapshotEvery?: number;
	/** Where failures of timer ticks and snapshots are reported (they have no caller to reject). */
	onError?: (e: unknown, context: string) => void;
}

/** The outcome of a command: the version after it, and whether its key had been seen before. */
export interface CommandResult {
	version: number;
	duplicate: boolean;
}

/** A listener called after each committed change, once the caller has been answered. */
export type ChangeListener = (host: ExerciseHost) => void;

/** One live exercise: scenario, config, engine state, its queue and its timer. */
export class ExerciseHost {
	#state: ExerciseState;
	readonly #queue = new CommandQueue();
	readonly #timer: DueTimer;
	readonly #listeners = new Set<ChangeListener>();
	readonly #deps: HostDeps;
	#publishScheduled = false;
	#closed = false;

	private constructor(
		readonly exerciseId: string,
		readonly scenario: Scenario,
		state: ExerciseState,
		deps: HostDeps
	) {
		this.#state = state;
		this.#deps = deps;
		this.#timer = new DueTimer(deps.now, () => this.#tick());
	}

	/**
	 * Restores a host: the latest snapshot plus the inputs after it, or a full replay when there is no snapshot
	 * or it was written by another engine version. Re-arms the timer, so an overdue item fires at once.
	 */
	static async restore(
		exerciseId: string,
		scenario: Scenario,
		config: ExerciseConfig,
		deps: HostDeps
	): Promise<ExerciseHost> {
		const { store } = deps;
		let base: ExerciseState | null = null;
		let from = 0;
		const snap = await store.latestSnapshot(exerciseId);
		if (snap && snap.engineVersion === String(ENGINE_VERSION)) {
			try {
				base = deserializeState(snap.state, scenario);
				from = snap.seq;
			} catch {
				base = null;
			}
		}
		const tail = await store.inputsAfter(exerciseId, from);
		const state = base ? replay(scenario, config, tail, { state: base }) : replay(scenario, config, tail);
		const host = new ExerciseHost(exerciseId, scenario, state ?? createExercise(scenario, config), deps);
		host.#arm();
		return host;
	}

	/** The current engine state (read-only by convention). */
	get state(): ExerciseState {
		return this.#state;
	}

	get version(): number {
		return this.#state.version;
	}

	get lifecycle(): Lifecycle {
		return this.#state.lifecycle;
	}

	/** Wall time the timer is armed for, or null. */
	get armedAt(): number | null {
		return this.#timer.dueAt;
	}

	/** The view of `viewer` at the injected clock's now. */
	view(viewer: Viewer): View {
		return viewFor(this.#state, viewer, this.#deps.now());
	}

	/** Subscribes to committed changes; returns the unsubscribe function. */
	onChange(listener: ChangeListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Queues a command. Resolves after the input is committed (or recognised as a retry of a stored key); rejects
	 * with a ServiceError carrying the engine's code when the command is refused.
	 */
	submit(actor: Actor, command: Command, key: string): Promise<CommandResult> {
		return this.#queue.run(() => this.#apply(actor, command, key));
	}

	/** Resolves once everything queued so far has been handled. */
	idle(): Promise<void> {
		return this.#queue.idle();
	}

	/** Stops the timer; later commands are refused. */
	close(): void {
		this.#closed = true;
		this.#timer.clear();
		this.#listeners.clear();
	}

	async #apply(actor: Actor, command: Command, key: string): Promise<CommandResult> {
		if (this.#closed)
			throw new ServiceError('server/closing', 'The server is shutting down; try again.', 503);
		const { store, now } = this.#deps;
		const before = this.#state;
		// Authorised before any key is looked up, so a refused sender learns nothing about stored keys.
		const refused = authorize(before, actor, command);
		if (refused) throw refusal(refused);
		const input: Input = { seq: before.version + 1, at: now(), key, actor, command };
		const result = applyInput(before, input);
		if (!result.ok) {
			// A refused command may be the retry of one accepted before (e.g. an answer already saved).
			const retried = await this.#retried(actor, command, key);
			if (retried) return retried;
			throw refusal(result.error);
		}
		const next = result.state;
		const stored = await store.appendInput(this.exerciseId, input, scheduledRows(next));
		if (stored.duplicate) {
			await this.#retried(actor, command, key);
			// The key was stored, perhaps by another writer this host has not seen (a tick): catch up from the log.
			await this.#catchUp();
			return { version: this.#state.version, duplicate: true };
		}
		this.#state = next;
		if (next.lifecycle !== before.lifecycle) {
			await store.setLifecycle(this.exerciseId, next.lifecycle, input.at);
		}
		await this.#maybeSnapshot(next);
		this.#arm();
		this.#schedulePublish();
		return { version: next.version, duplicate: false };
	}

	/**
	 * When this sender already stored `key`: the same command again is a duplicate (acknowledged, not applied
	 * twice); a different one is a conflict. Null when the key is new for this sender.
	 */
	async #retried(actor: Actor, command: Command, key: string): Promise<CommandResult | null> {
		const stored = await this.#deps.store.inputByKey(this.exerciseId, key, senderOf(actor));
		if (!stored) return null;
		if (!isDeepStrictEqual(plain(stored.command), plain(command))) {
			throw new ServiceError(
				'command/key_conflict',
				'This retry carries a different command than the one first sent with its key; send it as a new command.',
				409
			);
		}
		return { version: this.#state.version, duplicate: true };
	}

	/** Applies inputs another writer stored after this host's version (a tick came back as a duplicate). */
	async #catchUp(): Promise<void> {
		const tail = await this.#deps.store.inputsAfter(this.exerciseId, this.#state.version);
		if (tail.length === 0) return;
		this.#state = replay(this.scenario, this.#state.config, tail, { state: this.#state });
		this.#schedulePublish();
	}

	async #maybeSnapshot(state: ExerciseState): Promise<void> {
		const every = this.#deps.snapshotEvery ?? 200;
		if (state.version % every !== 0) return;
		try {
			await this.#deps.store.saveSnapshot(
				this.exerciseId,
				state.version,
				String(ENGINE_VERSION),
				serializeState(state)
			);
			// A restore reads only the newest snapshot; one older is kept in case the newest cannot be read.
			await this.#deps.store.pruneSnapshots?.(this.exerciseId, KEEP_SNAPSHOTS);
		} catch (e) {
			// A missing snapshot only makes the next restore replay more inputs; the input itself is committed.
			this.#deps.onError?.(e, `snapshot of ${this.exerciseId}`);
		}
	}

	#arm(notBefore = 0): void {
		if (this.#closed) return;
		const due = nextDueAt(this.#state);
		this.#timer.arm(due === null ? null : Math.max(due, notBefore));
	}

	#tick(): void {
		const at = this.#deps.now();
		const key = `tick:${this.#state.version}:${at}`;
		this.submit({ role: 'system' }, { type: 'clock.tick' }, key).then(
			// A duplicate tick changed nothing here, so nothing re-armed the timer: do it now, or the clock stops.
			// Not before a second from now, so a log that cannot move on does not spin the timer.
			(r) => r.duplicate && this.#arm(this.#deps.now() + 1000),
			(e) => {
				this.#deps.onError?.(e, `timer tick of ${this.exerciseId}`);
				this.#arm();
			}
		);
	}

	// Views are pushed after the ack (setImmediate runs after the awaiting caller's continuation) and coalesced:
	// a burst of commands yields one push of the latest state.
	#schedulePublish(): void {
		if (this.#publishScheduled) return;
		this.#publishScheduled = true;
		setImmediate(() => {
			this.#publishScheduled = false;
			for (const listener of this.#listeners) {
				try {
					listener(this);
				} catch (e) {
					this.#deps.onError?.(e, `view push of ${this.exerciseId}`);
				}
			}
		});
	}
}

/** Snapshots kept per exercise (older ones are deleted as new ones are written). */
export const KEEP_SNAPSHOTS = 2;

function refusal({ code, message, refusal }: EngineError): ServiceError {
	return new ServiceError(code, message, code === 'command/forbidden' ? 403 : 409, refusal);
}

/** A command as JSON stores it (no undefined fields), so a retry compares equal to what was stored. */
const plain = (command: Command): unknown => JSON.parse(JSON.stringify(command));

/** The engine's pending items as store rows, with their wall due time while the clock runs. */
export function scheduledRows(state: ExerciseState): ScheduledRow[] {
	const { clock } = state;
	return state.pending.map((item) => ({
		itemId: item.key,
		kind: item.kind,
		dueScenario: item.due,
		dueWall: clock.running
			? Math.round(clock.anchorWall + (item.due - clock.anchorScenario) / clock.compression)
			: null
	}));
}
