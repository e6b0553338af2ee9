/** The embedded SQLite dialect: better-sqlite3 with WAL, migrated on open. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Ctx, Db, Preparable, Statement, TxBody } from './context';
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
		// Runs a TxBody to its end, executing each yielded query synchronously (prepared statements included).
		const drive = (body: TxBody<unknown>): unknown => {
			const run = body(db);
			let next = run.next();
			while (!next.done) next = run.next((next.value as unknown as { all(): unknown }).all());
			return next.value;
		};
		// Built once rather than per call (drizzle's db.transaction wraps a new better-sqlite3 transaction each
		// time); IMMEDIATE takes the write lock up front, so a read-then-write body cannot hit SQLITE_BUSY midway.
		// The body gets `db` itself: on one connection every query inside the native transaction is part of it,
		// exactly as with drizzle's transaction object (whose only extras, savepoints and rollback(), go unused).
		const immediate = client.transaction(drive).immediate;
		const ctx: Ctx = {
			db,
			t: schema,
			async transact<R>(body: TxBody<R>): Promise<R> {
				return immediate(body) as R;
			},
			// One connection and an IMMEDIATE transaction already serialise writers: a plain read suffices.
			lockExercise: (tx, exerciseId) =>
				tx
					.select({ id: schema.exercises.id })
					.from(schema.exercises)
					.where(eq(schema.exercises.id, exerciseId)),
			locksExercise: false,
			prepare<T>(_name: string, build: (db: Db) => Preparable<T>): Statement<T> {
				const prepared = build(db).prepare();
				return (_tx, values) => ({
					all: () => prepared.all(values),
					then: (resolve, reject) =>
						Promise.resolve()
							.then(() => prepared.all(values))
							.then(resolve, reject)
				});
			}
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
