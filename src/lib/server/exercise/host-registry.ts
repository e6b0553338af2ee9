/**
 * The live exercises of this process: hosts are loaded lazily on first use and, at start-up, for every exercise
 * that has not ended (so their timers run without anyone connected). Concurrent first uses share one load.
 */
import { parseScenario } from '$lib/engine/scenario';
import type { ExerciseConfig } from '$lib/engine/types';
import { fault, ServiceError } from '../errors';
import { ExerciseHost, type HostDeps } from './exercise-host';

/** What the registry needs to build a host: the stored exercise and the list of those still running. */
export interface RegistryDeps extends HostDeps {
	loadExercise(id: string): Promise<{ scenarioSource: string; config: ExerciseConfig } | null>;
	runningExerciseIds(): Promise<string[]>;
}

/** Called once for each host when it is loaded (the realtime layer subscribes to its changes). */
export type HostLoaded = (host: ExerciseHost) => void;

/** Owns every ExerciseHost of the process. */
export class HostRegistry {
	readonly #hosts = new Map<string, Promise<ExerciseHost>>();
	readonly #loaded = new Set<HostLoaded>();

	constructor(private readonly deps: RegistryDeps) {}

	/** Registers a callback for every host loaded from now on and every host already loaded. */
	onLoaded(fn: HostLoaded): void {
		this.#loaded.add(fn);
		for (const p of this.#hosts.values()) p.then(fn, () => undefined);
	}

	/** Number of exercises hosted (loaded or loading). */
	get size(): number {
		return this.#hosts.size;
	}

	/** The host of an exercise, loading it if needed; `exercise/not_found` when there is no such exercise. */
	get(exerciseId: string): Promise<ExerciseHost> {
		let p = this.#hosts.get(exerciseId);
		if (!p) {
			p = this.#load(exerciseId);
			this.#hosts.set(exerciseId, p);
			// A failed load is not cached, so a later request can try again.
			p.catch(() => this.#hosts.delete(exerciseId));
		}
		return p;
	}

	/**
	 * The host for live traffic (sockets): waits up to `waitMs` for a restore still running, then answers
	 * `exercise/restoring` (503) so the client retries while the restore goes on. Asking starts the load at
	 * once, so the exercise someone is waiting for is restored before the background queue reaches it.
	 */
	async ready(exerciseId: string, waitMs = 2000): Promise<ExerciseHost> {
		const loading = this.get(exerciseId);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const late = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() =>
					reject(
						new ServiceError(
							'exercise/restoring',
							'This exercise is being restored after a server restart; it will be back in a moment.',
							503
						)
					),
				waitMs
			);
		});
		try {
			return await Promise.race([loading, late]);
		} finally {
			clearTimeout(timer);
		}
	}

	/**
	 * Loads every exercise that has not ended, one after another with a turn of the event loop between them,
	 * so the server answers requests meanwhile (start-up runs this in the background). Returns how many were
	 * resumed; failures are reported, not thrown.
	 */
	async resumeAll(): Promise<number> {
		const ids = await this.deps.runningExerciseIds();
		let resumed = 0;
		for (const id of ids) {
			await new Promise((resolve) => setImmediate(resolve));
			try {
				await this.get(id);
				resumed++;
			} catch (e) {
				this.deps.onError?.(e, `resume of exercise ${id}`);
			}
		}
		return resumed;
	}

	/** Stops every host's timer. */
	async close(): Promise<void> {
		const hosts = await Promise.allSettled(this.#hosts.values());
		for (const h of hosts) if (h.status === 'fulfilled') h.value.close();
		this.#hosts.clear();
	}

	async #load(exerciseId: string): Promise<ExerciseHost> {
		const record = await this.deps.loadExercise(exerciseId);
		if (!record) fault('exercise/not_found', `There is no exercise "${exerciseId}".`, 404);
		const { scenario, issues } = parseScenario(record.scenarioSource, `exercise ${exerciseId}`, {
			stored: true
		});
		if (!scenario || issues.length) {
			const first = issues[0];
			fault(
				'scenario/invalid',
				`The scenario stored with exercise "${exerciseId}" no longer parses` +
					(first ? `: ${first.path}: ${first.message}` : '.'),
				500
			);
		}
		const host = await ExerciseHost.restore(exerciseId, scenario, record.config, this.deps);
		for (const fn of this.#loaded) fn(host);
		return host;
	}
}
