/** Scenarios: the library and the studio's, their published versions (append-only) and their drafts. */
import { and, desc, eq, getTableColumns, max } from 'drizzle-orm';
import { step, type Ctx } from './context';
import { newId } from './ids';
import {
	StoreError,
	type ScenarioDraftRecord,
	type ScenariosStore,
	type ScenarioVersionRecord
} from './store';
import { requireInteger, requireText } from './validate';

const INVALID = 'scenario/invalid';
/** Twice the studio's scenario limit: the store refuses anything the services could never have accepted. */
const MAX_SOURCE = 1_048_576;

/** Scenario text is kept exactly as given (no trimming: exports must be byte for byte what was published). */
function sourceText(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '')
		throw new StoreError(INVALID, 'Scenario text must not be empty.');
	if (value.length > MAX_SOURCE)
		throw new StoreError(INVALID, `Scenario text must be at most ${MAX_SOURCE} characters.`);
	return value;
}

/** The scenarios noun over a dialect context. */
export function scenariosStore(ctx: Ctx): ScenariosStore {
	const { db, t } = ctx;
	const { source: _source, ...summaryColumns } = getTableColumns(t.scenarioVersions);

	const taken = (id: string, by: { origin: string; libraryFile: string | null; title: string }) =>
		new StoreError(
			'scenario/id_taken',
			by.origin === 'library'
				? `The id "${id}" is already used by the shipped scenario "${by.title}" (${by.libraryFile ?? 'scenarios folder'}).`
				: `The id "${id}" is already used by the scenario "${by.title}".`
		);

	function* nextNumber(tx: Ctx['db'], scenarioId: string) {
		const [row] = yield* step(
			tx
				.select({ n: max(t.scenarioVersions.number) })
				.from(t.scenarioVersions)
				.where(eq(t.scenarioVersions.scenarioId, scenarioId))
		);
		return ((row as { n: number | null } | undefined)?.n ?? 0) + 1;
	}

	return {
		async list() {
			const rows = await db.select().from(t.scenarios).orderBy(t.scenarios.title);
			const versions = await db
				.select(summaryColumns)
				.from(t.scenarioVersions)
				.orderBy(desc(t.scenarioVersions.number));
			const drafts = await db
				.select({
					scenarioId: t.scenarioDrafts.scenarioId,
					revision: t.scenarioDrafts.revision,
					updatedAt: t.scenarioDrafts.updatedAt,
					updatedBy: t.scenarioDrafts.updatedBy
				})
				.from(t.scenarioDrafts);
			return rows.map((row) => {
				const draft = drafts.find((d) => d.scenarioId === row.id);
				return {
					...row,
					latest: versions.find((v) => v.scenarioId === row.id) ?? null,
					draft: draft
						? { revision: draft.revision, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy }
						: null
				};
			});
		},

		async get(id) {
			const rows = await db.select().from(t.scenarios).where(eq(t.scenarios.id, id)).limit(1);
			return rows[0] ?? null;
		},

		async createWithDraft(input) {
			const id = requireText(input.id, 'Scenario id', INVALID, 200);
			const title = requireText(input.title, 'Title', INVALID, 300);
			const source = sourceText(input.source);
			const now = new Date();
			return ctx.transact(function* (tx) {
				const existing = yield* step(tx.select().from(t.scenarios).where(eq(t.scenarios.id, id)).limit(1));
				if (existing[0]) throw taken(id, existing[0]);
				const [row] = yield* step(
					tx
						.insert(t.scenarios)
						.values({
							id,
							title,
							origin: 'studio',
							libraryFile: null,
							ownerId: input.ownerId,
							createdAt: now,
							updatedAt: now
						})
						.returning()
				);
				yield* step(
					tx
						.insert(t.scenarioDrafts)
						.values({
							scenarioId: id,
							source,
							revision: 1,
							basedOn: null,
							importNotes: input.importNotes ?? null,
							updatedBy: input.ownerId,
							createdAt: now,
							updatedAt: now
						})
						.returning()
				);
				return row;
			});
		},

		async upsertLibrary({ id, file, version }) {
			sourceText(version.source);
			const now = new Date();
			return ctx.transact(function* (tx) {
				const [existing] = yield* step(tx.select().from(t.scenarios).where(eq(t.scenarios.id, id)).limit(1));
				if (existing && (existing.origin !== 'library' || existing.libraryFile !== file))
					throw taken(id, existing);
				if (!existing)
					yield* step(
						tx
							.insert(t.scenarios)
							.values({
								id,
								title: version.title,
								origin: 'library',
								libraryFile: file,
								ownerId: null,
								createdAt: now,
								updatedAt: now
							})
							.returning()
					);
				else {
					const [latest] = yield* step(
						tx
							.select({ sourceHash: t.scenarioVersions.sourceHash })
							.from(t.scenarioVersions)
							.where(eq(t.scenarioVersions.scenarioId, id))
							.orderBy(desc(t.scenarioVersions.number))
							.limit(1)
					);
					if (latest?.sourceHash === version.sourceHash) return 'unchanged' as const;
					yield* step(
						tx
							.update(t.scenarios)
							.set({ title: version.title, updatedAt: now })
							.where(eq(t.scenarios.id, id))
							.returning()
					);
				}
				const number = yield* nextNumber(tx, id);
				yield* step(
					tx
						.insert(t.scenarioVersions)
						.values({
							id: newId(),
							scenarioId: id,
							number,
							...version,
							note: existing ? `Re-imported from ${file}` : `Imported from ${file}`,
							publishedBy: null,
							publishedByName: 'Shipped library',
							createdAt: now
						})
						.returning()
				);
				return existing ? ('updated' as const) : ('created' as const);
			});
		},

		async draft(scenarioId) {
			const rows = await db
				.select()
				.from(t.scenarioDrafts)
				.where(eq(t.scenarioDrafts.scenarioId, scenarioId))
				.limit(1);
			return rows[0] ?? null;
		},

		async startDraft(scenarioId, by) {
			const now = new Date();
			return ctx.transact(function* (tx) {
				const [existing] = yield* step(
					tx.select().from(t.scenarioDrafts).where(eq(t.scenarioDrafts.scenarioId, scenarioId)).limit(1)
				);
				if (existing) throw new StoreError('draft/conflict', 'This scenario already has a draft.');
				const [latest] = yield* step(
					tx
						.select()
						.from(t.scenarioVersions)
						.where(eq(t.scenarioVersions.scenarioId, scenarioId))
						.orderBy(desc(t.scenarioVersions.number))
						.limit(1)
				);
				if (!latest)
					throw new StoreError('scenario/not_found', 'There is no published version to start a draft from.');
				const [row] = yield* step(
					tx
						.insert(t.scenarioDrafts)
						.values({
							scenarioId,
							source: latest.source,
							revision: 1,
							basedOn: latest.number,
							importNotes: null,
							updatedBy: by,
							createdAt: now,
							updatedAt: now
						})
						.returning()
				);
				return row as ScenarioDraftRecord;
			});
		},

		async saveDraft(input) {
			const source = sourceText(input.source);
			const revision = requireInteger(input.revision, 'Revision', INVALID, 1);
			const now = new Date();
			return ctx.transact(function* (tx) {
				const rows = yield* step(
					tx
						.update(t.scenarioDrafts)
						.set({ source, revision: revision + 1, updatedBy: input.by, updatedAt: now })
						.where(
							and(eq(t.scenarioDrafts.scenarioId, input.scenarioId), eq(t.scenarioDrafts.revision, revision))
						)
						.returning()
				);
				if (!rows[0]) {
					const [current] = yield* step(
						tx
							.select({ revision: t.scenarioDrafts.revision })
							.from(t.scenarioDrafts)
							.where(eq(t.scenarioDrafts.scenarioId, input.scenarioId))
					);
					if (!current) throw new StoreError('draft/not_found', 'This scenario has no draft to save.');
					throw new StoreError(
						'draft/conflict',
						'Someone else saved this draft since you opened it. Reload to see their changes (copy yours first).'
					);
				}
				yield* step(
					tx
						.update(t.scenarios)
						.set({ title: requireText(input.title, 'Title', INVALID, 300), updatedAt: now })
						.where(eq(t.scenarios.id, input.scenarioId))
						.returning()
				);
				return rows[0] as ScenarioDraftRecord;
			});
		},

		async discardDraft(scenarioId) {
			await ctx.transact(function* (tx) {
				yield* step(
					tx.delete(t.scenarioDrafts).where(eq(t.scenarioDrafts.scenarioId, scenarioId)).returning()
				);
				const versions = yield* step(
					tx
						.select({ id: t.scenarioVersions.id })
						.from(t.scenarioVersions)
						.where(eq(t.scenarioVersions.scenarioId, scenarioId))
						.limit(1)
				);
				if (versions.length === 0)
					yield* step(tx.delete(t.scenarios).where(eq(t.scenarios.id, scenarioId)).returning());
			});
		},

		async publishDraft(scenarioId, revision, version) {
			const now = new Date();
			return ctx.transact(function* (tx) {
				const [draft] = yield* step(
					tx.select().from(t.scenarioDrafts).where(eq(t.scenarioDrafts.scenarioId, scenarioId)).limit(1)
				);
				if (!draft) throw new StoreError('draft/not_found', 'This scenario has no draft to publish.');
				if (draft.revision !== revision || draft.source !== version.source)
					throw new StoreError(
						'draft/conflict',
						'The draft changed since you checked it. Review the latest text, then publish again.'
					);
				const number = yield* nextNumber(tx, scenarioId);
				const [row] = yield* step(
					tx
						.insert(t.scenarioVersions)
						.values({
							id: newId(),
							scenarioId,
							number,
							...version,
							note: requireText(version.note, 'Change note', INVALID, 2000),
							createdAt: now
						})
						.returning()
				);
				yield* step(
					tx.delete(t.scenarioDrafts).where(eq(t.scenarioDrafts.scenarioId, scenarioId)).returning()
				);
				yield* step(
					tx
						.update(t.scenarios)
						.set({ title: version.title, updatedAt: now })
						.where(eq(t.scenarios.id, scenarioId))
						.returning()
				);
				return row as ScenarioVersionRecord;
			});
		},

		async versions(scenarioId) {
			return db
				.select(summaryColumns)
				.from(t.scenarioVersions)
				.where(eq(t.scenarioVersions.scenarioId, scenarioId))
				.orderBy(desc(t.scenarioVersions.number));
		},

		async version(scenarioId, number) {
			const where =
				number === undefined
					? eq(t.scenarioVersions.scenarioId, scenarioId)
					: and(eq(t.scenarioVersions.scenarioId, scenarioId), eq(t.scenarioVersions.number, number));
			const rows = await db
				.select()
				.from(t.scenarioVersions)
				.where(where)
				.orderBy(desc(t.scenarioVersions.number))
				.limit(1);
			return rows[0] ?? null;
		},

		async versionById(id) {
			const rows = await db.select().from(t.scenarioVersions).where(eq(t.scenarioVersions.id, id)).limit(1);
			return rows[0] ?? null;
		}
	};
}
