/**
 * Facilitator sockets by login session, so a session that ends (logout, expiry, an administrator ending it,
 * a disabled account) ends everywhere: its open sockets are disconnected, and privileged commands re-check that
 * the session is still live before they run.
 */

/** The part of a socket this module needs. */
export interface SessionSocket {
	data: { sessionId?: string };
	disconnect(close?: boolean): unknown;
}

/** Answers whether a session is still live (not ended, not expired, its account enabled). */
export type SessionCheck = (sessionId: string) => Promise<boolean>;

/** Open facilitator sockets grouped by session id. */
export class SessionSockets<S extends SessionSocket> {
	readonly #bySession = new Map<string, Set<S>>();

	constructor(private readonly live: SessionCheck) {}

	/** Tracks a socket opened with a facilitator session (sockets of seats carry none and are ignored). */
	add(socket: S): void {
		const id = socket.data.sessionId;
		if (!id) return;
		const set = this.#bySession.get(id) ?? new Set<S>();
		set.add(socket);
		this.#bySession.set(id, set);
	}

	/** Forgets a socket that went away. */
	remove(socket: S): void {
		const id = socket.data.sessionId;
		if (!id) return;
		const set = this.#bySession.get(id);
		set?.delete(socket);
		if (set?.size === 0) this.#bySession.delete(id);
	}

	/** Disconnects every socket of the given sessions. */
	end(sessionIds: Iterable<string>): void {
		for (const id of sessionIds) {
			for (const socket of this.#bySession.get(id) ?? []) socket.disconnect(true);
			this.#bySession.delete(id);
		}
	}

	/** True when the socket's session is still live (always for seats); see `drop` for the other case. */
	async stillLive(socket: S): Promise<boolean> {
		const id = socket.data.sessionId;
		return !id || this.live(id);
	}

	/** Disconnects a socket whose session was found ended, with every other socket of that session. */
	drop(socket: S): void {
		if (socket.data.sessionId) this.end([socket.data.sessionId]);
		socket.disconnect(true);
	}

	/** Re-checks every tracked session and disconnects those that ended or expired since; returns how many. */
	async sweep(): Promise<number> {
		let ended = 0;
		for (const id of [...this.#bySession.keys()]) {
			if (await this.live(id)) continue;
			this.end([id]);
			ended++;
		}
		return ended;
	}

	/** Number of sessions with open sockets. */
	get size(): number {
		return this.#bySession.size;
	}
}
