/** The interface languages, and the switch's cookie (the same one Paraglide reads: see i18n.config.js). */
import { baseLocale, cookieName, cookieMaxAge, isLocale, locales, type Locale } from '$lib/paraglide/runtime';

export { baseLocale, cookieName as LOCALE_COOKIE, cookieMaxAge as LOCALE_COOKIE_MAX_AGE, isLocale, locales };
export type { Locale };

/** Each language named in itself, as the switch shows it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** Where to go back to after switching: a path on this site, else the home page. */
export function safeReturnPath(value: unknown): string {
	return typeof value === 'string' &&
		value.startsWith('/') &&
		!value.startsWith('//') &&
		!value.includes('\\')
		? value
		: '/';
}
