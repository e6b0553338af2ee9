/**
 * Who is connected: counts of open, synced sockets per seat and exercise. Staff get the whole list once when
 * they sync (see snapshot); after that only the members whose seat, team or connection changed are announced,
 * debounced per exercise so a room of people joining at once costs one small message rather than one each,
 * and a big room does not resend its whole list on every connect.
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
	/** Seats changed since the last announcement, per exercise. */
	readonly #pending = new Map<string, Set<string>>();

	constructor(
		private readonly members: MemberSource,
		/** Sends the changed members of an exercise to its staff rooms. */
		private readonly emit: (exerciseId: string, changed: PresenceMember[]) => void,
		private readonly onError: (e: unknown) => void,
		private readonly debounceMs = 100
	) {}

	/** A seat's socket came online in an exercise. */
	connected(exerciseId: string, seatId: string): void {
		const seats = this.#online.get(exerciseId) ?? new Map<string, number>();
		seats.set(seatId, (seats.get(seatId) ?? 0) + 1);
		this.#online.set(exerciseId, seats);
		this.changed(exerciseId, seatId);
	}

	/** A seat's socket went away. */
	disconnected(exerciseId: string, seatId: string): void {
		const seats = this.#online.get(exerciseId);
		const n = seats?.get(seatId) ?? 0;
		if (!seats || n === 0) return;
		if (n === 1) seats.delete(seatId);
		else seats.set(seatId, n - 1);
		this.changed(exerciseId, seatId);
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

	/** Schedules an announcement of a seat's change (joins, connects, leaves and team moves all call this). */
	changed(exerciseId: string, seatId: string): void {
		const pending = this.#pending.get(exerciseId) ?? new Set<string>();
		pending.add(seatId);
		this.#pending.set(exerciseId, pending);
		if (this.#timers.has(exerciseId)) return;
		const timer = setTimeout(() => {
			this.#timers.delete(exerciseId);
			const seats = this.#pending.get(exerciseId) ?? new Set<string>();
			this.#pending.delete(exerciseId);
			this.snapshot(exerciseId).then((all) => {
				const changed = all.filter((m) => seats.has(m.participantId));
				if (changed.length > 0) this.emit(exerciseId, changed);
			}, this.onError);
		}, this.debounceMs);
		timer.unref?.();
		this.#timers.set(exerciseId, timer);
	}

	/** Cancels pending announcements. */
	close(): void {
		for (const t of this.#timers.values()) clearTimeout(t);
		this.#timers.clear();
		this.#pending.clear();
	}
}
