/**
 * Server start-up: the `init` hook opens the store, creates the app services once, attaches socket.io to the
 * HTTP server left on globalThis (by server.js in production, by the Vite plugin in dev) and starts resuming
 * every exercise that has not ended in the background, so the server listens at once and their timers run again.
 */
import path from 'node:path';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { APP_SYMBOL, createApp, HTTP_SERVER_SYMBOL, type App } from '$lib/server/app';
import { openStore } from '$lib/server/db';
import { readOidcSettings } from '$lib/server/auth/oidc-config';
import { MAX_SEAT_LIMIT } from '$lib/server/db/exercises';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { defaultLogger, type Logger } from '$lib/server/log';
import { drainSeconds } from '$lib/server/readiness';

const slot = globalThis as Record<symbol, unknown>;

function baseUrl(http: HttpServer | undefined): string | null {
	if (process.env.ORIGIN) return process.env.ORIGIN.replace(/\/$/, '');
	const address = http?.address() as AddressInfo | string | null | undefined;
	if (!address || typeof address === 'string') return null;
	const host = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.address;
	return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

function announceSetup(http: HttpServer | undefined, logger: Logger): void {
	const say = () =>
		logger.info(`Switchboard: no facilitator account yet. Create one at ${baseUrl(http) ?? ''}/setup`);
	if (!http || http.listening) say();
	// After the server's own "listening" line, which is printed from the listen callback.
	else http.once('listening', () => setImmediate(say));
}

/** SWITCHBOARD_SEAT_LIMIT: seats of a new exercise whose form names none; refuses to start on nonsense. */
function seatLimitSetting(value: string | undefined): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > MAX_SEAT_LIMIT) {
		throw new Error(
			`SWITCHBOARD_SEAT_LIMIT must be a whole number from 1 to ${MAX_SEAT_LIMIT}, got "${value}".`
		);
	}
	return n;
}

export const init: ServerInit = async () => {
	if (slot[APP_SYMBOL]) return;
	const logger = defaultLogger();
	const store = await openStore(process.env.DATABASE_URL);
	const app: App = createApp({
		store,
		logger,
		scenariosDir: path.resolve(process.env.SWITCHBOARD_SCENARIOS ?? 'scenarios'),
		defaultSeatLimit: seatLimitSetting(process.env.SWITCHBOARD_SEAT_LIMIT),
		drainSeconds: drainSeconds(process.env.DRAIN_SECONDS),
		oidc: readOidcSettings(process.env),
		origin: process.env.ORIGIN,
		proxyHeaders: {
			host: process.env.HOST_HEADER || undefined,
			protocol: process.env.PROTOCOL_HEADER || undefined
		}
	});
	slot[APP_SYMBOL] = app;
	const http = slot[HTTP_SERVER_SYMBOL] as HttpServer | undefined;
	if (http) app.attachRealtime(http);
	// Restored in the background so the server answers at once; a socket asking for an exercise not restored yet
	// gets it first (or "restoring", and its page retries).
	void app.hosts
		.resumeAll()
		.then((resumed) => logger.info({ resumed }, 'exercises resumed'))
		.catch((e) => logger.error({ err: e }, 'resume of exercises failed'));
	// The shipped library is imported in the background too; library pages wait for it on their first read.
	void app.scenarios
		.sync()
		.then((problems) => {
			for (const problem of problems)
				logger.warn(
					{ file: problem.file, problems: problem.issues.length },
					`${problem.file} is not in the scenario library: ${problem.issues[0]?.message ?? 'it has problems'}` +
						(problem.issues.length > 1 ? ` (and ${problem.issues.length - 1} more problem(s))` : '')
				);
		})
		.catch((e) => logger.error({ err: e }, 'import of the scenarios folder failed'));
	if (await app.sessions.needsSetup()) announceSetup(http, logger);
};

/**
 * Every request runs in its locale (the language switch's cookie, else Accept-Language, else English), so pages
 * and server messages are worded in it and <html lang> says it.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
	);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	if (!response.headers.has('x-frame-options')) response.headers.set('x-frame-options', 'DENY');
	// The route's pattern, never the path itself: /join/<code> and similar paths carry secrets.
	// Balancers poll the probes every few seconds: those requests are logged at debug only.
	const probe = event.route.id === '/healthz' || event.route.id === '/readyz';
	defaultLogger()[probe ? 'debug' : 'info'](
		{
			method: event.request.method,
			route: event.route.id ?? '(no route)',
			status: response.status,
			ms: Math.round((performance.now() - started) * 10) / 10
		},
		'request'
	);
	return response;
};

/** Unexpected errors in loads and actions: logged with their stack; the page shows only a generic message. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status !== 404) {
		defaultLogger().error(
			{ err: error, method: event.request.method, route: event.route.id ?? '(no route)', status },
			'request failed'
		);
	}
	return { message };
};
