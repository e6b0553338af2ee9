import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { exercises, seats, views } = app();
	const seat = await seats.current(event);
	if (!seat || seat.exerciseId !== event.params.exerciseId) redirect(303, '/join');
	if (seat.kind !== 'participant') redirect(303, `/observe/${seat.exerciseId}`);
	try {
		// The exercise's name is not secret: it is on the lobby and the room view.
		const { name: exerciseName } = await exercises.record(seat.exerciseId);
		// Joined without a team: the page waits until the facilitator places the seat.
		if (!seat.teamId) return { seat, exerciseName, initial: null, serverNow: Date.now() };
		const initial = await views.forSeat(seat);
		return { seat, exerciseName, initial, serverNow: Date.now() };
	} catch (e) {
		loadError(e);
	}
};
