/**
 * The browser's live link to one exercise: a socket.io client (same origin, cookies) that resyncs on every
 * (re)connect, keeps the latest view (applying the server's patches to it, and asking for the whole view again
 * when a patch does not fit the version it holds) and presence, ticks the scenario clock locally, and sends
 * commands with an idempotency key that survives timeouts and reconnects.
 */
import { io, type Socket } from 'socket.io-client';
import type { WireView } from '$lib/realtime/wire-view';
import { applyViewPatch } from '$lib/realtime/view-patch';
import type {
	Ack,
	ClientToServerEvents,
	PatchMessage,
	PresenceMember,
	ServerToClientEvents,
	ViewMessage,
	WireCommand,
	WireError
} from '$lib/realtime/contract';
import {
	forget,
	issue,
	markSent,
	queuedKeys,
	requeue,
	requeueAll,
	settle,
	type CommandEntry,
	type Ledger
} from './command-ledger';
import { mergePresence } from './presence';
import { scenarioNow } from './scenario-time';

/** The socket type this class drives (typed by the shared wire contract). */
export type ExerciseSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where the link stands, in the order a healthy page goes through them. */
export type ConnectionStatus = 'connecting' | 'syncing' | 'online' | 'reconnecting' | 'closed';

/** Options for one connection; the socket factory and timers are replaceable for tests. */
export interface ConnectionOptions {
	exerciseId: string;
	/** Which cookie identifies this browser when it holds both: the facilitator session or the seat. */
	as?: 'facilitator' | 'seat';
	/** Server wall clock minus browser wall clock, in ms (from the page load), so every browser shows one time. */
	serverOffset?: number;
	/** How long to wait for an ack before resending with the same key. */
	ackTimeoutMs?: number;
	/** How often the local clock ticks while connected. */
	tickMs?: number;
	/** The view rendered on the server, shown until the socket has synced. */
	initial?: ViewMessage;
	createSocket?: () => ExerciseSocket;
	now?: () => number;
	newKey?: () => string;
}

const DEFAULT_ACK_TIMEOUT = 8000;
/** How soon a sync answered "restoring" (after a server restart) is asked again. */
const RESTORING_RETRY_MS = 1000;

/** Live state of one exercise in the browser: view, version, status, presence, clock and commands. */
export class ExerciseConnection<V extends WireView = WireView> {
	#exerciseId: string;
	#socket: ExerciseSocket | null = null;
	#options: ConnectionOptions;
	#ticker: ReturnType<typeof setInterval> | null = null;
	// Plain object on purpose: resolvers are bookkeeping, not state the UI renders.
	#waiters: Record<string, (entry: CommandEntry) => void> = {};
	/** A sync asked for while online (a patch did not fit), not yet answered. */
	#resyncing = false;
	/** How many times a patch did not fit and the whole view was asked for again. */
	#resyncs = 0;

	#view = $state.raw<V | null>(null);
	#version = $state(0);
	#status = $state<ConnectionStatus>('connecting');
	#statusError = $state<WireError | null>(null);
	#presence = $state.raw<PresenceMember[]>([]);
	#ledger = $state.raw<Ledger>({});
	#wallNow = $state(0);

	constructor(options: ConnectionOptions) {
		this.#options = options;
		this.#exerciseId = options.exerciseId;
		this.#wallNow = this.#now();
		if (options.initial) this.#accept(options.initial);
	}

