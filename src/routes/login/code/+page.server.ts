import { m } from '$lib/paraglide/messages';
import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure } from '$lib/server/errors';
import { safeNext } from '../safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	if (!app().sessions.hasSecondFactorChallenge(event)) redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const code = String((await event.request.formData()).get('code') ?? '').trim();
		if (!code) return fail(400, { code: 'form/invalid', message: m.signin_err_code_empty() });
		try {
			await app().sessions.completeSecondFactor(event, code);
		} catch (e) {
			return actionFailure(e);
		}
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
