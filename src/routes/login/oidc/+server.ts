import { error, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import { safeNext } from '../safe-next';
import type { RequestHandler } from './$types';

// Starts single sign-on: the browser goes to the identity provider with state, nonce and a PKCE challenge.
export const GET: RequestHandler = async (event) => {
	const sso = app().sso;
	if (!sso)
		error(404, 'Single sign-on is not set up on this server; sign in with your username and password.');
	const target = await sso.start(event, safeNext(event.url.searchParams.get('next'))).catch(loadError);
	redirect(303, target.href);
};
