import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import { staffReview } from '$lib/server/services/review-services';
import type { PageServerLoad } from './$types';

// The printed report: the review page's data with a cover, laid out for A4. The PDF export prints this page.
export const load: PageServerLoad = async (event) => {
	const facilitator = await requireRole(event, 'facilitator', 'evaluator');
	const staff = await staffReview(app(), facilitator, event.params.id).catch(loadError);
	const cover = await app().review.cover(facilitator, staff.review).catch(loadError);
	return { ...staff, cover, bare: true };
};
