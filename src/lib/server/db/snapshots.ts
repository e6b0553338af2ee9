/** Engine state snapshots, so a restart replays only the inputs after the latest one. */
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from './context';
import type { SnapshotsStore } from './store';
import { requireInteger, requireText } from './validate';

/** The snapshots noun over a dialect context. */
export function snapshotsStore({ db, t }: Ctx): SnapshotsStore {
	return {
		async save(exerciseId, seq, engineVersion, state) {
			const row = {
				exerciseId,
				seq: requireInteger(seq, 'Snapshot seq', 'event/invalid', 0),
				engineVersion: requireText(engineVersion, 'Engine version', 'event/invalid', 100),
				state: requireText(state, 'Snapshot state', 'event/invalid', 100_000_000),
				createdAt: new Date()
			};
			await db
				.insert(t.snapshots)
				.values(row)
				.onConflictDoUpdate({
					target: [t.snapshots.exerciseId, t.snapshots.seq],
					set: { engineVersion: row.engineVersion, state: row.state, createdAt: row.createdAt }
				})
				.returning({ seq: t.snapshots.seq });
		},
		async latest(exerciseId, engineVersion) {
			const rows = await db
				.select()
				.from(t.snapshots)
				.where(
					and(
						eq(t.snapshots.exerciseId, exerciseId),
						engineVersion === undefined ? undefined : eq(t.snapshots.engineVersion, engineVersion)
					)
				)
				.orderBy(desc(t.snapshots.seq))
				.limit(1);
			return rows[0] ?? null;
		}
	};
}
