import { error, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, seats, review } = app();
	const id = event.params.id;
	const facilitator = await sessions.current(event);
	if (facilitator) {
		return {
			review: await review.forFacilitator(facilitator, id).catch(loadError),
			viewer: 'facilitator' as const
		};
	}
	const seat = await seats.current(event);
	if (!seat) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	if (seat.exerciseId !== id)
		error(403, 'Your seat is in another exercise, so this review is not open to you.');
	return { review: await review.forSeat(seat).catch(loadError), viewer: seat.kind };
};
