/**
 * Liveness and readiness for a load balancer or an orchestrator. The process is live while it answers at all;
 * it is ready while it is not draining and its store answers a query. Draining starts when the server is told
 * to stop (SIGTERM): readiness turns to 503 at once, so the balancer sends new people elsewhere, while
 * connections already open keep working until the drain period ends.
 */
import type { Store } from './db';

export interface Readiness {
	status: 'ready' | 'draining' | 'unavailable';
	/** What failed, worded for an operator, when not ready. */
	reason?: string;
}

export class ReadinessProbe {
	#draining = false;

	/**
	 * @param drainSeconds how long a stopping server keeps serving while reporting itself not ready
	 *   (DRAIN_SECONDS), so a balancer polling readiness has time to move new traffic away
	 */
	constructor(
		private readonly store: Pick<Store, 'users'>,
		readonly drainSeconds = 0
	) {}

	/** From now on the server reports itself not ready (it is shutting down). */
	drain(): void {
		this.#draining = true;
	}

	get draining(): boolean {
		return this.#draining;
	}

	async check(): Promise<Readiness> {
		if (this.#draining) return { status: 'draining', reason: 'the server is shutting down' };
		try {
			await this.store.users.count();
			return { status: 'ready' };
		} catch (e) {
			return { status: 'unavailable', reason: `the database does not answer (${(e as Error).message})` };
		}
	}
}

/** DRAIN_SECONDS: how long a stopping server keeps serving while reporting itself not ready (default 0). */
export function drainSeconds(value: string | undefined): number {
	if (value === undefined || value.trim() === '') return 0;
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0 || n > 600) {
		throw new Error(`DRAIN_SECONDS must be a number of seconds from 0 to 600, got "${value}".`);
	}
	return n;
}
