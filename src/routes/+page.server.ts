import { app } from '$lib/server/app';
import { submitJoinCode } from './join-code-input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions } = app();
	const [needsSetup, facilitator] = await Promise.all([sessions.needsSetup(), sessions.current(event)]);
	return { needsSetup, facilitator };
};

export const actions: Actions = { join: submitJoinCode };
