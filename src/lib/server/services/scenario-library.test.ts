import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { TEST_SCENARIOS } from '../testing/harness';
import { ScenarioLibrary } from './scenario-library';

describe('ScenarioLibrary', () => {
	let dir: string;
	let library: ScenarioLibrary;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'switchboard-library-'));
		copyFileSync(path.join(TEST_SCENARIOS, 'server-drill.yaml'), path.join(dir, 'server-drill.yaml'));
		writeFileSync(path.join(dir, 'broken.yaml'), 'id: broken\ntitle: [unclosed\n');
		library = new ScenarioLibrary(dir);
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('lists valid scenarios with their teams and broken files with their problems', async () => {
		const list = await library.list();
		const drill = list.find((s) => s.id === 'server-drill');
		const broken = list.find((s) => s.id === 'broken');
		expect(drill?.teams.map((t) => t.id)).toEqual(['soc', 'legal']);
		expect(drill?.issues).toEqual([]);
		expect(drill).toMatchObject({ injectCount: 4, decisionCount: 2, durationMinutes: 60 });
		expect(broken?.issues.length).toBeGreaterThan(0);
		expect(broken?.file).toBe('scenarios/broken.yaml');
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

	it('refuses to run a scenario with problems and names the first one', async () => {
		const e = await library.forExercise('broken').catch((x) => x);
		expect(e).toBeInstanceOf(ServiceError);
		expect(e.code).toBe('scenario/invalid');
		expect(e.message).toContain('scenarios/broken.yaml');
	});

	it('answers an unknown id with scenario/not_found', async () => {
		const e = await library.get('nope').catch((x) => x);
		expect(e.code).toBe('scenario/not_found');
	});

	it('picks up an edited file on the next read', async () => {
		const file = path.join(dir, 'server-drill.yaml');
		const text = readFileSync(file, 'utf8').replace('title: Server drill', 'title: Renamed drill');
		writeFileSync(file, text);
		const later = new Date(Date.now() + 5000);
		utimesSync(file, later, later);
		expect((await library.get('server-drill')).title).toBe('Renamed drill');
	});
});
