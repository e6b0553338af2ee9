import { isRedirect } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SYMBOL } from '$lib/server/app';
import { load } from './+page.server';

const slot = globalThis as Record<symbol, unknown>;

// A signed-in browser opening /login?next=…: only the two session calls the page makes.
const fakeApp = {
	sessions: {
		needsSetup: async () => false,
		current: async () => ({ userId: 'u1', username: 'dana', name: 'Dana', sessionId: 's1' })
	}
};

/** Where the page sends a signed-in browser for this query string, as a real response would carry it. */
async function redirectFor(query: string): Promise<string> {
	const url = new URL(`http://switchboard.test/login${query}`);
	const thrown = await (load as (e: unknown) => Promise<unknown>)({ url }).then(
		() => null,
		(e: unknown) => e
	);
	if (!isRedirect(thrown)) throw new Error(`expected a redirect, got ${String(thrown)}`);
	// A Response refuses header values that are not Latin-1 or hold a newline: that was the 500.
	return new Response(null, { status: thrown.status, headers: { location: thrown.location } }).headers.get(
		'location'
	)!;
}

beforeEach(() => (slot[APP_SYMBOL] = fakeApp));
afterEach(() => delete slot[APP_SYMBOL]);

describe('the sign-in page with ?next= for a signed-in browser', () => {
	it('does not send the browser to another site for next=/%09/evil.host', async () => {
		const location = await redirectFor('?next=/%09/evil.host');
		expect(new URL(location, 'http://switchboard.test').host).toBe('switchboard.test');
		expect(location).toBe('/exercises');
	});
	it('falls back to the default page for a next with a newline, without a server error', async () => {
		expect(await redirectFor('?next=/exercises%0D%0ASet-Cookie:%20a=b')).toBe('/exercises');
	});
	it('redirects to a path with non-Latin characters percent-encoded, without a server error', async () => {
		expect(await redirectFor('?next=/exercises/%C3%BCbung')).toBe('/exercises/%C3%BCbung');
	});
});
