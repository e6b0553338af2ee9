import { auditRequest } from '$lib/server/auth/audit-request';
import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { review } = app();
	const facilitator = await requireRole(event, 'facilitator', 'evaluator');
	const { filename, body } = await review.exportCsv(facilitator, event.params.id).catch(loadError);
	await auditRequest(event, facilitator, 'exercise.export', filename, { format: 'csv' });
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`
		}
	});
};
