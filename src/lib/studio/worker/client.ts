/**
 * The page's side of the studio worker: each question gets a promise for its answer (matched by `seq`), and a
 * simulation reports its progress as it runs. Checks are latest-wins: an answer to a text that has since been
 * replaced is dropped by the page, not by the worker.
 */
import type { StudioRequest, StudioResponse } from './protocol';

type Answer = Exclude<StudioResponse, { type: 'progress' } | { type: 'failed' }>;
type Ask = StudioRequest extends infer R ? (R extends StudioRequest ? Omit<R, 'seq'> : never) : never;

export class StudioWorkerClient {
	#seq = 0;
	readonly #pending = new Map<
		number,
		{ resolve: (a: Answer) => void; reject: (e: Error) => void; progress?: (f: number) => void }
	>();

	constructor(private readonly worker: Worker) {
		worker.onmessage = (event: MessageEvent<StudioResponse>) => {
			const message = event.data;
			const waiting = this.#pending.get(message.seq);
			if (!waiting) return;
			if (message.type === 'progress') return waiting.progress?.(message.fraction);
			this.#pending.delete(message.seq);
			if (message.type === 'failed') waiting.reject(new Error(message.message));
			else waiting.resolve(message);
		};
		worker.onerror = (event) => {
			const error = new Error(`The checker stopped: ${event.message || 'unknown error'}. Reload the page.`);
			for (const waiting of this.#pending.values()) waiting.reject(error);
			this.#pending.clear();
		};
	}

	/** Sends a question; resolves with the worker's answer of the matching type. */
	ask<T extends Answer['type']>(
		request: Ask,
		progress?: (fraction: number) => void
	): Promise<Extract<Answer, { type: T }>> {
		const seq = ++this.#seq;
		return new Promise((resolve, reject) => {
			this.#pending.set(seq, { resolve: resolve as (a: Answer) => void, reject, progress });
			this.worker.postMessage({ ...request, seq } as StudioRequest);
		});
	}

	terminate(): void {
		this.worker.terminate();
	}
}
