import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/require-role';
import { ServiceError } from '$lib/server/errors';
import { AUDIT_ACTIONS, readAuditFilter } from '$lib/server/services/audit-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireRole(event, 'administrator');
	const params = event.url.searchParams;
	let filter;
	try {
		filter = readAuditFilter(params);
	} catch (e) {
		if (e instanceof ServiceError) error(400, e.message);
		throw e;
	}
	const result = await app().audit.page(filter, Number(params.get('page') ?? '1'));
	return {
		...result,
		entries: result.entries.map((e) => ({ ...e, label: AUDIT_ACTIONS[e.action] ?? e.action })),
		actions: Object.entries(AUDIT_ACTIONS).map(([id, label]) => ({ id, label })),
		query: {
			action: params.get('action') ?? '',
			q: params.get('q') ?? '',
			from: params.get('from') ?? '',
			to: params.get('to') ?? ''
		}
	};
};
