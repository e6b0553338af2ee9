/**
 * Opening the store: SQLite by default (a file under data/), PostgreSQL for postgres:// URLs. Both are migrated
 * on open from the committed drizzle-kit migrations.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from './context';
import { exercisesStore } from './exercises';
import { feedbackStore } from './feedback';
import { improvementActionsStore } from './improvement-actions';
import { openPg } from './pg';
import { seatsStore } from './seats';
import { sessionsStore } from './sessions';
import { snapshotsStore } from './snapshots';
import { scenariosStore } from './scenarios';
import { openSqlite } from './sqlite';
import type { Store } from './store';
import { usersStore } from './users';
import { eventsStore } from './events';
import { auditStore } from './audit';
import { invitesStore } from './invites';

export * from './store';
export { normaliseUsername, checkRoles } from './users';

/** Where the SQLite database lives when no URL is given, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = 'data/switchboard.db';

/** Which database a URL names. */
export type StoreTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** Reads a database URL: none → the default SQLite file; file:… or a path → SQLite; postgres(ql):// → PostgreSQL. */
export function parseStoreUrl(url?: string): StoreTarget {
	const value = url?.trim();
	if (!value) return { dialect: 'sqlite', file: resolve(DEFAULT_SQLITE_FILE) };
	if (/^postgres(ql)?:\/\//i.test(value)) return { dialect: 'postgres', url: value };
	if (value === ':memory:') return { dialect: 'sqlite', file: value };
	if (/^file:\/\//i.test(value)) return { dialect: 'sqlite', file: fileURLToPath(value) };
	if (/^file:/i.test(value)) return { dialect: 'sqlite', file: resolve(value.slice(5)) };
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
		throw new Error(
			`Unsupported database URL "${value.split('://')[0]}://…": use postgres://… for PostgreSQL, or a file path or file:… for SQLite.`
		);
	}
	return { dialect: 'sqlite', file: resolve(value) };
}

/** The migrations folder for a dialect: $SWITCHBOARD_MIGRATIONS (or <cwd>/drizzle) + /sqlite or /pg. */
export function migrationsFolder(dialect: StoreTarget['dialect']): string {
	const root = process.env.SWITCHBOARD_MIGRATIONS || resolve(process.cwd(), 'drizzle');
	const folder = join(root, dialect === 'postgres' ? 'pg' : 'sqlite');
	if (!existsSync(join(folder, 'meta', '_journal.json'))) {
		throw new Error(
			`No ${dialect} migrations in ${folder}. Start the server from the project root or set SWITCHBOARD_MIGRATIONS to the drizzle/ folder.`
		);
	}
	return folder;
}

function assemble(dialect: Store['dialect'], ctx: Ctx, close: () => Promise<void>): Store {
	const exercises = exercisesStore(ctx);
	let closed: Promise<void> | undefined;
	return {
		dialect,
		users: usersStore(ctx),
		sessions: sessionsStore(ctx),
		exercises,
		seats: seatsStore(ctx),
		events: eventsStore(ctx),
		snapshots: snapshotsStore(ctx),
		improvementActions: improvementActionsStore(ctx),
		feedback: feedbackStore(ctx),
		scenarios: scenariosStore(ctx),
		invites: invitesStore(ctx),
		audit: auditStore(ctx),
		runningExercises: exercises.running,
		close: () => (closed ??= close())
	};
}

/** Opens and migrates the store named by `url` (see parseStoreUrl). */
export async function openStore(url?: string, options: { poolSize?: number } = {}): Promise<Store> {
	const target = parseStoreUrl(url);
	if (target.dialect === 'postgres') {
		const { ctx, close } = await openPg(target.url, migrationsFolder('postgres'), { max: options.poolSize });
		return assemble('postgres', ctx, close);
	}
	const { ctx, close } = openSqlite(target.file, migrationsFolder('sqlite'));
	return assemble('sqlite', ctx, close);
}
