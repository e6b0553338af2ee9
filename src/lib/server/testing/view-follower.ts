/**
 * What a test's socket.io client holds, followed as a browser follows it: whole views (pushed, or answers to
 * its own `exercise:sync`) and patches applied to the view held. Each view the client comes to hold is recorded
 * and handed to listeners, so tests read views whichever way they travelled. A patch that does not start from
 * the version held is counted in `gaps` (a browser would resync; a test usually asserts there were none).
 */
import type { Socket } from 'socket.io-client';
// Relative imports: the browser tests (test/e2e) load this file without SvelteKit's aliases.
import type {
	ClientToServerEvents,
	PatchMessage,
	ServerToClientEvents,
	ViewMessage
} from '../../realtime/contract';
import { applyViewPatch } from '../../realtime/view-patch';

type Listener = (msg: ViewMessage) => void;

export class ViewFollower {
	/** The view message held now (the last one recorded). */
	current: ViewMessage | null = null;
	/** Every view held, in order: sync answers, whole views pushed and views rebuilt from patches. */
	readonly held: ViewMessage[] = [];
	/** Every patch received, as sent. */
	readonly patches: PatchMessage[] = [];
	/** Patches that did not start from the version held. */
	gaps = 0;
	#listeners = new Set<Listener>();

	constructor(socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
		socket.on('exercise:view', (msg: ViewMessage) => this.#hold(msg));
		socket.on('exercise:patch', (msg: PatchMessage) => {
			this.patches.push(msg);
			const held = this.current;
			if (!held || held.exerciseId !== msg.exerciseId || held.version !== msg.from) {
				this.gaps++;
				return;
			}
			this.#hold({ exerciseId: msg.exerciseId, version: msg.to, view: applyViewPatch(held.view, msg.patch) });
		});
		// Sync answers come back through acks: the callback of each `exercise:sync` emit is wrapped.
		const emit = socket.emit.bind(socket) as unknown as (event: string, ...args: unknown[]) => unknown;
		(socket as unknown as { emit: typeof emit }).emit = (event, ...args) => {
			const last = args.length - 1;
			const ack = args[last];
			if (event === 'exercise:sync' && typeof ack === 'function') {
				args[last] = (...results: unknown[]) => {
					for (const r of results) {
						const data = (r as { data?: ViewMessage } | null)?.data;
						if (data && typeof data === 'object' && 'view' in data) this.#hold(data);
					}
					return ack(...results);
				};
			}
			return emit(event, ...args);
		};
	}

	/** Calls `listener` with each view held from now on; returns the unsubscribe. */
	on(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#hold(msg: ViewMessage): void {
		this.current = msg;
		this.held.push(msg);
		for (const listener of this.#listeners) listener(msg);
	}
}
