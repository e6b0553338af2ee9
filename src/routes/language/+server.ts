import { error, redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, safeReturnPath } from '$lib/i18n';
import type { RequestHandler } from './$types';

/**
 * The header's language switch (a plain form, so it works before the page's JavaScript has loaded): remembers
 * the choice in this browser's cookie and goes back to the page it was made on, rendered in that language.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	if (!isLocale(locale)) error(400, 'Choose English or French.');
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		maxAge: LOCALE_COOKIE_MAX_AGE,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		// Paraglide's runtime reads it in the browser too.
		httpOnly: false
	});
	redirect(303, safeReturnPath(form.get('to')));
};
