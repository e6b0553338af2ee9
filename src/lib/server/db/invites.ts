/** Invitations: one-time links an administrator hands out to create an account. */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Ctx } from './context';
import { newId } from './ids';
import type { InvitesStore } from './store';
import { checkRoles } from './users';
import { requireText, toDate } from './validate';

/** The invites noun over a dialect context. */
export function invitesStore({ db, t }: Ctx): InvitesStore {
	const open = (id: string, now: Date) =>
		and(
			eq(t.invites.id, id),
			isNull(t.invites.usedAt),
			isNull(t.invites.revokedAt),
			gt(t.invites.expiresAt, now)
		);
	return {
		async create(input) {
			const [row] = await db
				.insert(t.invites)
				.values({
					id: newId(),
					tokenHash: requireText(input.tokenHash, 'Invitation token', 'invite/invalid', 128),
					label: requireText(input.label, 'Who the invitation is for', 'invite/invalid', 120),
					roles: checkRoles(input.roles),
					createdBy: input.createdBy,
					expiresAt: toDate(input.expiresAt, 'Invitation expiry', 'invite/invalid'),
					createdAt: new Date()
				})
				.returning();
			return row;
		},
		async byTokenHash(tokenHash) {
			const rows = await db.select().from(t.invites).where(eq(t.invites.tokenHash, tokenHash)).limit(1);
			return rows[0] ?? null;
		},
		async list() {
			return db.select().from(t.invites).orderBy(desc(t.invites.createdAt), desc(t.invites.id));
		},
		async markUsed(id, userId, now) {
			const rows = await db
				.update(t.invites)
				.set({ usedAt: now, usedBy: userId })
				.where(open(id, now))
				.returning({ id: t.invites.id });
			return rows.length > 0;
		},
		async revoke(id, now) {
			const rows = await db
				.update(t.invites)
				.set({ revokedAt: now })
				.where(open(id, now))
				.returning({ id: t.invites.id });
			return rows.length > 0;
		}
	};
}
