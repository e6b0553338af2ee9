/**
 * The composition root: one App per process, created by the `init` hook and kept on globalThis so the custom
 * server, the Vite dev plugin and SvelteKit's module graph all reach the same instance.
 */
import type { Server as HttpServer } from 'node:http';
import {
	createRateLimiter,
	JOIN_FAILURE_LIMIT,
	JOIN_SUCCESS_LIMIT,
	LOGIN_ACCOUNT_LIMIT,
	LOGIN_ADDRESS_LIMIT
} from './auth/rate-limit';
import type { AuditDetail, Store } from './db/store';
import type { Command } from '../engine/types';
import type { Principal } from '../realtime/contract';
import { HostRegistry } from './exercise/host-registry';
import { Metrics } from './metrics';
import { createRealtime, type Realtime } from './realtime/socket-server';
import { Exercises } from './services/exercises';
import { pdfPrinter } from './services/exports-pdf';
import { Review } from './services/review';
import { ScenarioImports } from './services/scenario-imports';
import { ScenarioLibrary } from './services/scenario-library';
import { ScenarioStudio } from './services/scenario-studio';
import { Seats } from './services/seats';
import { Sessions, type Facilitator } from './services/sessions';
import { hasRole } from './auth/roles';
import { Views } from './services/views';
import { Accounts } from './services/accounts';
import { AuditLog } from './services/audit-log';
import { SingleSignOn } from './services/single-sign-on';
import { SecondFactor } from './services/second-factor';
import type { OidcSettings } from './auth/oidc-config';
import { defaultLogger, type Logger } from './log';
import { ReadinessProbe } from './readiness';

/** Where the app instance lives between module instances. */
export const APP_SYMBOL = Symbol.for('switchboard.app');
/** Where the custom server (or the Vite plugin) leaves the HTTP server for socket.io. */
export const HTTP_SERVER_SYMBOL = Symbol.for('switchboard.httpServer');

/** Options for createApp. */
export interface AppOptions {
	store: Store;
	/** Folder of scenario YAML files. */
	scenariosDir: string;
	now?: () => number;
	/** Public origin (ORIGIN env), accepted by the socket handshake besides the request's own origin. */
	origin?: string;
	/**
	 * Headers set by a trusted reverse proxy (HOST_HEADER, PROTOCOL_HEADER env, as the SvelteKit Node adapter
	 * reads them); without them the handshake ignores X-Forwarded-Host and X-Forwarded-Proto.
	 */
	proxyHeaders?: { host?: string; protocol?: string };
	/** Single sign-on settings (OIDC_* env), or null/undefined when it is off. */
	oidc?: OidcSettings | null;
	/** Seat limit of new exercises whose form names none (SWITCHBOARD_SEAT_LIMIT). */
	defaultSeatLimit?: number;
	/** Inputs between engine snapshots. */
	snapshotEvery?: number;
	/** Push view changes as patches (default); false pushes whole views (the benchmark's baseline). */
	viewPatches?: boolean;
	/** Seconds a stopping server keeps serving while reporting itself not ready (DRAIN_SECONDS). */
	drainSeconds?: number;
	/** Structured logs; defaults to one built from LOG_LEVEL and LOG_FORMAT (src/lib/server/log.ts). */
	logger?: Logger;
	/** Where unexpected errors go; defaults to the logger at error level. */
	log?: (e: unknown, context: string) => void;
}

/** Every server-side service of the app. */
export interface App {
	store: Store;
	hosts: HostRegistry;
	sessions: Sessions;
	/** The append-only audit log of privileged actions. */
	audit: AuditLog;
	/** Account administration (/admin). */
	accounts: Accounts;
	/** The optional TOTP second factor of local accounts. */
	secondFactor: SecondFactor;
	/** OpenID Connect sign-in, or null when it is not configured. */
	sso: SingleSignOn | null;
	scenarios: ScenarioLibrary;
	/** Drafts: create, save, publish, export. */
	studio: ScenarioStudio;
	/** Uploads (YAML, MSEL, IcebergTTX) into drafts. */
	imports: ScenarioImports;
	exercises: Exercises;
	seats: Seats;
	views: Views;
	review: Review;
	/** Attaches socket.io to an HTTP server (once). */
	attachRealtime(httpServer: HttpServer): Realtime;
	realtime(): Realtime | null;
	/** Prometheus metrics (GET /metrics). */
	metrics: Metrics;
	/** Structured logs (pino). */
	logger: Logger;
	/** Readiness for a load balancer (GET /readyz); drained on SIGTERM. */
	readiness: ReadinessProbe;
	/** Stops timers, closes sockets and the store. */
	close(): Promise<void>;
}

/** Exercise commands that change its course or its results, recorded in the audit log. */
export const AUDITED_COMMANDS: ReadonlySet<Command['type']> = new Set<Command['type']>([
	'exercise.start',
	'exercise.pause',
	'exercise.resume',
	'exercise.hotwash',
	'exercise.end',
	'clock.jump',
	'inject.adhoc',
	'score.override',
	'rating.set'
]);

