import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../auth/tokens';
import { openStore, StoreError, type Store } from './index';
import { testTargets, type TestDatabase } from './test-targets';

describe.each(testTargets)('accounts, invitations and the audit log on $name', (target) => {
	let database: TestDatabase;
	let store: Store;

	beforeAll(async () => {
		database = await target.create();
		store = await openStore(database.url);
	});
	afterAll(async () => {
		await store?.close();
		await database?.drop();
	});

	it('keeps several roles per account, in one order, and refuses an unknown role by name', async () => {
		const user = await store.users.create({
			username: 'ria',
			displayName: 'Ria',
			passwordHash: 'h',
			roles: ['facilitator', 'administrator', 'facilitator']
		});
		expect(user.roles).toEqual(['administrator', 'facilitator']);
		expect((await store.users.setRoles(user.id, ['evaluator', 'author'])).roles).toEqual([
			'author',
			'evaluator'
		]);
		const refused = await store.users.setRoles(user.id, ['owner' as never]).catch((e: StoreError) => e);
		expect(refused).toBeInstanceOf(StoreError);
		expect((refused as StoreError).message).toBe(
			'Role must be one of administrator, author, facilitator, evaluator; got "owner".'
		);
		expect((await store.users.create({ username: 'norole', displayName: 'No Role' })).roles).toEqual([]);
	});

	it('stops finding sessions of a disabled account, lists live sessions and deletes an account’s sessions', async () => {
		const user = await store.users.create({ username: 'sam', displayName: 'Sam', roles: ['facilitator'] });
		const now = new Date('2026-12-05T12:00:00Z');
		const a = hashToken(newToken());
		const b = hashToken(newToken());
		await store.sessions.create({
			id: a,
			userId: user.id,
			expiresAt: new Date(now.getTime() + 60_000),
			method: 'oidc',
			address: '192.0.2.7',
			userAgent: 'Firefox'
		});
		await store.sessions.create({ id: b, userId: user.id, expiresAt: new Date(now.getTime() + 60_000) });
		const listed = (await store.sessions.listActive(now)).filter((s) => s.user.id === user.id);
		expect(listed.map((s) => s.session.id).sort()).toEqual([a, b].sort());
		expect(listed.find((s) => s.session.id === a)?.session).toMatchObject({
			method: 'oidc',
			address: '192.0.2.7',
			userAgent: 'Firefox'
		});
		await store.users.setDisabled(user.id, now);
		expect(await store.sessions.getValid(a, now)).toBeNull();
		await store.users.setDisabled(user.id, null);
		expect(await store.sessions.getValid(a, now)).not.toBeNull();
		expect((await store.sessions.deleteForUser(user.id)).sort()).toEqual([a, b].sort());
		expect(await store.sessions.getValid(a, now)).toBeNull();
	});

	it('finds a single sign-on account by its external identity, which stays unique', async () => {
		const user = await store.users.create({
			username: 'oidc-kim',
			displayName: 'Kim',
			externalId: 'https://idp.example kim'
		});
		expect(user.passwordHash).toBe('');
		expect((await store.users.byExternalId('https://idp.example kim'))?.id).toBe(user.id);
		const again = await store.users
			.create({ username: 'oidc-kim-2', displayName: 'Kim', externalId: 'https://idp.example kim' })
			.catch((e: StoreError) => e);
		expect((again as StoreError).message).toBe('That single sign-on identity already has an account.');
	});

	it('accepts each recovery code once', async () => {
		const user = await store.users.create({ username: 'totp', displayName: 'T', passwordHash: 'h' });
		await store.users.replaceRecoveryCodes(user.id, ['c1', 'c2']);
		expect(await store.users.recoveryCodesLeft(user.id)).toBe(2);
		const both = await Promise.all([
			store.users.useRecoveryCode(user.id, 'c1'),
			store.users.useRecoveryCode(user.id, 'c1')
		]);
		expect(both.filter(Boolean)).toHaveLength(1);
		expect(await store.users.useRecoveryCode(user.id, 'nope')).toBe(false);
		expect(await store.users.recoveryCodesLeft(user.id)).toBe(1);
	});

	it('uses an invitation once, and never after it expired or was revoked', async () => {
		const admin = await store.users.create({
			username: 'boss',
			displayName: 'Boss',
			roles: ['administrator']
		});
		const u = await store.users.create({ username: 'new1', displayName: 'New' });
		const now = new Date('2026-12-05T12:00:00Z');
		const invite = await store.invites.create({
			tokenHash: hashToken(newToken()),
			label: 'Lee from the SOC',
			roles: ['facilitator'],
			createdBy: admin.id,
			expiresAt: new Date(now.getTime() + 60_000)
		});
		expect((await store.invites.byTokenHash(invite.tokenHash))?.label).toBe('Lee from the SOC');
		const [first, second] = await Promise.all([
			store.invites.markUsed(invite.id, u.id, now),
			store.invites.markUsed(invite.id, u.id, now)
		]);
		expect([first, second].filter(Boolean)).toHaveLength(1);
		const expired = await store.invites.create({
			tokenHash: hashToken(newToken()),
			label: 'Late',
			roles: ['evaluator'],
			createdBy: admin.id,
			expiresAt: new Date(now.getTime() - 1)
		});
		expect(await store.invites.markUsed(expired.id, u.id, now)).toBe(false);
		const revoked = await store.invites.create({
			tokenHash: hashToken(newToken()),
			label: 'Gone',
			roles: ['evaluator'],
			createdBy: admin.id,
			expiresAt: new Date(now.getTime() + 60_000)
		});
		expect(await store.invites.revoke(revoked.id, now)).toBe(true);
		expect(await store.invites.markUsed(revoked.id, u.id, now)).toBe(false);
		expect((await store.invites.list()).map((i) => i.label)).toEqual(['Gone', 'Late', 'Lee from the SOC']);
	});

	it('appends audit entries and lists them newest first, filtered and paged', async () => {
		const base = new Date('2026-12-05T09:00:00Z').getTime();
		for (let i = 0; i < 5; i++) {
			await store.audit.append({
				at: new Date(base + i * 1000),
				actorId: null,
				actorName: i % 2 ? 'Dana' : 'Lee',
				action: i < 3 ? 'auth.sign_in' : 'role.grant',
				target: i === 4 ? '100%_done' : `account ${i}`,
				detail: { n: i },
				address: null
			});
		}
		const page = await store.audit.list({}, { limit: 2, offset: 1 });
		expect(page.map((e) => e.detail.n)).toEqual([3, 2]);
		expect(await store.audit.count({ action: 'auth.' })).toBe(3);
		expect(await store.audit.count({ action: 'auth' })).toBe(0);
		expect(await store.audit.count({ text: 'DANA' })).toBe(2);
		expect((await store.audit.list({ text: '%_' }, { limit: 10, offset: 0 })).map((e) => e.target)).toEqual([
			'100%_done'
		]);
		expect(
			await store.audit.count({
				from: new Date(base + 1000),
				to: new Date(base + 3000),
				action: 'role.grant'
			})
		).toBe(1);
	});
});

