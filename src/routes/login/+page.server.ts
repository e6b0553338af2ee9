import { m } from '$lib/paraglide/messages';
import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure, ServiceError } from '$lib/server/errors';
import { safeNext } from './safe-next';
import { signInReason } from './sign-in-reason';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions } = app();
	if (await sessions.needsSetup()) redirect(303, '/setup');
	if (await sessions.current(event)) redirect(303, safeNext(event.url.searchParams.get('next')));
	return {
		sso: app().sso?.providerName ?? null,
		reason: signInReason(event.url.searchParams.get('next'))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const username = String(data.get('username') ?? '').trim();
		const password = String(data.get('password') ?? '');
		if (!username || !password) {
			return fail(400, {
				code: 'form/invalid',
				message: m.signin_err_both(),
				values: { username }
			});
		}
		try {
			await app().sessions.login(event, { username, password });
		} catch (e) {
			// Password right, second factor owed: the code page finishes the sign-in.
			if (e instanceof ServiceError && e.code === 'auth/second_factor') {
				const next = safeNext(event.url.searchParams.get('next'));
				redirect(303, `/login/code?next=${encodeURIComponent(next)}`);
			}
			return actionFailure(e, { username });
		}
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
