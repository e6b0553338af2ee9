/** The PostgreSQL dialect: postgres-js, migrated on open under an advisory lock. */
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Ctx, Db, Preparable, Statement, TxBody } from './context';
import * as schema from './schema.pg';

// Any constant shared by all Switchboard processes; it only has to differ from other apps' advisory locks.
const MIGRATION_LOCK = 0x5377_6264;

/** Applies pending migrations on one dedicated connection, holding an advisory lock so nodes take turns. */
async function migrateOnce(url: string, migrationsFolder: string): Promise<void> {
	const single = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
		try {
			await migrate(drizzle({ client: single, schema }), { migrationsFolder });
		} finally {
			await single`select pg_advisory_unlock(${MIGRATION_LOCK})`;
		}
	} finally {
		await single.end({ timeout: 5 });
	}
}

/** Connects to PostgreSQL and brings the schema up to date; several nodes starting together migrate once. */
export async function openPg(
	url: string,
	migrationsFolder: string,
	options: { max?: number } = {}
): Promise<{ ctx: Ctx; close: () => Promise<void> }> {
	await migrateOnce(url, migrationsFolder);
	const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
	const db = drizzle({ client, schema });
	const ctx: Ctx = {
		db: db as unknown as Db,
		t: schema as unknown as Ctx['t'],
		async transact<R>(body: TxBody<R>): Promise<R> {
			return db.transaction(async (tx) => {
				const run = body(tx as unknown as Db);
				let next = run.next();
				while (!next.done) next = run.next(await next.value);
				return next.value;
			});
		},
		// Several connections (or nodes) may append to one exercise: the row lock queues them per exercise.
		// NO KEY UPDATE rather than UPDATE so foreign-key checks (a seat joining meanwhile) are not blocked.
		lockExercise: (tx, exerciseId) =>
			(tx as unknown as typeof db)
				.select({ id: schema.exercises.id })
				.from(schema.exercises)
				.where(eq(schema.exercises.id, exerciseId))
				.for('no key update'),
		locksExercise: true,
		// drizzle's prepared queries are bound to the connection they were built on, and a transaction has its own,
		// so the builder runs per call; the name makes postgres-js prepare it server-side once per connection.
		prepare<T>(name: string, build: (db: Db) => Preparable<T>): Statement<T> {
			return (tx, values) => ({
				then: (resolve, reject) =>
					(
						build(tx) as unknown as {
							prepare(name: string): { execute(values: Record<string, unknown>): Promise<T> };
						}
					)
						.prepare(name)
						.execute(values)
						.then(resolve, reject)
			});
		}
	};
	return { ctx, close: () => client.end({ timeout: 5 }) };
}
