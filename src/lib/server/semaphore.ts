/**
 * A counting semaphore with a bounded waiting line, for work that costs a lot of CPU or memory per call
 * (password hashing, printing PDFs): at most `limit` tasks run at once, at most `maxWaiting` wait, and the
 * rest are refused at once with SemaphoreFull, so a flood turns into quick "busy" answers instead of a pile-up.
 */

/** Thrown by `run` when every slot is taken and the waiting line is full. */
export class SemaphoreFull extends Error {
	override name = 'SemaphoreFull';
}

/** Runs tasks with bounded concurrency and a bounded queue. */
export class Semaphore {
	#active = 0;
	#peak = 0;
	readonly #waiting: (() => void)[] = [];

	constructor(
		readonly limit: number,
		readonly maxWaiting: number
	) {
		if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer`);
		if (!Number.isInteger(maxWaiting) || maxWaiting < 0) {
			throw new RangeError(`maxWaiting must be a whole number`);
		}
	}

	/** Runs `task` once a slot is free; throws SemaphoreFull when the waiting line is full. */
	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.#active >= this.limit) {
			if (this.#waiting.length >= this.maxWaiting) throw new SemaphoreFull('busy');
			await new Promise<void>((resolve) => this.#waiting.push(resolve));
		}
		this.#active++;
		this.#peak = Math.max(this.#peak, this.#active);
		try {
			return await task();
		} finally {
			this.#active--;
			this.#waiting.shift()?.();
		}
	}

	/** Tasks running now. */
	get active(): number {
		return this.#active;
	}
	/** Tasks waiting for a slot. */
	get waiting(): number {
		return this.#waiting.length;
	}
	/** Most tasks that ran at once since the start (or the last resetPeak). */
	get peak(): number {
		return this.#peak;
	}
	resetPeak(): void {
		this.#peak = this.#active;
	}
}
