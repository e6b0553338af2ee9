import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { exercises, seats, views } = app();
	const seat = await seats.current(event);
	if (!seat || seat.exerciseId !== event.params.exerciseId) redirect(303, '/join');
	if (seat.kind === 'participant') redirect(303, `/play/${seat.exerciseId}`);
	try {
		const [initial, { name: exerciseName }] = await Promise.all([
			views.forSeat(seat),
			exercises.record(seat.exerciseId)
		]);
		return { seat, exerciseName, initial, serverNow: Date.now() };
	} catch (e) {
		loadError(e);
	}
};
