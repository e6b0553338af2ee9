/**
 * What every noun module is built from: the database, the tables and the two things that differ between
 * dialects (running a write transaction, locking an exercise's log).
 */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.sqlite';

/** The tables; schema.pg.ts exports the same names with the same row types. */
export type Tables = typeof schema;

/**
 * The query-builder type the noun modules are written against. The PostgreSQL database is presented under this
 * type too, which is why it is cast once in pg.ts: the modules use only calls both dialects implement the same
 * way (select/insert/update/delete, where, orderBy, limit, returning, onConflict*) and always `await` them.
 * schema-parity.test.ts checks the two schemas infer identical rows; the contract suite runs every module on both.
 */
export type Db = BetterSQLite3Database<Tables>;

/** A query yielded from a transaction body; the dialect's runner executes it and sends back its rows. */
export type Query = PromiseLike<unknown>;

/**
 * A transaction body written once for both dialects. SQLite (better-sqlite3) transactions must run
 * synchronously while PostgreSQL's are async, so bodies yield each query (via `step`) instead of awaiting it
 * and each dialect drives the generator its own way. Every yielded query must return rows (use returning()).
 */
export type TxBody<R> = (tx: Db) => Generator<Query, R, unknown>;

/** Runs one query inside a TxBody: `const rows = yield* step(tx.select()...)`. */
export function* step<T>(query: PromiseLike<T>): Generator<Query, T, unknown> {
	return (yield query) as T;
}

/** What a statement is built from: a select, insert or delete builder whose values are `sql.placeholder`s. */
export interface Preparable<T> {
	prepare(): { all(values?: Record<string, unknown>): T };
}

/**
 * A statement built once (see Ctx.prepare), run inside a TxBody with the placeholders' values:
 * `const rows = yield* step(statement(tx, { exerciseId }))`.
 */
export type Statement<T> = (tx: Db, values: Record<string, unknown>) => PromiseLike<T>;

/** The per-dialect pieces plus the shared database handle. */
export interface Ctx {
	db: Db;
	t: Tables;
	/** Runs `body` in one write transaction; committed when the promise resolves. */
	transact<R>(body: TxBody<R>): Promise<R>;
	/**
	 * A query returning `[{ id }]` for an existing exercise and, where the dialect needs it (PostgreSQL, several
	 * connections or nodes), holding that row's lock until the transaction ends so appends are serialised.
	 */
	lockExercise(tx: Db, exerciseId: string): PromiseLike<{ id: string }[]>;
	/**
	 * False where one connection and a write transaction already serialise writers (SQLite), so a TxBody on a hot
	 * path may skip lockExercise and learn whether the exercise exists from a query it runs anyway.
	 */
	locksExercise: boolean;
	/**
	 * A statement for hot paths, built with `sql.placeholder` values. SQLite compiles and prepares it once per
	 * store; PostgreSQL builds it per call on the transaction's connection as a server-side prepared statement
	 * (postgres-js keeps one per connection and query text), so neither parses the SQL again. `name` labels it.
	 */
	prepare<T>(name: string, build: (db: Db) => Preparable<T>): Statement<T>;
}
