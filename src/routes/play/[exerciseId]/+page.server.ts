import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { seats, views } = app();
	const seat = await seats.current(event);
	if (!seat || seat.exerciseId !== event.params.exerciseId) redirect(303, '/join');
	if (seat.kind !== 'participant') redirect(303, `/observe/${seat.exerciseId}`);
	// Joined without a team: the page waits until the facilitator places the seat.
	if (!seat.teamId) return { seat, initial: null, serverNow: Date.now() };
	try {
		const initial = await views.forSeat(seat);
		return { seat, initial, serverNow: Date.now() };
	} catch (e) {
		loadError(e);
	}
};
