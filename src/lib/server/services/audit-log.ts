/**
 * The audit log of privileged actions: who did what to what, when and from where. Entries are appended by the
 * services and routes that perform the actions and are never changed; administrators read them filtered and
 * paged on /admin/audit and export them as CSV or JSON.
 */
import type { AuditDetail, AuditFilter, AuditRecord, Store } from '../db/store';
import { fault } from '../errors';
import { toCsv } from './csv';

/** Who acted: a signed-in account, or the system (e.g. an expiry). */
export interface AuditActor {
	userId: string | null;
	name: string;
}

/** The system as an actor. */
export const SYSTEM: AuditActor = { userId: null, name: 'system' };

/** What each recorded action means, for the filter and the export. */
export const AUDIT_ACTIONS: Record<string, string> = {
	'auth.setup': 'First account created at setup',
	'auth.sign_in': 'Signed in',
	'auth.sign_in_failed': 'Sign-in refused',
	'auth.sign_out': 'Signed out',
	'auth.second_factor_on': 'Turned on the second factor',
	'auth.second_factor_off': 'Turned off the second factor',
	'auth.recovery_code_used': 'Signed in with a recovery code',
	'account.invite': 'Invited someone',
	'account.invite_revoked': 'Revoked an invitation',
	'account.created': 'Account created from an invitation',
	'account.created_sso': 'Account created at first single sign-on',
	'account.roles': 'Changed roles',
	'account.disabled': 'Disabled an account',
	'account.enabled': 'Enabled an account',
	'session.ended': 'Ended a session',
	'exercise.created': 'Created an exercise',
	'exercise.renamed': 'Renamed an exercise',
	'exercise.command': 'Ran an exercise command',
	'exercise.export': 'Exported a review',
	'scenario.publish': 'Published a scenario version'
};

/** Entries per page on /admin/audit. */
export const AUDIT_PAGE_SIZE = 50;
/** Most entries one export carries (narrow the filter for more). */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** The filter as a page's query string gives it: action, text, from, to (YYYY-MM-DD). */
export function readAuditFilter(params: URLSearchParams): AuditFilter {
	const filter: AuditFilter = {};
	const action = params.get('action')?.trim();
	if (action) {
		if (!AUDIT_ACTIONS[action] && !(action.endsWith('.') && action.length <= 40)) {
			fault('audit/invalid', `There is no audit action "${action.slice(0, 60)}".`);
		}
		filter.action = action;
	}
	const text = params.get('q')?.trim();
	if (text) filter.text = text.slice(0, 200);
	const day = (name: 'from' | 'to', label: string) => {
		const value = params.get(name)?.trim();
		if (!value) return undefined;
		const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
		if (!date || Number.isNaN(date.getTime())) {
			fault('audit/invalid', `The ${label} date must look like 2026-12-05; got "${value.slice(0, 30)}".`);
		}
		return date;
	};
	filter.from = day('from', '“from”');
	const to = day('to', '“to”');
	// "to" includes the whole day.
	if (to) filter.to = new Date(to.getTime() + 86_400_000 - 1);
	return filter;
}

/** Recording and reading the audit log. */
export class AuditLog {
	constructor(
		private readonly store: Store,
		private readonly now: () => number
	) {}

	/** Appends one entry; resolves once it is stored. */
	async record(
		actor: AuditActor,
		action: string,
		target: string,
		detail: AuditDetail = {},
		address: string | null = null
	): Promise<AuditRecord> {
		return this.store.audit.append({
			at: new Date(this.now()),
			actorId: actor.userId,
			actorName: actor.name,
			action,
			target,
			detail,
			address
		});
	}

	/** One page, newest first, with the total count for the pager. */
	async page(
		filter: AuditFilter,
		page: number
	): Promise<{ entries: AuditRecord[]; total: number; page: number; pages: number }> {
		const total = await this.store.audit.count(filter);
		const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
		const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
		const entries = await this.store.audit.list(filter, {
			limit: AUDIT_PAGE_SIZE,
			offset: (current - 1) * AUDIT_PAGE_SIZE
		});
		return { entries, total, page: current, pages };
	}

	/** The filtered log as a file: CSV (one row per entry, detail as JSON) or JSON (a list of entries). */
	async export(
		filter: AuditFilter,
		format: 'csv' | 'json'
	): Promise<{ filename: string; body: string; type: string }> {
		const entries = await this.store.audit.list(filter, { limit: AUDIT_EXPORT_LIMIT, offset: 0 });
		const stamp = new Date(this.now()).toISOString().slice(0, 10);
		const rows = entries.map((e) => ({
			at: e.at.toISOString(),
			actor: e.actorName,
			actorId: e.actorId,
			action: e.action,
			target: e.target,
			address: e.address,
			detail: e.detail
		}));
		if (format === 'json') {
			return {
				filename: `switchboard-audit-${stamp}.json`,
				body: JSON.stringify(rows, null, 2) + '\n',
				type: 'application/json; charset=utf-8'
			};
		}
		return {
			filename: `switchboard-audit-${stamp}.csv`,
			body: toCsv(
				['at', 'actor', 'actor_id', 'action', 'target', 'address', 'detail'],
				rows.map((r) => [r.at, r.actor, r.actorId, r.action, r.target, r.address, JSON.stringify(r.detail)])
			),
			type: 'text/csv; charset=utf-8'
		};
	}
}
