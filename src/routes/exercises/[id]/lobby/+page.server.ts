import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import { joinLink } from './join-code';
import { qrDataUrl } from './qr';
import type { PageServerLoad } from './$types';

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
		exercise,
		initial,
		participantLink,
		staffLink: joinLink(event.url.origin, exercise.staffCode),
		qr: await qrDataUrl(participantLink),
		serverNow: Date.now()
	};
};
