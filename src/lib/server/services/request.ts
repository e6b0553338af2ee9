/**
 * The part of a SvelteKit RequestEvent the services use, so tests can pass a small stand-in.
 */
import type { RequestEvent } from '@sveltejs/kit';

/** Cookies, URL and client address of a request. */
export type RequestLike = Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress'>;

/** The client's address, or "unknown" when the adapter cannot tell (rate limits still apply to that bucket). */
export function clientAddress(event: RequestLike): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
