import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { afterAction } from '$lib/server/services/review-services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { exercises } = app();
	const facilitator = await requireRole(event, 'facilitator', 'evaluator');
	const [list, scored] = await Promise.all([
		exercises.list(facilitator),
		afterAction(app()).history.list(facilitator)
	]);
	const scores = Object.fromEntries(
		scored.map((s) => [s.id, { overall: s.overall.percent, teams: s.teams }])
	);
	return { facilitator, exercises: list, scores };
};
