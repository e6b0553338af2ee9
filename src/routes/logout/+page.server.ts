import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	return { facilitator: await app().sessions.current(event) };
};

export const actions: Actions = {
	default: async (event) => {
		await app().sessions.logout(event);
		redirect(303, '/');
	}
};