describe('the roles migration', () => {
	it('makes accounts that existed before roles administrators, authors and facilitators', async () => {
		const work = mkdtempSync(join(tmpdir(), 'switchboard-roles-'));
		const previous = process.env.SWITCHBOARD_MIGRATIONS;
		try {
			// Migrate a database only up to the migration before roles, as an older release left it.
			cpSync(resolve('drizzle'), join(work, 'drizzle'), { recursive: true });
			const journalFile = join(work, 'drizzle/sqlite/meta/_journal.json');
			const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
			const rolesAt = journal.entries.findIndex((e: { tag: string }) => e.tag.startsWith('0004_'));
			writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, rolesAt) }));
			process.env.SWITCHBOARD_MIGRATIONS = join(work, 'drizzle');
			const file = join(work, 'old.db');
			await (await openStore(file)).close();
			const raw = new Database(file);
			raw
				.prepare(
					'insert into users (id, username, display_name, password_hash, created_at) values (?, ?, ?, ?, ?)'
				)
				.run('old-user', 'dana', 'Dana', 'scrypt$x', Date.now());
			raw.close();
			process.env.SWITCHBOARD_MIGRATIONS = resolve('drizzle');
			const store = await openStore(file);
			expect((await store.users.byUsername('dana'))?.roles).toEqual([
				'administrator',
				'author',
				'facilitator'
			]);
			expect((await store.users.create({ username: 'later', displayName: 'Later' })).roles).toEqual([]);
			await store.close();
		} finally {
			if (previous === undefined) delete process.env.SWITCHBOARD_MIGRATIONS;
			else process.env.SWITCHBOARD_MIGRATIONS = previous;
			rmSync(work, { recursive: true, force: true });
		}
	});
});
