import { LOCALE_COOKIE } from '$lib/i18n';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { auditRequest } from '$lib/server/auth/audit-request';
import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { SESSION_COOKIE } from '$lib/server/cookies';
import { loadError } from '$lib/server/errors';
import { fileStem } from '$lib/server/services/exports-file';
import { reviewPdf } from '$lib/server/services/exports-pdf';
import type { RequestHandler } from './$types';

// The PDF is the review page printed by headless Chromium as the requester (their own session cookie), in the
// requester's language (the language cookie set to this request's locale).
export const GET: RequestHandler = async (event) => {
	const { review } = app();
	const facilitator = await requireRole(event, 'facilitator', 'evaluator');
	const data = await review.forFacilitator(facilitator, event.params.id).catch(loadError);
	const file = await reviewPdf({
		origin: process.env.SWITCHBOARD_PRINT_ORIGIN ?? event.url.origin,
		exerciseId: data.exercise.id,
		cookies: { [SESSION_COOKIE]: event.cookies.get(SESSION_COOKIE) ?? '', [LOCALE_COOKIE]: getLocale() },
		pageOf: m.report_page_of({ page: '{page}', pages: '{pages}' }),
		filename: `${fileStem(data)}-report.pdf`
	}).catch(loadError);
	await auditRequest(event, facilitator, 'exercise.export', file.filename, { format: 'pdf' });
	return new Response(file.bytes, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`
		}
	});
};
