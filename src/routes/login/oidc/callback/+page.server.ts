import { error, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { ServiceError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

// The identity provider sends the browser back here; a refusal is explained on the page.
export const load: PageServerLoad = async (event) => {
	const sso = app().sso;
	if (!sso) error(404, 'Single sign-on is not set up on this server.');
	let next: string;
	try {
		({ next } = await sso.finish(event));
	} catch (e) {
		if (e instanceof ServiceError) return { message: e.message, provider: sso.providerName };
		throw e;
	}
	redirect(303, next);
};
