import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/require-role';
import { ServiceError } from '$lib/server/errors';
import { readAuditFilter } from '$lib/server/services/audit-log';
import type { RequestHandler } from './$types';

// The audit log with the page's filter, as a download.
export const GET: RequestHandler = async (event) => {
	await requireRole(event, 'administrator');
	let filter;
	try {
		filter = readAuditFilter(event.url.searchParams);
	} catch (e) {
		if (e instanceof ServiceError) error(400, e.message);
		throw e;
	}
	const file = await app().audit.export(filter, 'csv');
	return new Response(file.body, {
		headers: { 'content-type': file.type, 'content-disposition': `attachment; filename="${file.filename}"` }
	});
};
