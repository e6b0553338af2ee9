import { hasAnyRole } from '$lib/server/auth/roles';
import { error, json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

// One replay frame: what `team` saw right after input `seq` (GET ?team=<id>&seq=<n>).
export const GET: RequestHandler = async (event) => {
	const { sessions, seats, review } = app();
	const team = event.url.searchParams.get('team') ?? '';
	const rawSeq = event.url.searchParams.get('seq') ?? '';
	const seq = Number(rawSeq);
	if (!team) error(400, 'Name the team to replay with ?team=<team id>.');
	if (!/^\d+$/.test(rawSeq))
		error(400, `The replay position ?seq= must be a whole number from 0; got "${rawSeq}".`);
	const signedIn = await sessions.current(event);
	const facilitator = hasAnyRole(signedIn, ['facilitator', 'evaluator']) ? signedIn : null;
	if (facilitator) {
		return json(await review.replayForFacilitator(facilitator, event.params.id, team, seq).catch(loadError));
	}
	const seat = await seats.require(event).catch(loadError);
	if (seat.exerciseId !== event.params.id) error(403, 'Your seat is in another exercise.');
	return json(await review.replayForSeat(seat, team, seq).catch(loadError));
};
