/** Staff accounts: identity, roles, the disabled flag and the second factor. */
import { newId } from './ids';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Ctx } from './context';
import { ACCOUNT_ROLES, type AccountRole } from './records';
import { StoreError, type UserRecord, type UsersStore } from './store';
import { optionalText, requireOneOf, requireText } from './validate';

/** Usernames compare case-insensitively, so they are stored trimmed and lower-cased. */
export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/** Checks a role list and returns it without repeats, in the canonical order. */
export function checkRoles(roles: unknown): AccountRole[] {
	if (!Array.isArray(roles)) throw new StoreError('user/invalid', 'Roles must be a list.');
	for (const role of roles) requireOneOf(role, ACCOUNT_ROLES, 'Role', 'user/invalid');
	return ACCOUNT_ROLES.filter((r) => roles.includes(r));
}

/** The users noun over a dialect context. */
export function usersStore({ db, t }: Ctx): UsersStore {
	const one = async (id: string): Promise<UserRecord> => {
		const rows = await db.select().from(t.users).where(eq(t.users.id, id)).limit(1);
		if (!rows[0]) throw new StoreError('user/not_found', 'That account does not exist.');
		return rows[0];
	};
	const update = async (id: string, values: Partial<UserRecord>): Promise<UserRecord> => {
		const rows = await db.update(t.users).set(values).where(eq(t.users.id, id)).returning();
		if (!rows[0]) throw new StoreError('user/not_found', 'That account does not exist.');
		return rows[0];
	};
	return {
		async count() {
			const [row] = await db.select({ n: count() }).from(t.users);
			return row.n;
		},
		async create(input) {
			const username = normaliseUsername(requireText(input.username, 'Username', 'user/invalid', 64));
			const passwordHash = input.passwordHash ?? '';
			if (typeof passwordHash !== 'string' || passwordHash.length > 1000) {
				throw new StoreError('user/invalid', 'Password hash must be text of at most 1000 characters.');
			}
			const rows = await db
				.insert(t.users)
				.values({
					id: newId(),
					username,
					displayName: requireText(input.displayName, 'Display name', 'user/invalid', 120),
					passwordHash,
					roles: checkRoles(input.roles ?? []),
					externalId: optionalText(input.externalId, 'External identity', 'user/invalid', 1000),
					createdAt: new Date()
				})
				.onConflictDoNothing()
				.returning();
			if (!rows[0]) {
				const taken = await db
					.select({ id: t.users.id })
					.from(t.users)
					.where(eq(t.users.username, username))
					.limit(1);
				throw new StoreError(
					'user/username_taken',
					taken[0]
						? `The username "${username}" is already taken.`
						: 'That single sign-on identity already has an account.'
				);
			}
			return rows[0];
		},
		async byUsername(username) {
			const rows = await db
				.select()
				.from(t.users)
				.where(eq(t.users.username, normaliseUsername(username)))
				.limit(1);
			return rows[0] ?? null;
		},
		async byId(id) {
			const rows = await db.select().from(t.users).where(eq(t.users.id, id)).limit(1);
			return rows[0] ?? null;
		},
		async byExternalId(externalId) {
			const rows = await db.select().from(t.users).where(eq(t.users.externalId, externalId)).limit(1);
			return rows[0] ?? null;
		},
		async list() {
			return db.select().from(t.users).orderBy(asc(t.users.username));
		},
		setRoles: async (id, roles) => update(id, { roles: checkRoles(roles) }),
		setDisabled: async (id, at) => update(id, { disabledAt: at }),
		async setPasswordHash(id, passwordHash) {
			await update(id, { passwordHash: requireText(passwordHash, 'Password hash', 'user/invalid', 1000) });
		},
		async setDisplayName(id, displayName) {
			await update(id, { displayName: requireText(displayName, 'Display name', 'user/invalid', 120) });
		},
		async setTotp(id, totp) {
			await update(id, { totpSecret: totp.secret, totpEnabledAt: totp.enabledAt });
		},
		async replaceRecoveryCodes(id, codeHashes) {
			await one(id);
			await db.delete(t.recoveryCodes).where(eq(t.recoveryCodes.userId, id)).returning();
			if (codeHashes.length === 0) return;
			const createdAt = new Date();
			await db
				.insert(t.recoveryCodes)
				.values([...new Set(codeHashes)].map((codeHash) => ({ userId: id, codeHash, createdAt })))
				.returning();
		},
		async recoveryCodesLeft(id) {
			const [row] = await db
				.select({ n: count() })
				.from(t.recoveryCodes)
				.where(eq(t.recoveryCodes.userId, id));
			return row.n;
		},
		async useRecoveryCode(id, codeHash) {
			// One DELETE … RETURNING: of two requests with the same code, only one gets the row back.
			const rows = await db
				.delete(t.recoveryCodes)
				.where(and(eq(t.recoveryCodes.userId, id), eq(t.recoveryCodes.codeHash, codeHash)))
				.returning({ userId: t.recoveryCodes.userId });
			return rows.length > 0;
		}
	};
}
