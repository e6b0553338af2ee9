import { auditRequest } from '$lib/server/auth/audit-request';
import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { actionFailure, loadError } from '$lib/server/errors';
import { MAX_EXERCISE_NAME } from '$lib/exercise-name';
import type { Actions, PageServerLoad } from './$types';

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
		maxNameLength: MAX_EXERCISE_NAME,
		serverNow: Date.now()
	};
};

export const actions: Actions = {
	/** The facilitator renames the exercise; recorded in the audit log with the old name. */
	rename: async (event) => {
		const facilitator = await requireRole(event, 'facilitator');
		const name = String((await event.request.formData()).get('name') ?? '');
		let renamed: { from: string; to: string };
		try {
			renamed = await app().exercises.rename(facilitator, event.params.id, name);
		} catch (e) {
			return actionFailure(e, { name });
		}
		await auditRequest(event, facilitator, 'exercise.renamed', renamed.to, { from: renamed.from });
		return { renamed: renamed.to };
	}
};
