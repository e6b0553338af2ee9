/** The embedded SQLite dialect: better-sqlite3 with WAL, migrated on open. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Ctx, Db, TxBody } from './context';
import * as schema from './schema.sqlite';

/** Opens (creating if needed) and migrates a SQLite file; ':memory:' gives a throwaway database. */
export function openSqlite(file: string, migrationsFolder: string): { ctx: Ctx; close: () => Promise<void> } {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const client = new Database(file);
	try {
		client.pragma('journal_mode = WAL');
		// In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit survives a process crash (what
		// write-before-acknowledge needs) and only a power loss or OS crash can drop the newest transactions.
		client.pragma('synchronous = NORMAL');
		client.pragma('foreign_keys = ON');
		// Another process (a CLI, a second server) may hold the write lock briefly; wait rather than fail.
		client.pragma('busy_timeout = 5000');
		const db = drizzle({ client, schema });
		migrate(db, { migrationsFolder });
		const ctx: Ctx = {
			db,
			t: schema,
			async transact<R>(body: TxBody<R>): Promise<R> {
				// IMMEDIATE takes the write lock up front, so a read-then-write body cannot hit SQLITE_BUSY midway.
				return db.transaction(
					(tx) => {
						const run = body(tx as unknown as Db);
						let next = run.next();
						while (!next.done) next = run.next((next.value as unknown as { all(): unknown }).all());
						return next.value;
					},
					{ behavior: 'immediate' }
				);
			},
			// One connection and an IMMEDIATE transaction already serialise writers: a plain read suffices.
			lockExercise: (tx, exerciseId) =>
				tx
					.select({ id: schema.exercises.id })
					.from(schema.exercises)
					.where(eq(schema.exercises.id, exerciseId))
		};
		return {
			ctx,
			close: async () => {
				client.close();
			}
		};
	} catch (error) {
		client.close();
		throw error;
	}
}
