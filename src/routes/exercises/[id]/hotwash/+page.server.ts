import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { actionFailure, loadError } from '$lib/server/errors';
import { readObservation } from '$lib/server/services/review-observations';
import { afterAction } from '$lib/server/services/review-services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { review } = app();
	const facilitator = await requireRole(event, 'facilitator');
	const { feedback, plan } = afterAction(app());
	const [data, responses, improvement] = await Promise.all([
		review.forFacilitator(facilitator, event.params.id),
		feedback.summary(facilitator, event.params.id),
		plan.forExercise(facilitator, event.params.id)
	]).catch(loadError);
	return {
		exercise: data.exercise,
		teams: data.teams,
		objectives: data.objectives,
		questions: data.hotwashQuestions,
		notes: data.notes.map(readObservation).filter((n) => n.kind === 'hotwash'),
		summary: data.summary,
		feedback: responses,
		carried: improvement.carried
	};
};

export const actions: Actions = {
	note: async (event) => {
		const f = await requireRole(event, 'facilitator');
		const data = await event.request.formData();
		const text = String(data.get('text') ?? '');
		const teamId = String(data.get('teamId') ?? '');
		try {
			await afterAction(app()).notes.add(f, event.params.id, { kind: 'hotwash', text, teamId });
		} catch (e) {
			return actionFailure(e, { text });
		}
		return { saved: true };
	}
};
