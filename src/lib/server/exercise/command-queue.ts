/**
 * One queue per exercise: a promise chain that runs tasks strictly one after another, so people and timers
 * never race on the same state. A failing task rejects only its own caller; the chain carries on.
 */
export class CommandQueue {
	#tail: Promise<unknown> = Promise.resolve();
	#pending = 0;

	/** Runs `task` after every task queued before it; resolves or rejects with the task's own outcome. */
	run<T>(task: () => Promise<T> | T): Promise<T> {
		this.#pending++;
		const result = this.#tail.then(task);
		this.#tail = result.then(
			() => this.#pending--,
			() => this.#pending--
		);
		return result;
	}

	/** Number of tasks queued or running. */
	get pending(): number {
		return this.#pending;
	}

	/** Resolves once every task queued so far has settled. */
	idle(): Promise<void> {
		return this.#tail.then(() => undefined);
	}
}
