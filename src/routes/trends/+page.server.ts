import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { afterAction } from '$lib/server/services/review-services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const facilitator = await requireRole(event, 'facilitator', 'evaluator');
	const scenario = event.url.searchParams.get('scenario') ?? undefined;
	return { trends: await afterAction(app()).history.trends(facilitator, scenario), scenario };
};
