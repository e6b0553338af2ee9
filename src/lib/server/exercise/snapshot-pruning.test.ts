import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import { openStore } from '../db';
import { fakeRequest, manualClock, TEST_SCENARIOS } from '../testing/harness';

const open = async (dir: string) =>
	createApp({
		store: await openStore(path.join(dir, 'db.sqlite')),
		scenariosDir: TEST_SCENARIOS,
		now: manualClock().now,
		snapshotEvery: 3
	});

describe('snapshots', () => {
	let dir: string;
	let app: App;
	beforeEach(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'switchboard-snapshots-'));
		app = await open(dir);
	});
	afterEach(async () => {
		await app.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('keeps only the two newest snapshots of an exercise, which is all a restore needs', async () => {
		const f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
		const { id } = await app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind',
			teams: ['soc']
		});
		const host = await app.hosts.get(id);
		const facilitator = { role: 'facilitator' as const, userId: f.userId };
		for (let i = 0; i < 30; i++) {
			await host.submit(facilitator, { type: 'note.add', noteId: `n${i}`, text: `note ${i}` }, `k${i}`);
		}
		expect(await app.store.snapshots.seqs(id)).toEqual([30, 27]);
		await app.close();
		app = await open(dir);
		expect((await app.hosts.get(id)).version).toBe(30);
	});
});
