/**
 * Retry bookkeeping for commands sent over the socket. Each command keeps its idempotency key for its whole
 * life: a timeout or a disconnect puts it back in the queue with the SAME key, so the server stores it once.
 * Only an ack (data or error) settles it. Pure data in, data out: the connection class owns the state.
 */
import type { Ack, WireCommand, WireError } from '$lib/realtime/contract';

/** Where a command stands: waiting to be (re)sent, on the wire, accepted, or refused by the server. */
export type CommandStatus = 'queued' | 'inflight' | 'done' | 'failed';

/** One command the browser has issued, as the UI sees it. */
export interface CommandEntry {
	key: string;
	command: WireCommand;
	status: CommandStatus;
	/** Times it has been put on the wire. */
	attempts: number;
	/** The server's refusal, once failed. */
	error?: WireError;
	/** Version the server reached after accepting it. */
	version?: number;
	duplicate?: boolean;
}

/** The ledger: entries by key, in issue order. */
export type Ledger = Record<string, CommandEntry>;

/** Adds a newly issued command, queued for sending. */
export function issue(ledger: Ledger, key: string, command: WireCommand): Ledger {
	if (ledger[key]) return ledger;
	return { ...ledger, [key]: { key, command, status: 'queued', attempts: 0 } };
}

/** Marks a queued command as sent; returns the ledger unchanged if it is not queued. */
export function markSent(ledger: Ledger, key: string): Ledger {
	const entry = ledger[key];
	if (!entry || entry.status !== 'queued') return ledger;
	return { ...ledger, [key]: { ...entry, status: 'inflight', attempts: entry.attempts + 1 } };
}

/** A timeout or disconnect: the command goes back to the queue, key unchanged, unless already settled. */
export function requeue(ledger: Ledger, key: string): Ledger {
	const entry = ledger[key];
	if (!entry || entry.status !== 'inflight') return ledger;
	return { ...ledger, [key]: { ...entry, status: 'queued' } };
}

/** Every in-flight command back to the queue (the socket dropped). */
export function requeueAll(ledger: Ledger): Ledger {
	let next = ledger;
	for (const key of Object.keys(ledger)) next = requeue(next, key);
	return next;
}

/** Settles a command with the server's answer; the first ack wins, later ones for the same key are ignored. */
export function settle(
	ledger: Ledger,
	key: string,
	res: Ack<{ version: number; duplicate: boolean }>
): Ledger {
	const entry = ledger[key];
	if (!entry || entry.status === 'done' || entry.status === 'failed') return ledger;
	const settled: CommandEntry =
		'error' in res
			? { ...entry, status: 'failed', error: res.error }
			: { ...entry, status: 'done', version: res.data.version, duplicate: res.data.duplicate };
	return { ...ledger, [key]: settled };
}

/** Keys waiting to be put on the wire, oldest first. */
export function queuedKeys(ledger: Ledger): string[] {
	return Object.values(ledger)
		.filter((e) => e.status === 'queued')
		.map((e) => e.key);
}

/** Whether any command is still unsettled (queued or in flight). */
export function hasUnsettled(ledger: Ledger): boolean {
	return Object.values(ledger).some((e) => e.status === 'queued' || e.status === 'inflight');
}

/** Drops a settled command (after the UI has shown its outcome); unsettled ones are kept. */
export function forget(ledger: Ledger, key: string): Ledger {
	const entry = ledger[key];
	if (!entry || entry.status === 'queued' || entry.status === 'inflight') return ledger;
	const { [key]: _dropped, ...rest } = ledger;
	return rest;
}
