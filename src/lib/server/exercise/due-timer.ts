/**
 * The one timer of an exercise: armed at the engine's next due wall time. Node caps setTimeout at about 24.8
 * days, so longer waits are re-armed in steps; a timer that wakes early re-arms instead of firing.
 */
const MAX_DELAY = 2 ** 31 - 1;

/** A re-armable single timer driven by an injected clock. */
export class DueTimer {
	#handle: ReturnType<typeof setTimeout> | null = null;
	#dueAt: number | null = null;

	constructor(
		private readonly now: () => number,
		private readonly fire: (dueAt: number) => void
	) {}

	/** Arms the timer for wall time `dueAt` (epoch ms), replacing any earlier arming; null disarms. */
	arm(dueAt: number | null): void {
		if (dueAt === this.#dueAt && this.#handle) return;
		this.clear();
		if (dueAt === null) return;
		this.#dueAt = dueAt;
		const wait = Math.min(Math.max(0, dueAt - this.now()), MAX_DELAY);
		this.#handle = setTimeout(() => {
			this.#handle = null;
			if (this.now() < dueAt) return this.arm(dueAt);
			this.#dueAt = null;
			this.fire(dueAt);
		}, wait);
		this.#handle.unref?.();
	}

	/** The wall time the timer is armed for, or null. */
	get dueAt(): number | null {
		return this.#dueAt;
	}

	/** Disarms the timer. */
	clear(): void {
		if (this.#handle) clearTimeout(this.#handle);
		this.#handle = null;
		this.#dueAt = null;
	}
}
