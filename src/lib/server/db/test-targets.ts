/**
 * Databases for the store tests: a temporary SQLite file, and a fresh PostgreSQL database per suite when
 * TEST_DATABASE_URL is set. A whole database (not a schema) is used because drizzle-kit writes foreign keys as
 * REFERENCES "public"."…", which would escape a per-suite search_path.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/** One database a suite can open (and reopen) by URL, and remove afterwards. */
export interface TestDatabase {
	url: string;
	drop(): Promise<void>;
}

/** A named way of creating a TestDatabase. */
export interface TestTarget {
	name: 'sqlite' | 'postgres';
	create(): Promise<TestDatabase>;
}

const sqliteTarget: TestTarget = {
	name: 'sqlite',
	async create() {
		const dir = mkdtempSync(join(tmpdir(), 'switchboard-store-'));
		return {
			url: join(dir, 'switchboard.db'),
			drop: async () => rmSync(dir, { recursive: true, force: true })
		};
	}
};

function postgresTarget(adminUrl: string): TestTarget {
	return {
		name: 'postgres',
		async create() {
			const name = `sb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
			const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database "${name}"`);
			const url = new URL(adminUrl);
			url.pathname = `/${name}`;
			return {
				url: url.toString(),
				async drop() {
					await admin.unsafe(`drop database if exists "${name}" with (force)`);
					await admin.end({ timeout: 5 });
				}
			};
		}
	};
}

/** The URL of the PostgreSQL used by tests, or undefined when those variants should be skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set. */
export const testTargets: TestTarget[] = [
	sqliteTarget,
	...(TEST_DATABASE_URL ? [postgresTarget(TEST_DATABASE_URL)] : [])
];
