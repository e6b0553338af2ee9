/** Staff login sessions, keyed by the SHA-256 of the cookie token. */
import { and, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Ctx } from './context';
import type { SessionsStore } from './store';
import { optionalText, requireText, toDate } from './validate';

/** The sessions noun over a dialect context. */
export function sessionsStore({ db, t }: Ctx): SessionsStore {
	return {
		async create(input) {
			const [row] = await db
				.insert(t.sessions)
				.values({
					id: requireText(input.id, 'Session id', 'user/invalid', 128),
					userId: input.userId,
					expiresAt: toDate(input.expiresAt, 'Session expiry', 'user/invalid'),
					method: input.method ?? 'password',
					address: optionalText(input.address, 'Address', 'user/invalid', 200),
					// A browser's description is kept short; it only helps an administrator tell sessions apart.
					userAgent: input.userAgent ? input.userAgent.slice(0, 300) : null,
					createdAt: new Date()
				})
				.returning();
			return row;
		},
		async getValid(id, now = new Date()) {
			const rows = await db
				.select({ session: t.sessions, user: t.users })
				.from(t.sessions)
				.innerJoin(t.users, eq(t.sessions.userId, t.users.id))
				.where(and(eq(t.sessions.id, id), gt(t.sessions.expiresAt, now), isNull(t.users.disabledAt)))
				.limit(1);
			return rows[0] ?? null;
		},
		async listActive(now = new Date()) {
			return db
				.select({
					session: t.sessions,
					user: { id: t.users.id, username: t.users.username, displayName: t.users.displayName }
				})
				.from(t.sessions)
				.innerJoin(t.users, eq(t.sessions.userId, t.users.id))
				.where(gt(t.sessions.expiresAt, now))
				.orderBy(desc(t.sessions.createdAt));
		},
		async deleteForUser(userId) {
			const rows = await db
				.delete(t.sessions)
				.where(eq(t.sessions.userId, userId))
				.returning({ id: t.sessions.id });
			return rows.map((r) => r.id);
		},
		async renew(id, expiresAt) {
			const rows = await db
				.update(t.sessions)
				.set({ expiresAt: toDate(expiresAt, 'Session expiry', 'user/invalid') })
				.where(eq(t.sessions.id, id))
				.returning({ id: t.sessions.id });
			return rows.length > 0;
		},
		async delete(id) {
			await db.delete(t.sessions).where(eq(t.sessions.id, id)).returning({ id: t.sessions.id });
		},
		async purgeExpired(now = new Date()) {
			const rows = await db
				.delete(t.sessions)
				.where(lte(t.sessions.expiresAt, now))
				.returning({ id: t.sessions.id });
			return rows.length;
		}
	};
}
