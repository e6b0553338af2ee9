/** Any origin will do: it only gives relative paths something to resolve against, and is never shown. */
const BASE = 'http://switchboard.invalid';

/**
 * Where to go after signing in: only paths on this site, so a crafted link cannot send people elsewhere.
 * Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so "/\t/evil.host" would become
 * "//evil.host": any control character or backslash falls back. What is kept is the URL parser's own
 * percent-encoded form of the path, so the Location header never carries text a response cannot hold.
 */
export function safeNext(next: string | null, fallback = '/exercises'): string {
	if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//')) return fallback;
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
	if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	return url.pathname + url.search + url.hash;
}
