import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { normaliseJoinCode } from './join-code-input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions } = app();
	const [needsSetup, facilitator] = await Promise.all([sessions.needsSetup(), sessions.current(event)]);
	return { needsSetup, facilitator };
};

export const actions: Actions = {
	join: async ({ request }) => {
		const raw = String((await request.formData()).get('code') ?? '');
		const result = normaliseJoinCode(raw);
		if ('error' in result)
			return fail(400, { code: 'form/invalid', message: result.error, values: { code: raw } });
		redirect(303, `/join/${result.code}`);
	}
};
