/** Engine state snapshots, so a restart replays only the inputs after the latest one. */
import { and, desc, eq, lt } from 'drizzle-orm';
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
		async seqs(exerciseId) {
			const rows = await db
				.select({ seq: t.snapshots.seq })
				.from(t.snapshots)
				.where(eq(t.snapshots.exerciseId, exerciseId))
				.orderBy(desc(t.snapshots.seq));
			return rows.map((r) => r.seq);
		},
		async prune(exerciseId, keep) {
			requireInteger(keep, 'Snapshots to keep', 'event/invalid', 1);
			const kept = await db
				.select({ seq: t.snapshots.seq })
				.from(t.snapshots)
				.where(eq(t.snapshots.exerciseId, exerciseId))
				.orderBy(desc(t.snapshots.seq))
				.limit(keep);
			const oldest = kept.at(-1)?.seq;
			if (kept.length < keep || oldest === undefined) return 0;
			const gone = await db
				.delete(t.snapshots)
				.where(and(eq(t.snapshots.exerciseId, exerciseId), lt(t.snapshots.seq, oldest)))
				.returning({ seq: t.snapshots.seq });
			return gone.length;
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
