import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, StoreError, type Store, type StoreErrorCode } from './index';
import { testTargets, type TestDatabase } from './test-targets';

async function expectCode(promise: Promise<unknown>, code: StoreErrorCode): Promise<StoreError> {
	const error = await promise.then(
		() => new Error('expected a rejection'),
		(e: unknown) => e
	);
	if (!(error instanceof StoreError)) throw error;
	expect(error.code).toBe(code);
	return error;
}

const version = (source: string, title = 'Drill') => ({
	source,
	sourceHash: `hash:${source}`,
	title,
	label: '1.0'
});

describe.each(testTargets)('scenarios store on $name', (target) => {
	let database: TestDatabase;
	let store: Store;
	let userId: string;

	beforeAll(async () => {
		database = await target.create();
		store = await openStore(database.url);
		userId = (await store.users.create({ username: 'author', displayName: 'Ada Author', passwordHash: 'x' }))
			.id;
	});
	afterAll(async () => {
		await store.close();
		await database.drop();
	});

	it('imports a library file once, adds a version when its text changes, and nothing when it does not', async () => {
		expect(
			await store.scenarios.upsertLibrary({ id: 'drill', file: 'drill.yaml', version: version('a') })
		).toBe('created');
		expect(
			await store.scenarios.upsertLibrary({ id: 'drill', file: 'drill.yaml', version: version('a') })
		).toBe('unchanged');
		expect(
			await store.scenarios.upsertLibrary({
				id: 'drill',
				file: 'drill.yaml',
				version: version('b', 'Drill 2')
			})
		).toBe('updated');
		const versions = await store.scenarios.versions('drill');
		expect(versions.map((v) => [v.number, v.note, v.publishedByName])).toEqual([
			[2, 'Re-imported from drill.yaml', 'Shipped library'],
			[1, 'Imported from drill.yaml', 'Shipped library']
		]);
		expect((await store.scenarios.version('drill'))?.source).toBe('b');
		expect((await store.scenarios.version('drill', 1))?.source).toBe('a');
		expect((await store.scenarios.get('drill'))?.title).toBe('Drill 2');
	});

	it('refuses a second file or a studio scenario with an id already taken, naming the holder', async () => {
		const clash = await expectCode(
			store.scenarios.upsertLibrary({ id: 'drill', file: 'other.yaml', version: version('c') }),
			'scenario/id_taken'
		);
		expect(clash.message).toBe(
			'The id "drill" is already used by the shipped scenario "Drill 2" (drill.yaml).'
		);
		await expectCode(
			store.scenarios.createWithDraft({ id: 'drill', title: 'Copy', ownerId: userId, source: 'x' }),
			'scenario/id_taken'
		);
	});

	it('saves a draft revision by revision and refuses a save over a stale revision', async () => {
		await store.scenarios.createWithDraft({ id: 'mine', title: 'Mine', ownerId: userId, source: 'v1' });
		const saved = await store.scenarios.saveDraft({
			scenarioId: 'mine',
			source: 'v2',
			title: 'Mine 2',
			revision: 1,
			by: userId
		});
		expect(saved.revision).toBe(2);
		const stale = await expectCode(
			store.scenarios.saveDraft({
				scenarioId: 'mine',
				source: 'v3',
				title: 'Mine 3',
				revision: 1,
				by: userId
			}),
			'draft/conflict'
		);
		expect(stale.message).toContain('Someone else saved this draft');
		expect((await store.scenarios.draft('mine'))?.source).toBe('v2');
	});

	it('publishes a draft as the next version and removes the draft, in one step', async () => {
		await expectCode(
			store.scenarios.publishDraft('mine', 2, {
				...version('changed'),
				note: 'n',
				publishedBy: userId,
				publishedByName: 'Ada'
			}),
			'draft/conflict'
		);
		const published = await store.scenarios.publishDraft('mine', 2, {
			...version('v2', 'Mine 2'),
			note: 'First release',
			publishedBy: userId,
			publishedByName: 'Ada Author'
		});
		expect(published).toMatchObject({
			number: 1,
			source: 'v2',
			note: 'First release',
			publishedByName: 'Ada Author'
		});
		expect(await store.scenarios.draft('mine')).toBeNull();
		const draft = await store.scenarios.startDraft('mine', userId);
		expect(draft).toMatchObject({ source: 'v2', revision: 1, basedOn: 1 });
		await expectCode(store.scenarios.startDraft('mine', userId), 'draft/conflict');
	});

	it('lists scenarios with their latest version and draft', async () => {
		const list = await store.scenarios.list();
		const mine = list.find((s) => s.id === 'mine');
		expect(mine?.latest?.number).toBe(1);
		expect(mine?.draft?.revision).toBe(1);
		expect(list.find((s) => s.id === 'drill')?.draft).toBeNull();
	});

	it('drops a never-published scenario with its draft, but keeps a published one', async () => {
		await store.scenarios.createWithDraft({ id: 'scratch', title: 'Scratch', ownerId: userId, source: 's' });
		await store.scenarios.discardDraft('scratch');
		expect(await store.scenarios.get('scratch')).toBeNull();
		await store.scenarios.discardDraft('mine');
		expect(await store.scenarios.get('mine')).not.toBeNull();
	});

	it('pins an exercise to the exact version it runs', async () => {
		const pinned = await store.scenarios.version('mine');
		const exercise = await store.exercises.create({
			scenarioId: 'mine',
			scenarioVersion: '1.0',
			scenarioSource: pinned!.source,
			scenarioVersionId: pinned!.id,
			title: 'Run',
			name: 'Run',
			orgName: 'Org',
			config: { teams: ['soc'], compression: 1, variables: {} },
			createdBy: userId
		});
		expect((await store.exercises.get(exercise.id))?.scenarioVersionId).toBe(pinned!.id);
		expect((await store.scenarios.versionById(pinned!.id))?.number).toBe(1);
	});
});
