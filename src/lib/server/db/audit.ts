/** The audit log: append and read only (no update or delete exists here, by design). */
import { and, count, desc, eq, gte, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Ctx } from './context';
import { newId } from './ids';
import type { AuditFilter, AuditStore } from './store';
import { requireInteger, requireText, toDate } from './validate';

/** Escapes LIKE wildcards so searched text matches literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The audit noun over a dialect context. */
export function auditStore({ db, t }: Ctx): AuditStore {
	const where = (f: AuditFilter): SQL | undefined => {
		const conditions: SQL[] = [];
		if (f.action) {
			conditions.push(
				f.action.endsWith('.')
					? sql`${t.auditLog.action} like ${literal(f.action) + '%'} escape '\\'`
					: eq(t.auditLog.action, f.action)
			);
		}
		if (f.actorId) conditions.push(eq(t.auditLog.actorId, f.actorId));
		if (f.from) conditions.push(gte(t.auditLog.at, f.from));
		if (f.to) conditions.push(lte(t.auditLog.at, f.to));
		if (f.text) {
			const pattern = `%${literal(f.text.toLowerCase())}%`;
			const has = (column: SQLWrapper) => sql`lower(${column}) like ${pattern} escape '\\'`;
			conditions.push(or(has(t.auditLog.actorName), has(t.auditLog.target), has(t.auditLog.action))!);
		}
		return conditions.length ? and(...conditions) : undefined;
	};
	return {
		async append(entry) {
			const [row] = await db
				.insert(t.auditLog)
				.values({
					id: newId(),
					at: toDate(entry.at, 'Audit time', 'audit/invalid'),
					actorId: entry.actorId,
					actorName: requireText(entry.actorName || 'system', 'Actor', 'audit/invalid', 200),
					action: requireText(entry.action, 'Action', 'audit/invalid', 80),
					target: (entry.target ?? '').slice(0, 500),
					detail: entry.detail ?? {},
					address: entry.address ?? null
				})
				.returning();
			return row;
		},
		async list(filter, page) {
			return db
				.select()
				.from(t.auditLog)
				.where(where(filter))
				.orderBy(desc(t.auditLog.at), desc(t.auditLog.id))
				.limit(requireInteger(page.limit, 'Page size', 'audit/invalid', 1))
				.offset(requireInteger(page.offset, 'Page start', 'audit/invalid', 0));
		},
		async count(filter) {
			const [row] = await db.select({ n: count() }).from(t.auditLog).where(where(filter));
			return row.n;
		}
	};
}