async function auditCommand(
	store: Store,
	audit: AuditLog,
	principal: Principal,
	exerciseId: string,
	command: Command
): Promise<void> {
	const exercise = await store.exercises.get(exerciseId);
	const who =
		principal.kind === 'facilitator'
			? { userId: principal.userId, name: principal.name }
			: {
					userId: null,
					name: `${principal.name} (${principal.kind === 'staff' ? principal.role : 'participant'} seat)`
				};
	const detail: AuditDetail = { command: command.type };
	if (command.type === 'score.override')
		Object.assign(detail, { team: command.teamId, points: command.points });
	if (command.type === 'rating.set')
		Object.assign(detail, { team: command.teamId, objective: command.objectiveId, rating: command.rating });
	await audit.record(who, 'exercise.command', exercise?.name ?? 'an exercise', detail);
}

const onlyFacilitators = <U extends Facilitator>(user: U | null): U | null =>
	hasRole(user, 'facilitator') ? user : null;

/** Builds the services around a store. */
export function createApp(options: AppOptions): App {
	const { store } = options;
	const now = options.now ?? Date.now;
	const logger = options.logger ?? defaultLogger();
	const log =
		options.log ?? ((e: unknown, context: string) => logger.error({ err: e, context }, `failed: ${context}`));
	let realtime: Realtime | null = null;
	const metrics: Metrics = new Metrics({
		connections: (): number => realtime?.io.engine.clientsCount ?? 0,
		exercises: (): number => hosts.size
	});
	const hosts: HostRegistry = new HostRegistry({
		store: {
			appendInput: metrics.timeCommits(store.events.appendInput),
			inputsAfter: store.events.inputsAfter,
			inputByKey: store.events.inputByKey,
			saveSnapshot: store.snapshots.save,
			pruneSnapshots: store.snapshots.prune,
			latestSnapshot: store.snapshots.latest,
			setLifecycle: store.exercises.setLifecycle
		},
		now,
		snapshotEvery: options.snapshotEvery,
		onError: log,
		loadExercise: (id) => store.exercises.get(id),
		runningExerciseIds: async () => (await store.runningExercises()).map((e) => e.id)
	});
	hosts.onLoaded((host) =>
		logger.info({ exercise: host.exerciseId, version: host.version }, 'exercise hosted')
	);
	const library = new ScenarioLibrary(store, options.scenariosDir);
	const studio = new ScenarioStudio(store, library);
	const audit = new AuditLog(store, now);
	// Wrong second-factor codes (at sign-in, enrolment and removal) per account.
	const secondFactor = createRateLimiter({ limit: 10, windowMs: 15 * 60_000, now });
	const sessions = new Sessions(
		store,
		{
			address: createRateLimiter({ ...LOGIN_ADDRESS_LIMIT, now }),
			account: createRateLimiter({ ...LOGIN_ACCOUNT_LIMIT, now }),
			secondFactor
		},
		now,
		audit
	);
	// A session that ends (logout, expiry, an administrator) closes its open sockets too.
	sessions.onEnded((ids) => realtime?.endSessions(ids));
	const seats = new Seats(
		store,
		hosts,
		{
			wrongCodes: createRateLimiter({ ...JOIN_FAILURE_LIMIT, now }),
			seatsTaken: createRateLimiter({ ...JOIN_SUCCESS_LIMIT, now })
		},
		(id, seatId) => realtime?.presenceChanged(id, seatId)
	);

	return {
		store,
		hosts,
		sessions,
		audit,
		accounts: new Accounts(store, sessions, audit, now),
		secondFactor: new SecondFactor(store, audit, secondFactor, now),
		sso: options.oidc ? new SingleSignOn(options.oidc, store, sessions, audit, now) : null,
		scenarios: library,
		studio,
		imports: new ScenarioImports(studio, now),
		exercises: new Exercises(store, library, hosts, options.defaultSeatLimit),
		seats,
		views: new Views(hosts),
		review: new Review(store, hosts),
		attachRealtime(httpServer) {
			if (realtime) return realtime;
			realtime = createRealtime(httpServer, {
				hosts,
				metrics,
				viewPatches: options.viewPatches,
				origins: {
					origin: options.origin,
					hostHeader: options.proxyHeaders?.host,
					protocolHeader: options.proxyHeaders?.protocol
				},
				log,
				logger,
				onCommand: async (principal, exerciseId, command) => {
					if (AUDITED_COMMANDS.has(command.type)) {
						await auditCommand(store, audit, principal, exerciseId, command);
					}
				},
				members: (id) => seats.members(id),
				assignSeat: async (exerciseId, participantId, teamId) => {
					await seats.assign(exerciseId, participantId, teamId);
				},
				// Only accounts with the facilitator role get a facilitator socket, and losing the role (or the
				// account being disabled) stops privileged commands on sockets already open.
				principals: {
					facilitatorByToken: async (t) => onlyFacilitators(await sessions.byToken(t)),
					facilitatorBySession: async (id) => onlyFacilitators(await sessions.bySessionId(id)),
					seatByToken: (t) => seats.byToken(t)
				}
			});
			realtime.onPush(({ event, json, sockets }) => metrics.push(event, Buffer.byteLength(json), sockets));
			return realtime;
		},
		realtime: () => realtime,
		metrics,
		logger,
		readiness: new ReadinessProbe(store, options.drainSeconds),
		async close() {
			await realtime?.close();
			await pdfPrinter.close();
			await hosts.close();
			await store.close();
		}
	};
}

/** The app created by the init hook; throws when called before it ran. */
export function app(): App {
	const instance = (globalThis as Record<symbol, unknown>)[APP_SYMBOL] as App | undefined;
	if (!instance)
		throw new Error('Switchboard is not initialised: the init hook in hooks.server.ts has not run.');
	return instance;
}
