import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from './schema.pg';
import * as sqlite from './schema.sqlite';

const TABLES = [
	'users',
	'sessions',
	'exercises',
	'seats',
	'events',
	'snapshots',
	'scheduledEvents',
	'improvementActions',
	'feedback',
	'scenarios',
	'scenarioVersions',
	'scenarioDrafts',
	'invites',
	'auditLog',
	'recoveryCodes'
] as const;

function shape(table: Table, config: { name: string; primaryKeys: { columns: { name: string }[] }[] }) {
	const columns = Object.entries(getTableColumns(table)).map(([prop, c]) => [
		prop,
		c.name,
		c.notNull,
		c.primary
	]);
	return {
		name: config.name,
		columns,
		primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name))
	};
}

describe('the SQLite and PostgreSQL schemas', () => {
	it.each(TABLES)('declare %s with the same table, columns, keys and indexes', (name) => {
		const s = sqliteConfig(sqlite[name] as SQLiteTable);
		const p = pgConfig(pg[name] as PgTable);
		expect(shape(pg[name], p)).toEqual(shape(sqlite[name], s));
		expect(p.uniqueConstraints.map((u) => u.name)).toEqual(s.uniqueConstraints.map((u) => u.name));
		expect(p.indexes.map((i) => i.config.name)).toEqual(s.indexes.map((i) => i.config.name));
		expect(p.foreignKeys.map((f) => f.reference().foreignTable)).toHaveLength(s.foreignKeys.length);
	});

	it('infer identical row types, so one set of noun modules serves both', () => {
		expectTypeOf<InferSelectModel<typeof pg.users>>().toEqualTypeOf<InferSelectModel<typeof sqlite.users>>();
		expectTypeOf<InferSelectModel<typeof pg.sessions>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.sessions>
		>();
		expectTypeOf<InferSelectModel<typeof pg.exercises>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.exercises>
		>();
		expectTypeOf<InferSelectModel<typeof pg.seats>>().toEqualTypeOf<InferSelectModel<typeof sqlite.seats>>();
		expectTypeOf<InferSelectModel<typeof pg.events>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.events>
		>();
		expectTypeOf<InferSelectModel<typeof pg.snapshots>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.snapshots>
		>();
		expectTypeOf<InferSelectModel<typeof pg.scheduledEvents>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.scheduledEvents>
		>();
		expectTypeOf<InferSelectModel<typeof pg.improvementActions>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.improvementActions>
		>();
		expectTypeOf<InferSelectModel<typeof pg.feedback>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.feedback>
		>();
		expectTypeOf<InferSelectModel<typeof pg.scenarios>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.scenarios>
		>();
		expectTypeOf<InferSelectModel<typeof pg.scenarioVersions>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.scenarioVersions>
		>();
		expectTypeOf<InferSelectModel<typeof pg.scenarioDrafts>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.scenarioDrafts>
		>();
		expectTypeOf<InferSelectModel<typeof pg.invites>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.invites>
		>();
		expectTypeOf<InferSelectModel<typeof pg.auditLog>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.auditLog>
		>();
		expectTypeOf<InferSelectModel<typeof pg.recoveryCodes>>().toEqualTypeOf<
			InferSelectModel<typeof sqlite.recoveryCodes>
		>();
	});

	it.each([
		['sqlite', 'sqlite', 'schema.sqlite.ts'],
		['postgresql', 'pg', 'schema.pg.ts']
	])(
		'match the committed %s migrations (run npm run db:generate after a schema change)',
		(dialect, folder, file) => {
			const root = process.cwd();
			const work = mkdtempSync(join(tmpdir(), 'switchboard-migrations-'));
			try {
				cpSync(join(root, 'drizzle', folder), join(work, folder), { recursive: true });
				const before = readdirSync(join(work, folder));
				// drizzle-kit prefixes --out with "./", so it runs inside the copy with a relative output folder.
				const output = execFileSync(
					resolve(root, 'node_modules/.bin/drizzle-kit'),
					['generate', '--dialect', dialect, '--schema', resolve(import.meta.dirname, file), '--out', folder],
					{ cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
				);
				expect(output).toContain('No schema changes');
				expect(readdirSync(join(work, folder))).toEqual(before);
			} finally {
				rmSync(work, { recursive: true, force: true });
			}
		}
	);
});
