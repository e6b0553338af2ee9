/**
 * GET /metrics: served only when the METRICS_TOKEN setting is set, and then only to a request carrying
 * `Authorization: Bearer <token>`. Without the setting the endpoint does not exist (404), so no deployment
 * exposes it by accident, whatever proxy stands in front.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Metrics } from './metrics';

export async function metricsResponse(
	metrics: Metrics,
	token: string | undefined,
	authorization: string | null
): Promise<Response> {
	if (!token) return new Response('Not found', { status: 404 });
	if (!sameText(authorization ?? '', `Bearer ${token}`)) {
		return new Response('The metrics need the bearer token set in METRICS_TOKEN.', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer' }
		});
	}
	const { body, contentType } = await metrics.exposition();
	return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}

function sameText(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}
