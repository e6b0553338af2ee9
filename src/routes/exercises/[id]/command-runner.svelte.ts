/**
 * Sends facilitator commands through the live connection and keeps what the page shows about them: which
 * command is on its way (to disable its button) and the server's last refusal or confirmation (for a live region).
 */
import type { WireCommand } from '$lib/realtime/contract';

/** The part of ExerciseConnection the runner needs (so tests can pass a fake). */
export interface CommandSender {
	send(command: WireCommand): Promise<{ status: string; error?: { message: string } }>;
}

/** One page's command state: busy command type, last error, last confirmation. */
export class CommandRunner {
	#sender: CommandSender;
	#busy = $state<string | null>(null);
	#error = $state<string | null>(null);
	#notice = $state<string | null>(null);
	#said = $state(0);

	constructor(sender: CommandSender) {
		this.#sender = sender;
	}

	/** The type of the command waiting for the server, or null. */
	get busy(): string | null {
		return this.#busy;
	}
	/** The server's message for the last refused command. */
	get error(): string | null {
		return this.#error;
	}
	/** What the last accepted command did, in words. */
	get notice(): string | null {
		return this.#notice;
	}

	/** Counts the messages given, so a live region can announce the same words twice in a row. */
	get said(): number {
		return this.#said;
	}

	/** Shows a message that no command produced (a shortcut with nothing to do, say). */
	tell(message: string, kind: 'notice' | 'error' = 'notice'): void {
		this.#error = kind === 'error' ? message : null;
		this.#notice = kind === 'notice' ? message : null;
		this.#said++;
	}

	/** Sends one command; resolves true once the server accepted it, false (with `error` set) if refused. */
	async run(command: WireCommand, done?: string): Promise<boolean> {
		this.#busy = command.type;
		this.#error = null;
		try {
			const entry = await this.#sender.send(command);
			if (entry.status === 'failed') {
				this.#error = entry.error?.message ?? 'The server refused this command.';
				this.#notice = null;
				return false;
			}
			this.#notice = done ?? null;
			return true;
		} finally {
			this.#busy = null;
			this.#said++;
		}
	}
}
