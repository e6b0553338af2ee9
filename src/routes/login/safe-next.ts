/** Where to go after signing in: only paths on this site, so a crafted link cannot send people elsewhere. */
export function safeNext(next: string | null, fallback = '/exercises'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next;
}
