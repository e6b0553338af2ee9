import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { exercises, scenarios, views } = app();
	const facilitator = await requireRole(event, 'facilitator');
	const id = event.params.id;
	const [exercise, initial] = await Promise.all([
		exercises.get(id),
		views.forFacilitator(facilitator, id)
	]).catch(loadError);
	// The version the exercise runs, not the library's latest: the guide must match what is being played.
	const scenario =
		(await scenarios.pinned(exercise.scenarioVersionId)) ??
		(await scenarios.get(exercise.scenarioId).catch(() => null));
	return {
		exercise,
		initial,
		hotwashQuestions: scenario?.guide?.hotwashQuestions ?? [],
		// Every team of the scenario by name, playing or not: injects and clocks may name teams left out.
		scenarioTeamNames: Object.fromEntries((scenario?.teams ?? []).map((t) => [t.id, t.name])),
		serverNow: Date.now()
	};
};
