import { describe, expect, it } from 'vitest';
import {
	forget,
	hasUnsettled,
	issue,
	markSent,
	queuedKeys,
	requeue,
	requeueAll,
	settle,
	type Ledger
} from './command-ledger';

const pause = { type: 'exercise.pause' } as const;
const start = { type: 'exercise.start' } as const;

describe('command ledger', () => {
	it('queues a newly issued command without sending it', () => {
		const ledger = issue({}, 'k1', pause);
		expect(ledger.k1).toMatchObject({ status: 'queued', attempts: 0 });
		expect(queuedKeys(ledger)).toEqual(['k1']);
	});

	it('keeps the same key when a timed-out command is requeued and counts each attempt', () => {
		let ledger = markSent(issue({}, 'k1', pause), 'k1');
		ledger = markSent(requeue(ledger, 'k1'), 'k1');
		expect(ledger.k1).toMatchObject({ key: 'k1', status: 'inflight', attempts: 2 });
	});

	it('requeues every in-flight command when the socket drops, leaving settled ones alone', () => {
		let ledger: Ledger = issue(issue({}, 'a', pause), 'b', start);
		ledger = markSent(markSent(ledger, 'a'), 'b');
		ledger = settle(ledger, 'a', { data: { version: 4, duplicate: false } });
		ledger = requeueAll(ledger);
		expect(ledger.a.status).toBe('done');
		expect(queuedKeys(ledger)).toEqual(['b']);
	});

	it('records the server error message on a refused command', () => {
		let ledger = markSent(issue({}, 'k1', pause), 'k1');
		ledger = settle(ledger, 'k1', { error: { code: 'command/invalid_state', message: 'Not running' } });
		expect(ledger.k1).toMatchObject({ status: 'failed', error: { message: 'Not running' } });
		expect(hasUnsettled(ledger)).toBe(false);
	});

	it('lets the first ack win when a retried key is answered twice', () => {
		let ledger = markSent(issue({}, 'k1', pause), 'k1');
		ledger = settle(ledger, 'k1', { data: { version: 7, duplicate: false } });
		ledger = settle(ledger, 'k1', { data: { version: 7, duplicate: true } });
		expect(ledger.k1).toMatchObject({ status: 'done', duplicate: false, version: 7 });
	});

	it('does not resend a command whose late ack arrived before the requeue', () => {
		let ledger = markSent(issue({}, 'k1', pause), 'k1');
		ledger = settle(ledger, 'k1', { data: { version: 2, duplicate: false } });
		ledger = requeue(ledger, 'k1');
		expect(queuedKeys(ledger)).toEqual([]);
	});

	it('forgets settled commands but never an unsettled one', () => {
		let ledger = issue(issue({}, 'a', pause), 'b', start);
		ledger = settle(markSent(ledger, 'a'), 'a', { data: { version: 1, duplicate: false } });
		ledger = forget(forget(ledger, 'a'), 'b');
		expect(Object.keys(ledger)).toEqual(['b']);
	});
});
