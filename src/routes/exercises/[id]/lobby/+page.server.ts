import { requireRole } from '$lib/server/auth/require-role';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import { afterAction } from '$lib/server/services/review-services';
import { joinLink } from '$lib/join-code';
import { qrDataUrl } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { exercises, views } = app();
	const facilitator = await requireRole(event, 'facilitator');
	const id = event.params.id;
	const [exercise, initial, plan] = await Promise.all([
		exercises.get(id),
		views.forFacilitator(facilitator, id),
		afterAction(app()).plan.forExercise(facilitator, id)
	]).catch(loadError);
	const participantLink = joinLink(event.url.origin, exercise.joinCode);
	return {
		exercise,
		initial,
		participantLink,
		staffLink: joinLink(event.url.origin, exercise.staffCode),
		qr: await qrDataUrl(participantLink),
		// Open corrective actions from this organisation's earlier exercises, to review before starting.
		carried: plan.carried,
		serverNow: Date.now()
	};
};
