import { m } from '$lib/paraglide/messages';

/**
 * Why someone was sent to sign in, worded from the page they asked for (the `next` the redirect carries), so a
 * visitor who opens an import or editor link learns which account it needs rather than meeting a bare form.
 * Null when they came to the sign-in page by themselves.
 */
export function signInReason(next: string | null): string | null {
	if (!next) return null;
	const path = next.split(/[?#]/)[0];
	if (path === '/scenarios/import' || path.startsWith('/scenarios/import/')) return m.why_signin_import();
	if (/^\/scenarios\/[^/]+\/edit(\/|$)/.test(path)) return m.why_signin_edit();
	if (path === '/scenarios' || path.startsWith('/scenarios/')) return m.why_signin_library();
	if (path === '/admin' || path.startsWith('/admin/')) return m.why_signin_admin();
	if (path === '/exercises' || path.startsWith('/exercises/') || path === '/trends')
		return m.why_signin_exercises();
	if (path === '/account' || path.startsWith('/account/')) return m.why_signin_account();
	return m.why_signin_other();
}
