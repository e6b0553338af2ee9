import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_FILE, migrationsFolder, openStore, parseStoreUrl } from './index';

describe('parseStoreUrl', () => {
	it('defaults to the SQLite file under data/', () => {
		expect(parseStoreUrl()).toEqual({ dialect: 'sqlite', file: resolve(DEFAULT_SQLITE_FILE) });
		expect(parseStoreUrl('  ')).toEqual({ dialect: 'sqlite', file: resolve(DEFAULT_SQLITE_FILE) });
	});

	it('reads file: URLs and plain paths as SQLite', () => {
		expect(parseStoreUrl('file:data/x.db')).toEqual({ dialect: 'sqlite', file: resolve('data/x.db') });
		expect(parseStoreUrl('file:///var/lib/sb.db')).toEqual({ dialect: 'sqlite', file: '/var/lib/sb.db' });
		expect(parseStoreUrl('/srv/sb.db')).toEqual({ dialect: 'sqlite', file: '/srv/sb.db' });
	});

	it('reads postgres:// and postgresql:// URLs as PostgreSQL', () => {
		expect(parseStoreUrl('postgres://u@h/db')).toEqual({ dialect: 'postgres', url: 'postgres://u@h/db' });
		expect(parseStoreUrl('postgresql://u@h/db').dialect).toBe('postgres');
	});

	it('names the scheme it does not support', () => {
		expect(() => parseStoreUrl('mysql://u@h/db')).toThrow('Unsupported database URL "mysql://…"');
	});
});

describe('migrationsFolder', () => {
	const saved = process.env.SWITCHBOARD_MIGRATIONS;
	afterEach(() => {
		if (saved === undefined) delete process.env.SWITCHBOARD_MIGRATIONS;
		else process.env.SWITCHBOARD_MIGRATIONS = saved;
	});

	it('finds the committed migrations from the project root', () => {
		expect(migrationsFolder('sqlite')).toBe(resolve('drizzle/sqlite'));
		expect(migrationsFolder('postgres')).toBe(resolve('drizzle/pg'));
	});

	it('says where it looked and how to fix it when the folder is missing', () => {
		process.env.SWITCHBOARD_MIGRATIONS = '/nonexistent/drizzle';
		expect(() => migrationsFolder('sqlite')).toThrow(
			/No sqlite migrations in \/nonexistent\/drizzle\/sqlite.*SWITCHBOARD_MIGRATIONS/
		);
	});
});

describe('openStore on SQLite', () => {
	it('creates the database directory and file on first open', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'switchboard-open-'));
		try {
			const store = await openStore(`file:${join(dir, 'nested', 'deeper', 'sb.db')}`);
			expect(store.dialect).toBe('sqlite');
			expect(await store.users.count()).toBe(0);
			await store.close();
			await store.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
