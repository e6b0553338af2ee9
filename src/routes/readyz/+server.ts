import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';

/** Readiness: 200 while the server takes new people, 503 while it drains or its database does not answer. */
export const GET: RequestHandler = async () => {
	const readiness = await app().readiness.check();
	return new Response(JSON.stringify(readiness), {
		status: readiness.status === 'ready' ? 200 : 503,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
