/** The audit log with the admin page's filter, as a CSV or JSON download (administrators only). */
import { error, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/require-role';
import { ServiceError } from '$lib/server/errors';
import { readAuditFilter } from '$lib/server/services/audit-log';

export function auditDownload(format: 'csv' | 'json') {
	return async (event: RequestEvent): Promise<Response> => {
		await requireRole(event, 'administrator');
		let filter;
		try {
			filter = readAuditFilter(event.url.searchParams);
		} catch (e) {
			if (e instanceof ServiceError) error(400, e.message);
			throw e;
		}
		const file = await app().audit.export(filter, format);
		return new Response(file.body, {
			headers: { 'content-type': file.type, 'content-disposition': `attachment; filename="${file.filename}"` }
		});
	};
}
