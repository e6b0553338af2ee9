import type { RequestHandler } from './$types';

/** Liveness: the process answers. No store query, so a slow database never gets a live server restarted. */
export const GET: RequestHandler = () =>
	new Response(JSON.stringify({ status: 'live' }), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
