import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import { joinLink } from '$lib/join-code';
import { qrDataUrl } from '$lib/server/qr';
import type { PageServerLoad } from './$types';

/** The room view: what a projector may show. No staff code, no answers. */
export const load: PageServerLoad = async (event) => {
	const { sessions, exercises, views } = app();
	const facilitator = await sessions.require(event);
	const id = event.params.id;
	const [exercise, initial] = await Promise.all([
		exercises.get(id),
		views.forFacilitator(facilitator, id)
	]).catch(loadError);
	const participantLink = joinLink(event.url.origin, exercise.joinCode);
	return {
		bare: true,
		exercise: {
			id: exercise.id,
			title: exercise.title,
			name: exercise.name,
			organisation: exercise.organisation,
			joinCode: exercise.joinCode
		},
		initial,
		participantLink,
		joinPage: new URL('/join', event.url.origin).href,
		qr: await qrDataUrl(participantLink),
		serverNow: Date.now()
	};
};
