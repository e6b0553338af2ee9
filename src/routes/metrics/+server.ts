import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { metricsResponse } from '$lib/server/metrics-endpoint';

/** Prometheus metrics; see src/lib/server/metrics-endpoint.ts for who may read them. */
export const GET: RequestHandler = ({ request }) =>
	metricsResponse(
		app().metrics,
		process.env.METRICS_TOKEN || undefined,
		request.headers.get('authorization')
	);
