/**
 * The two cookies of the app and how they are set: HttpOnly, SameSite=Lax, Secure when served over https.
 */
import type { Cookies } from '@sveltejs/kit';

/** Facilitator session token. */
export const SESSION_COOKIE = 'sb_session';
/** Participant / observer / evaluator seat token. */
export const SEAT_COOKIE = 'sb_seat';

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;
export const SEAT_MAX_AGE_S = 7 * 24 * 3600;

/** Sets an auth cookie with the app's attributes; `secure` follows the request's protocol. */
export function setAuthCookie(cookies: Cookies, name: string, token: string, maxAge: number, url: URL): void {
	cookies.set(name, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge
	});
}

/** Removes an auth cookie. */
export function clearAuthCookie(cookies: Cookies, name: string, url: URL): void {
	cookies.delete(name, { path: '/', secure: url.protocol === 'https:' });
}