	/** The latest view the server sent for this browser's role, or null before the first sync. */
	get view(): V | null {
		return this.#view;
	}
	get version(): number {
		return this.#version;
	}
	/** How many times a pushed patch did not fit the view held, so the whole view was asked for again. */
	get resyncs(): number {
		return this.#resyncs;
	}
	get status(): ConnectionStatus {
		return this.#status;
	}
	/** Why the link is closed or failing (e.g. `auth/required`), with the server's message. */
	get statusError(): WireError | null {
		return this.#statusError;
	}
	get presence(): PresenceMember[] {
		return this.#presence;
	}
	/** Every command issued in this page, oldest first. */
	get commands(): CommandEntry[] {
		return Object.values(this.#ledger);
	}
	/** Commands still waiting for the server's ack. */
	get pendingCount(): number {
		return this.commands.filter((c) => c.status === 'queued' || c.status === 'inflight').length;
	}
	/** Scenario ms now, ticked locally from the view's clock anchor. */
	get scenarioNow(): number {
		const anchor = this.#view?.header.anchor;
		return anchor ? scenarioNow(anchor, this.#wallNow) : 0;
	}
	/** Server wall ms now, as the browser best knows it. */
	get wallNow(): number {
		return this.#wallNow;
	}

	/** One command's state by key. */
	command(key: string): CommandEntry | undefined {
		return this.#ledger[key];
	}

	/** Opens the socket (idempotent). Call from the page once mounted. */
	connect(): void {
		if (this.#socket) return;
		const socket = this.#options.createSocket?.() ?? defaultSocket(this.#options.as ?? 'seat');
		this.#socket = socket;
		socket.on('connect', () => this.#sync());
		socket.on('disconnect', (reason) => {
			this.#ledger = requeueAll(this.#ledger);
			// The server drops a socket on purpose only when its sign-in or seat has ended; socket.io does not
			// reconnect then, so the page says so instead of showing "reconnecting" for ever.
			if (reason === 'io server disconnect') {
				this.#status = 'closed';
				this.#statusError ??= {
					code: 'auth/required',
					message: 'The server ended this connection: sign in (or join) again.'
				};
				return;
			}
			this.#status = reason === 'io client disconnect' ? 'closed' : 'reconnecting';
		});
		socket.on('connect_error', (err) => {
			// A refusal by the server's auth middleware is final; transport errors are retried by socket.io.
			this.#status = socket.active ? 'reconnecting' : 'closed';
			this.#statusError = socket.active ? null : { code: err.message, message: describeRefusal(err.message) };
		});
		socket.on('exercise:view', (msg) => this.#accept(msg));
		socket.on('exercise:patch', (msg) => this.#patch(msg));
		socket.on('exercise:presence', (msg) => {
			if (msg.exerciseId === this.#exerciseId) this.#presence = msg.members;
		});
		socket.on('exercise:presence-change', (msg) => {
			if (msg.exerciseId === this.#exerciseId) this.#presence = mergePresence(this.#presence, msg.members);
		});
		this.#ticker = setInterval(() => (this.#wallNow = this.#now()), this.#options.tickMs ?? 1000);
		socket.connect();
	}

	/** Closes the socket and stops the clock. Unsettled commands are abandoned with the page. */
	destroy(): void {
		if (this.#ticker) clearInterval(this.#ticker);
		this.#ticker = null;
		this.#socket?.removeAllListeners();
		this.#socket?.disconnect();
		this.#socket = null;
		this.#status = 'closed';
	}

	/**
	 * Sends a command with a fresh idempotency key and resolves once the server has answered: `status` is 'done'
	 * or 'failed' (with the server's error). Timeouts and disconnects are retried with the same key meanwhile.
	 */
	send(command: WireCommand): Promise<CommandEntry> {
		const key = (this.#options.newKey ?? (() => crypto.randomUUID()))();
		this.#ledger = issue(this.#ledger, key, command);
		const settled = new Promise<CommandEntry>((resolve) => (this.#waiters[key] = resolve));
		this.#flush();
		return settled;
	}

	/** Drops a settled command from `commands` once the UI no longer needs its outcome. */
	dismiss(key: string): void {
		this.#ledger = forget(this.#ledger, key);
	}

	#now(): number {
		return (this.#options.now ?? Date.now)() + (this.#options.serverOffset ?? 0);
	}

	/** Asks for the whole view (on connect, or `quiet`ly when a patch did not fit while online). */
	#sync(quiet = false): void {
		const socket = this.#socket;
		if (!socket) return;
		if (!quiet) this.#status = 'syncing';
		socket
			.timeout(this.#options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT)
			.emit(
				'exercise:sync',
				{ exerciseId: this.#exerciseId },
				(err: Error | null, res?: Ack<ViewMessage>) => {
					if (this.#socket !== socket || !socket.connected) return;
					this.#resyncing = false;
					if (err || !res) return this.#sync();
					if ('error' in res && res.error.code === 'exercise/restoring') {
						// The server restarted and is still restoring this exercise: ask again shortly.
						setTimeout(() => this.#sync(), RESTORING_RETRY_MS);
						return;
					}
					if ('error' in res) {
						this.#status = 'closed';
						this.#statusError = res.error;
						return;
					}
					this.#statusError = null;
					// The whole view of the socket's room: what the room's next patch applies to, even when a
					// page-load view of a later version was shown before it.
					this.#accept(res.data, true);
					this.#status = 'online';
					this.#flush();
				}
			);
	}

	#accept(msg: ViewMessage, synced = false): void {
		if (msg.exerciseId !== this.#exerciseId) return;
		// Never step back to an older pushed view.
		if (!synced && this.#view && msg.version < this.#version) return;
		this.#view = msg.view as V;
		this.#version = msg.version;
		this.#wallNow = this.#now();
	}

	// A patch applies to the version it was made from; one the view has passed is stale, and any other gap (a
	// missed push, a patch that does not fit) is closed by asking for the whole view.
	#patch(msg: PatchMessage): void {
		if (msg.exerciseId !== this.#exerciseId) return;
		if (this.#view && msg.to <= this.#version) return;
		if (this.#view && msg.from === this.#version) {
			try {
				this.#view = applyViewPatch(this.#view, msg.patch);
				this.#version = msg.to;
				this.#wallNow = this.#now();
				return;
			} catch {
				// Falls through to a resync.
			}
		}
		if (this.#resyncing || this.#status !== 'online') return;
		this.#resyncing = true;
		this.#resyncs++;
		this.#sync(true);
	}

	#flush(): void {
		const socket = this.#socket;
		if (!socket?.connected || this.#status !== 'online') return;
		for (const key of queuedKeys(this.#ledger)) {
			const entry = this.#ledger[key];
			this.#ledger = markSent(this.#ledger, key);
			socket
				.timeout(this.#options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT)
				.emit(
					'exercise:command',
					{ exerciseId: this.#exerciseId, key, version: this.#version, command: entry.command },
					(err: Error | null, res?: Ack<{ version: number; duplicate: boolean }>) => {
						if (err || !res) {
							this.#ledger = requeue(this.#ledger, key);
							// A timeout on a live socket is retried at once; after a disconnect, the next sync flushes.
							queueMicrotask(() => this.#flush());
							return;
						}
						if ('error' in res && res.error.code === 'auth/required') this.#statusError = res.error;
						this.#ledger = settle(this.#ledger, key, res);
						const done = this.#ledger[key];
						const waiter = this.#waiters[key];
						if (done && waiter && (done.status === 'done' || done.status === 'failed')) {
							delete this.#waiters[key];
							waiter(done);
						}
					}
				);
		}
	}
}

function defaultSocket(as: 'facilitator' | 'seat'): ExerciseSocket {
	return io({ autoConnect: false, withCredentials: true, auth: { as } });
}

function describeRefusal(code: string): string {
	if (code === 'auth/required') return 'Your seat was not recognised. Join the exercise again.';
	if (code === 'auth/forbidden') return 'This seat may not open this exercise.';
	return 'The server refused the connection.';
}
