import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/engine/scenario';
import { createApp, type App } from '../app';
import { openStore } from '../db';
import { fakeRequest, serviceErrorCode } from '../testing/harness';
import type { Facilitator } from './sessions';

const SHIPPED = path.resolve('scenarios');
const shipped = readdirSync(SHIPPED)
	.filter((n) => n.endsWith('.yaml'))
	.sort();

async function freshApp(dir: string, name: string): Promise<{ app: App; user: Facilitator }> {
	const app = createApp({ store: await openStore(path.join(dir, `${name}.db`)), scenariosDir: SHIPPED });
	const user = await app.sessions.setup(fakeRequest(), {
		name: 'Ada Author',
		username: 'ada',
		password: 'correct horse battery staple'
	});
	return { app, user };
}

describe('the scenario studio', () => {
	let dir: string;
	let app: App;
	let user: Facilitator;

	beforeEach(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'switchboard-studio-'));
		({ app, user } = await freshApp(dir, 'main'));
	});
	afterEach(async () => {
		await app.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it.each(shipped)(
		'exports %s byte for byte, and importing the export gives the same scenario',
		async (name) => {
			const file = readFileSync(path.join(SHIPPED, name), 'utf8');
			const id = parseScenario(file, name).scenario!.id;
			await app.scenarios.sync();
			const exported = await app.studio.exportVersion(id);
			expect(exported.source).toBe(file);

			const other = await freshApp(dir, `other-${id}`);
			try {
				const { app: second, user: author } = other;
				// The second server has no shipped library folder of its own: the export is all it knows.
				const copy = createApp({ store: second.store, scenariosDir: path.join(dir, 'nothing-here') });
				const draftId = await copy.imports.yaml(author, exported.fileName, Buffer.from(exported.source));
				expect(draftId).toBe(id);
				const draft = await copy.studio.open(author, id);
				await copy.studio.publish(author, id, draft.revision, 'Imported from an export');
				const again = await copy.studio.exportVersion(id);
				expect(again.source).toBe(file);
				expect(parseScenario(again.source, name).scenario).toEqual(parseScenario(file, name).scenario);
			} finally {
				await other.app.close();
			}
		}
	);

	it('duplicates the flagship into a draft of its own that changes only the id and title lines', async () => {
		const id = await app.studio.duplicate(user, 'salt-typhoon');
		expect(id).toBe('salt-typhoon-copy');
		const draft = await app.studio.open(user, id);
		const original = readFileSync(path.join(SHIPPED, 'salt-typhoon.yaml'), 'utf8').split('\n');
		const changed = draft.source.split('\n').filter((line, i) => line !== original[i]);
		expect(changed).toEqual(['id: salt-typhoon-copy', expect.stringMatching(/^title: .*\(copy\)'?$/)]);
		expect(app.studio.check(id, draft.source)).toEqual([]);
		expect(await app.studio.duplicate(user, 'salt-typhoon')).toBe('salt-typhoon-copy-2');
	});

	it('keeps a shipped scenario read-only: it is changed by its file, or duplicated', async () => {
		expect(await serviceErrorCode(app.studio.startEditing(user, 'salt-typhoon'))).toBe('scenario/read_only');
	});

	it('saves revision by revision, refuses a stale save, and names problems without refusing to save', async () => {
		const id = await app.studio.duplicate(user, 'example-quickstart', {
			id: 'acme-quickstart',
			title: 'Acme quick start'
		});
		const draft = await app.studio.open(user, id);
		const broken = draft.source.replace('channel: ticket', 'channel: tikcet');
		const saved = await app.studio.save(user, id, broken, draft.revision);
		expect(saved.revision).toBe(draft.revision + 1);
		expect(saved.issues[0].message).toContain('"tikcet" is not one of');
		expect(await serviceErrorCode(app.studio.save(user, id, draft.source, draft.revision))).toBe(
			'draft/conflict'
		);
	});

	it('publishes only a draft that validates, with a change note, and pins exercises to the version they ran', async () => {
		const id = await app.studio.duplicate(user, 'example-quickstart', { id: 'acme-quickstart' });
		let draft = await app.studio.open(user, id);
		const broken = await app.studio.save(
			user,
			id,
			draft.source.replace('channel: ticket', 'channel: tikcet'),
			draft.revision
		);
		expect(await serviceErrorCode(app.studio.publish(user, id, broken.revision, 'First'))).toBe(
			'scenario/invalid'
		);
		const fixed = await app.studio.save(user, id, draft.source, broken.revision);
		expect(await serviceErrorCode(app.studio.publish(user, id, fixed.revision, '  '))).toBe('form/invalid');
		expect(await app.studio.publish(user, id, fixed.revision, 'First release for Acme')).toBe(1);

		const first = await app.exercises.create(user, {
			scenarioId: id,
			organisation: 'Acme',
			teams: ['soc', 'legal']
		});
		await app.studio.startEditing(user, id);
		draft = await app.studio.open(user, id);
		expect(draft.basedOn).toBe(1);
		const renamed = draft.source.replace(/^title: .*$/m, 'title: Acme quick start, second edition');
		const second = await app.studio.save(user, id, renamed, draft.revision);
		expect(await app.studio.publish(user, id, second.revision, 'Renamed')).toBe(2);

		const record = await app.store.exercises.get(first.id);
		// The exercise keeps the text it runs (trimmed, as exercises always stored it) and the version it pinned.
		expect(record?.scenarioSource).toBe(draft.source.trim());
		expect((await app.scenarios.pinned(record!.scenarioVersionId))?.version.number).toBe(1);
		expect((await app.scenarios.get(id)).title).toBe('Acme quick start, second edition');
		expect(
			(await app.store.scenarios.versions(id)).map((v) => [v.number, v.note, v.publishedByName])
		).toEqual([
			[2, 'Renamed', 'Ada Author'],
			[1, 'First release for Acme', 'Ada Author']
		]);
	});

	it('refuses a duplicate under an id already taken, naming the scenario that has it', async () => {
		await expect(app.studio.duplicate(user, 'example-quickstart', { id: 'salt-typhoon' })).rejects.toThrow(
			/^The id "salt-typhoon" is already used by the shipped scenario ".+" \(salt-typhoon\.yaml\)\.$/
		);
		expect((await app.store.scenarios.list()).filter((s) => s.origin === 'studio')).toEqual([]);
	});

	it('lets facilitators, authors and administrators start drafts, and no one else', async () => {
		const evaluator = { ...user, roles: ['evaluator' as const] };
		expect(await serviceErrorCode(app.studio.duplicate(evaluator, 'example-quickstart'))).toBe(
			'scenario/forbidden'
		);
		const facilitator = { ...user, roles: ['facilitator' as const] };
		const id = await app.studio.duplicate(facilitator, 'example-quickstart');
		const draft = await app.studio.open(facilitator, id);
		// A facilitator edits and tries the draft; publishing it takes the author role.
		expect(draft.canPublish).toBe(false);
		expect(await serviceErrorCode(app.studio.publish(facilitator, id, draft.revision, 'Mine'))).toBe(
			'scenario/forbidden'
		);
		expect(await serviceErrorCode(app.studio.open(evaluator, id))).toBe('scenario/not_found');
	});

	it('refuses an id that must stay as it is', async () => {
		const id = await app.studio.duplicate(user, 'example-quickstart', { id: 'acme-quickstart' });
		const draft = await app.studio.open(user, id);
		expect(app.studio.check(id, draft.source.replace('id: acme-quickstart', 'id: acme-other'))).toEqual([
			expect.objectContaining({
				path: 'id',
				message: 'the id must stay "acme-quickstart": duplicate the scenario to give it another id'
			})
		]);
	});

	it('drops a never-published draft entirely when discarded', async () => {
		const id = await app.studio.duplicate(user, 'example-quickstart');
		expect(await app.studio.discard(user, id)).toEqual({ scenarioRemains: false });
		expect(await app.store.scenarios.get(id)).toBeNull();
	});
});

describe('uploads into drafts', () => {
	let dir: string;
	let app: App;
	let user: Facilitator;

	beforeEach(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'switchboard-uploads-'));
		({ app, user } = await freshApp(dir, 'main'));
	});
	afterEach(async () => {
		await app.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const message = (p: Promise<unknown>) =>
		p.then(
			() => '',
			(e: Error) => e.message
		);

	it('imports the MSEL workbook fixture through the mapping step into a draft that validates', async () => {
		const bytes = readFileSync('test/fixtures/import/msel-roaming-fraud.xlsx');
		const sheet = await app.imports.inspectMsel(user, 'msel-roaming-fraud.xlsx', bytes);
		expect(sheet.headers).toContain('Expected Player Action');
		expect(sheet.mapping).toMatchObject({ time: 1, phase: 2, title: 3, expectedAction: 8 });
		const outcome = await app.imports.importMsel(user, sheet.token, sheet.mapping, {
			title: 'Roaming fraud'
		});
		if (!outcome.ok) throw new Error(outcome.message);
		const draft = await app.studio.open(user, outcome.id);
		expect(draft.title).toBe('Roaming fraud');
		expect(app.studio.check(outcome.id, draft.source)).toEqual([]);
		expect(draft.importNotes.filter((n) => n.level === 'skipped').map((n) => n.row)).toEqual([7, 9]);
		expect(await serviceErrorCode(app.imports.importMsel(user, sheet.token, sheet.mapping, {}))).toBe(
			'upload/expired'
		);
	});

	it('keeps the sheet and the chosen mapping after a refused import, so the author can correct and retry', async () => {
		const csv = readFileSync('test/fixtures/import/msel-sim-swap.csv');
		const sheet = await app.imports.inspectMsel(user, 'msel-sim-swap.csv', csv);
		const wrong = { ...sheet.mapping, title: undefined, description: sheet.mapping.title };
		const refused = await app.imports.importMsel(user, sheet.token, wrong, {});
		expect(refused).toEqual({
			ok: false,
			message: 'Choose the column that holds the inject titles.',
			notes: [],
			code: 'title-column'
		});
		expect(app.imports.reopenMsel(user, sheet.token, wrong)).toMatchObject({
			token: sheet.token,
			fileName: 'msel-sim-swap.csv',
			headers: sheet.headers,
			mapping: wrong
		});
		const twice = { ...sheet.mapping, description: sheet.mapping.title };
		expect((await app.imports.importMsel(user, sheet.token, twice, {})).ok).toBe(false);
		expect((await app.store.scenarios.list()).filter((s) => s.origin === 'studio')).toEqual([]);
		const outcome = await app.imports.importMsel(user, sheet.token, sheet.mapping, {});
		expect(outcome.ok).toBe(true);
		expect(app.imports.reopenMsel(user, sheet.token, sheet.mapping)).toBeUndefined();
	});

	it('imports the IcebergTTX fixture into a draft that validates', async () => {
		const outcome = await app.imports.icebergTtx(
			user,
			'fibre-cut.json',
			readFileSync('test/fixtures/import/icebergttx-fibre-cut.json')
		);
		if (!outcome.ok) throw new Error(outcome.message);
		expect(app.studio.check(outcome.id, (await app.studio.open(user, outcome.id)).source)).toEqual([]);
	});

	it('refuses 5 MB of garbage, a YAML bomb and a binary file with clear reasons, saving nothing', async () => {
		const garbage = Buffer.alloc(5 * 1024 * 1024, 0x41);
		expect(await message(app.imports.inspectMsel(user, 'msel.xlsx', garbage))).toBe(
			'The file is 5 MB; uploads may be at most 2 MB.'
		);
		let bomb = 'id: bomb\na: &a [x, x, x, x, x, x, x, x, x]\n';
		for (let i = 1; i < 10; i++) {
			const [n, p] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
			bomb += `${n}: &${n} [${Array(9).fill(`*${p}`).join(', ')}]\n`;
		}
		expect(await message(app.imports.yaml(user, 'bomb.yaml', Buffer.from(bomb)))).toContain(
			'YAML aliases (*name) expand to too much data'
		);
		const injects = Array.from(
			{ length: 10_000 },
			(_, i) => `  - id: i${i}\n    phase: p\n    title: Inject ${i}\n    channel: email\n    body: b\n`
		).join('');
		expect(
			await message(app.imports.yaml(user, 'big.yaml', Buffer.from(`id: big\ninjects:\n${injects}`)))
		).toBe('The file has about 10,000 injects; a scenario may have at most 1,000.');
		const flow = Array.from({ length: 1001 }, (_, i) => `{id: i${i}}`).join(', ');
		expect(
			await message(app.imports.yaml(user, 'flow.yaml', Buffer.from(`id: flow\ninjects: [${flow}]\n`)))
		).toBe('The file has 1,001 injects; a scenario may have at most 1,000.');
		expect(
			await message(app.imports.inspectMsel(user, 'msel.csv', Buffer.from([0x00, 0xff, 0xfe, 0x41])))
		).toBe('The file is not UTF-8 text, so it cannot be read as CSV.');
		expect((await app.store.scenarios.list()).filter((s) => s.origin === 'studio')).toEqual([]);
	});

	it('lets only facilitators, authors and administrators import, saying which role it takes', async () => {
		const evaluator = { ...user, roles: ['evaluator' as const] };
		const refusal =
			'This needs the Scenario author, Administrator or Facilitator role, which your account does not have. Ask an administrator to grant it.';
		const csv = readFileSync('test/fixtures/import/msel-sim-swap.csv');
		const json = readFileSync('test/fixtures/import/icebergttx-fibre-cut.json');
		const yaml = Buffer.from('id: mine\ntitle: Mine\n');
		expect(await message(app.imports.inspectMsel(evaluator, 'msel.csv', csv))).toBe(refusal);
		expect(await message(app.imports.icebergTtx(evaluator, 'fibre-cut.json', json))).toBe(refusal);
		expect(await message(app.imports.yaml(evaluator, 'mine.yaml', yaml))).toBe(refusal);
		expect((await app.store.scenarios.list()).filter((s) => s.origin === 'studio')).toEqual([]);
	});

	it('refuses a YAML upload whose id is taken, naming the scenario that has it', async () => {
		await app.scenarios.sync();
		const flagship = readFileSync(path.join(SHIPPED, 'salt-typhoon.yaml'));
		expect(await message(app.imports.yaml(user, 'salt-typhoon.yaml', flagship))).toMatch(
			/^The id "salt-typhoon" is already used by the shipped scenario ".*" \(salt-typhoon.yaml\)\.$/
		);
	});
});
