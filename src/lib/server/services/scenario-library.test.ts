import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../db';
import { ServiceError } from '../errors';
import { TEST_SCENARIOS } from '../testing/harness';
import { ScenarioLibrary } from './scenario-library';

describe('ScenarioLibrary', () => {
	let dir: string;
	let store: Store;
	let library: ScenarioLibrary;
	const drill = () => readFileSync(path.join(TEST_SCENARIOS, 'server-drill.yaml'), 'utf8');

	beforeEach(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'switchboard-library-'));
		copyFileSync(path.join(TEST_SCENARIOS, 'server-drill.yaml'), path.join(dir, 'server-drill.yaml'));
		writeFileSync(path.join(dir, 'broken.yaml'), 'id: broken\ntitle: [unclosed\n');
		store = await openStore(path.join(dir, 'test.db'));
		library = new ScenarioLibrary(store, dir);
	});
	afterEach(async () => {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('lists valid scenarios with their teams and files with problems separately', async () => {
		const list = await library.list();
		expect(list.map((s) => s.id)).toEqual(['server-drill']);
		expect(list[0].teams.map((t) => t.id)).toEqual(['soc', 'legal']);
		expect(list[0]).toMatchObject({
			injectCount: 4,
			decisionCount: 2,
			durationMinutes: 60,
			origin: 'library'
		});
		expect(list[0].version).toMatchObject({ number: 1, publishedByName: 'Shipped library' });
		const problems = await library.problems();
		expect(problems.map((p) => p.file)).toEqual(['scenarios/broken.yaml']);
		expect(problems[0].issues.length).toBeGreaterThan(0);
	});

	it('refuses a second file with an id already used, naming the file that has it', async () => {
		writeFileSync(
			path.join(dir, 'zz-impostor.yaml'),
			drill().replace('title: Server drill', 'title: Impostor')
		);
		const list = await library.list();
		expect(list.filter((s) => s.id === 'server-drill').map((s) => s.title)).toEqual(['Server drill']);
		const problems = await library.problems();
		expect(problems.find((p) => p.file === 'scenarios/zz-impostor.yaml')?.issues).toEqual([
			{
				file: 'scenarios/zz-impostor.yaml',
				line: 1,
				path: 'id',
				message: 'scenario id "server-drill" is already used by scenarios/server-drill.yaml'
			}
		]);
	});

	it('gives the parsed scenario with its injects and their triggers', async () => {
		const detail = await library.get('server-drill');
		const injects = detail.scenario!.injects;
		expect(injects.map((i) => [i.id, i.trigger])).toEqual([
			['alert', { kind: 'at', at: 0 }],
			['soc-only', { kind: 'at', at: 0 }],
			['held', { kind: 'manual' }],
			['later', { kind: 'at', at: 2 * 3_600_000 }]
		]);
		expect(injects[0].decision?.options.map((o) => o.id)).toEqual(['hunt', 'wipe']);
	});

	it('answers an unknown id, or a file that is not in the library, with scenario/not_found', async () => {
		for (const id of ['nope', 'broken']) {
			const e = await library.forExercise(id).catch((x) => x);
			expect(e).toBeInstanceOf(ServiceError);
			expect(e.code).toBe('scenario/not_found');
		}
	});

	it('re-imports an edited file as a new version and keeps the earlier one for what pinned it', async () => {
		const first = await library.forExercise('server-drill');
		const file = path.join(dir, 'server-drill.yaml');
		writeFileSync(file, drill().replace('title: Server drill', 'title: Renamed drill'));
		const later = new Date(Date.now() + 5000);
		utimesSync(file, later, later);
		const detail = await library.get('server-drill');
		expect(detail.title).toBe('Renamed drill');
		expect(detail.version.number).toBe(2);
		expect((await library.pinned(first.versionId))?.title).toBe('Server drill');
		expect((await library.get('server-drill', 1)).title).toBe('Server drill');
	});

	it('imports an unchanged folder once', async () => {
		await library.list();
		expect(await library.importFolder()).toMatchObject({
			created: [],
			updated: [],
			unchanged: ['server-drill']
		});
	});
});
