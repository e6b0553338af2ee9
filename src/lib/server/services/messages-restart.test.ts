/**
 * Messages and their approvals are part of the exercise's input log: after the server stops and starts again on
 * the same database, every draft, approval, send and persona reply is back, in the views and in the review.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import { openStore } from '../db';
import { fakeRequest, manualClock } from '../testing/harness';

const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-messages-restart-'));
const clock = manualClock(Date.UTC(2026, 0, 5, 9, 0));
const open = async (): Promise<App> =>
	createApp({
		store: await openStore(path.join(dir, 'db.sqlite')),
		scenariosDir: 'scenarios',
		now: clock.now,
		// A snapshot every three inputs: the restart restores from a snapshot plus the inputs after it.
		snapshotEvery: 3
	});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('messages across a restart', () => {
	it('keeps drafts, approvals, sends and replies, in the views and the review', async () => {
		let app = await open();
		const f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
		const { id } = await app.exercises.create(f, {
			scenarioId: 'salt-typhoon',
			organisation: 'Northwind Telecom',
			teams: ['legal', 'comms', 'exec']
		});
		const facilitator = { role: 'facilitator' as const, userId: f.userId };
		const legal = { role: 'participant' as const, teamId: 'legal', name: 'Lee' };
		const exec = { role: 'participant' as const, teamId: 'exec', name: 'Eve' };
		const comms = { role: 'participant' as const, teamId: 'comms', name: 'Cam' };
		let host = await app.hosts.get(id);
		let n = 0;
		const step = async (actor: Parameters<typeof host.submit>[0], command: object) => {
			clock.advance(60_000);
			await host.submit(actor, command as Parameters<typeof host.submit>[1], `k-${++n}`);
		};
		await step(facilitator, { type: 'exercise.start' });
		const report = {
			channel: 'filing',
			to: ['usss-fbi'],
			subject: 'CPNI breach report',
			body: 'Unauthorised access to call records of customers in three states.'
		};
		await step(legal, { type: 'message.save', messageId: 'm-report', teamId: 'legal', draft: report });
		await step(legal, { type: 'message.submit', messageId: 'm-report', teamId: 'legal' });
		await step(exec, { type: 'message.approve', messageId: 'm-report', teamId: 'exec', comment: 'Go.' });
		await step(legal, { type: 'message.send', messageId: 'm-report', teamId: 'legal' });
		await step(facilitator, {
			type: 'message.reply',
			messageId: 'm-report',
			persona: 'usss-fbi',
			body: 'Received.'
		});
		const holding = {
			channel: 'press',
			to: ['reporter'],
			subject: 'Holding line',
			body: 'We are investigating.'
		};
		await step(comms, { type: 'message.save', messageId: 'm-holding', teamId: 'comms', draft: holding });
		const before = host.view({ role: 'facilitator' });
		const legalBefore = host.view({ role: 'participant', teamId: 'legal' });
		expect(before.messages.map((m) => [m.subject, m.status])).toEqual([
			['CPNI breach report', 'sent'],
			['Holding line', 'draft']
		]);
		const reviewBefore = await app.review.forFacilitator(f, id);

		await app.close();
		app = await open();
		host = await app.hosts.get(id);
		expect(host.version).toBe(n);
		expect(host.view({ role: 'facilitator' })).toEqual(before);
		expect(host.view({ role: 'participant', teamId: 'legal' })).toEqual(legalBefore);
		const steps = host.view({ role: 'facilitator' }).messages[0].steps.map((s) => s.kind);
		expect(steps).toEqual(['drafted', 'submitted', 'approved', 'sent', 'reply']);
		expect((await app.review.forFacilitator(f, id)).messages).toEqual(reviewBefore.messages);
		await app.close();
	});
});
