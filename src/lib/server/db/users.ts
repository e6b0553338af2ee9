/** Facilitator accounts. */
import { newId } from './ids';
import { count, eq } from 'drizzle-orm';
import type { Ctx } from './context';
import { StoreError, type UsersStore } from './store';
import { requireText } from './validate';

/** Usernames compare case-insensitively, so they are stored trimmed and lower-cased. */
export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/** The users noun over a dialect context. */
export function usersStore({ db, t }: Ctx): UsersStore {
	return {
		async count() {
			const [row] = await db.select({ n: count() }).from(t.users);
			return row.n;
		},
		async create(input) {
			const username = normaliseUsername(requireText(input.username, 'Username', 'user/invalid', 64));
			const rows = await db
				.insert(t.users)
				.values({
					id: newId(),
					username,
					displayName: requireText(input.displayName, 'Display name', 'user/invalid', 120),
					passwordHash: requireText(input.passwordHash, 'Password hash', 'user/invalid', 1000),
					createdAt: new Date()
				})
				.onConflictDoNothing()
				.returning();
			if (!rows[0])
				throw new StoreError('user/username_taken', `The username "${username}" is already taken.`);
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
		}
	};
}
