/**
 * Who is connected: counts of open, synced sockets per seat and exercise. Changes are announced to staff rooms,
 * debounced per exercise so a room of people joining at once costs one message rather than one each.
 */
import type { PresenceMember } from '$lib/realtime/contract';

/** Reads the seats of an exercise (participants only) for the member list. */
export type MemberSource = (
	exerciseId: string
) => Promise<{ participantId: string; name: string; teamId: string | null }[]>;

/** Tracks connections and emits presence. */
export class PresenceTracker {
	readonly #online = new Map<string, Map<string, number>>();
	readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(
		private readonly members: MemberSource,
		private readonly emit: (exerciseId: string, members: PresenceMember[]) => void,
		private readonly onError: (e: unknown) => void,
		private readonly debounceMs = 100
	) {}

	/** A seat's socket came online in an exercise. */
	connected(exerciseId: string, seatId: string): void {
		const seats = this.#online.get(exerciseId) ?? new Map<string, number>();
		seats.set(seatId, (seats.get(seatId) ?? 0) + 1);
		this.#online.set(exerciseId, seats);
		this.changed(exerciseId);
	}

	/** A seat's socket went away. */
	disconnected(exerciseId: string, seatId: string): void {
		const seats = this.#online.get(exerciseId);
		const n = seats?.get(seatId) ?? 0;
		if (!seats || n === 0) return;
		if (n === 1) seats.delete(seatId);
		else seats.set(seatId, n - 1);
		this.changed(exerciseId);
	}

	/** Whether a seat has an open socket. */
	isOnline(exerciseId: string, seatId: string): boolean {
		return (this.#online.get(exerciseId)?.get(seatId) ?? 0) > 0;
	}

	/** The current member list of an exercise. */
	async snapshot(exerciseId: string): Promise<PresenceMember[]> {
		const seats = await this.members(exerciseId);
		return seats.map((s) => ({ ...s, connected: this.isOnline(exerciseId, s.participantId) }));
	}

	/** Schedules an announcement (joins, leaves and team moves all call this). */
	changed(exerciseId: string): void {
		if (this.#timers.has(exerciseId)) return;
		const timer = setTimeout(() => {
			this.#timers.delete(exerciseId);
			this.snapshot(exerciseId).then((m) => this.emit(exerciseId, m), this.onError);
		}, this.debounceMs);
		timer.unref?.();
		this.#timers.set(exerciseId, timer);
	}

	/** Cancels pending announcements. */
	close(): void {
		for (const t of this.#timers.values()) clearTimeout(t);
		this.#timers.clear();
	}
}
