import { app } from '$lib/server/app';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, exercises } = app();
	const facilitator = await sessions.require(event);
	return { facilitator, exercises: await exercises.list(facilitator) };
};
