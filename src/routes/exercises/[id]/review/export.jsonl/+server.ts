import { auditRequest } from '$lib/server/auth/audit-request';
import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { review } = app();
	const facilitator = await requireRole(event, 'facilitator', 'evaluator');
	const file = await review.exportJsonl(facilitator, event.params.id).catch(loadError);
	await auditRequest(event, facilitator, 'exercise.export', file.filename, { format: 'jsonl' });
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`
		}
	});
};
