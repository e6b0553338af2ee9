/**
 * Test harness for the server: the real app on a real HTTP server (port 0) over a fresh database, plus helpers
 * to sign in, create an exercise, take seats and connect real socket.io clients with those cookies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cookies } from '@sveltejs/kit';
import { io as connect, type Socket } from 'socket.io-client';
import type {
	Ack,
	ClientToServerEvents,
	ServerToClientEvents,
	ViewMessage,
	WireCommand
} from '$lib/realtime/contract';
import { createApp, type App } from '../app';
import { openStore } from '../db';
import { ServiceError } from '../errors';
import type { TestDatabase } from '../db/test-targets';
import type { RequestLike } from '../services/request';
import type { Logger } from '../log';
import { ViewFollower } from './view-follower';

/** A typed socket.io client. */
export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The folder of scenarios used by server tests. */
export const TEST_SCENARIOS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');

/** A request stand-in whose cookies are kept in a map, so a test can read what a service set. */
export function fakeRequest(
	url = 'http://127.0.0.1/',
	address = '127.0.0.1'
): RequestLike & { jar: Map<string, string> } {
	const jar = new Map<string, string>();
	const cookies: Cookies = {
		get: (name) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name, value) => void jar.set(name, value),
		delete: (name) => void jar.delete(name),
		serialize: (name, value) => `${name}=${value}`
	};
	return { cookies, url: new URL(url), getClientAddress: () => address, jar };
}

/** A clock the test moves by hand. */
export interface ManualClock {
	now: () => number;
	set(ms: number): void;
	advance(ms: number): void;
}

/** A clock starting at `start`, moved only by the test. */
export function manualClock(start = Date.UTC(2026, 0, 5, 9, 0)): ManualClock {
	let t = start;
	return { now: () => t, set: (ms) => void (t = ms), advance: (ms) => void (t += ms) };
}

/** A running server with its app. */
export interface TestServer {
	app: App;
	http: Server;
	url: string;
	clients: TestSocket[];
	/** Errors the app logged (unexpected failures). */
	errors: unknown[];
	/** Connects a client with a Cookie header (and optional Origin); resolves once connected. */
	client(
		cookie: string,
		options?: { origin?: string; as?: 'facilitator' | 'seat'; acceptLanguage?: string }
	): Promise<TestSocket>;
	/** Connects and expects a refusal; resolves with the connect_error message. */
	refused(cookie: string, options?: { origin?: string }): Promise<string>;
	close(): Promise<void>;
}

/** Starts the app over `db` on a free port, with the scenarios of `scenariosDir` (the test scenarios by default). */
export async function startServer(
	db: TestDatabase,
	clock: ManualClock,
	snapshotEvery = 200,
	scenariosDir = TEST_SCENARIOS,
	logger?: Logger
): Promise<TestServer> {
	const store = await openStore(db.url);
	const errors: unknown[] = [];
	const app = createApp({
		store,
		scenariosDir,
		now: clock.now,
		snapshotEvery,
		logger,
		log: (e) => errors.push(e)
	});
	const http = createServer();
	app.attachRealtime(http);
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const clients: TestSocket[] = [];

	const open = (
		cookie: string,
		options: { origin?: string; as?: string; acceptLanguage?: string } = {}
	): TestSocket => {
		const headers: Record<string, string> = { cookie };
		if (options.origin) headers.origin = options.origin;
		if (options.acceptLanguage) headers['accept-language'] = options.acceptLanguage;
		const socket: TestSocket = connect(url, {
			transports: ['websocket'],
			extraHeaders: headers,
			auth: options.as ? { as: options.as } : {},
			forceNew: true,
			reconnection: false
		});
		clients.push(socket);
		followers.set(socket, new ViewFollower(socket));
		return socket;
	};

	return {
		app,
		http,
		url,
		clients,
		errors,
		client: (cookie, options) =>
			new Promise((resolve, reject) => {
				const socket = open(cookie, options);
				socket.once('connect', () => resolve(socket));
				socket.once('connect_error', (e) => reject(e));
			}),
		refused: (cookie, options) =>
			new Promise((resolve, reject) => {
				const socket = open(cookie, options);
				socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
				socket.once('connect_error', (e) => resolve(e.message));
			}),
		async close() {
			for (const c of clients) c.disconnect();
			await app.close();
			http.closeAllConnections();
			await new Promise<void>((resolve) => http.close(() => resolve()));
		}
	};
}

/** Signs up the first facilitator; returns the Cookie header value. */
export async function facilitatorCookie(app: App): Promise<{ cookie: string; userId: string }> {
	const req = fakeRequest();
	const f = await app.sessions.setup(req, {
		name: 'Dana Facilitator',
		username: 'dana',
		password: 'correct horse battery'
	});
	return { cookie: `sb_session=${req.jar.get('sb_session')}`, userId: f.userId };
}

/** A facilitator's synced socket on a new two-team server-drill exercise, and a way to send it commands. */
export async function facilitatorOnDrill(server: TestServer): Promise<{
	exerciseId: string;
	joinCode: string;
	socket: TestSocket;
	send(command: WireCommand): Promise<Ack<{ version: number }>>;
}> {
	const fac = await facilitatorCookie(server.app);
	const account = (await server.app.sessions.byToken(fac.cookie.split('=')[1]))!;
	const { id: exerciseId, joinCode } = await server.app.exercises.create(account, {
		scenarioId: 'server-drill',
		organisation: 'Northwind Telecom',
		teams: ['soc', 'legal']
	});
	const socket = await server.client(fac.cookie);
	const synced = (await socket
		.timeout(5000)
		.emitWithAck('exercise:sync', { exerciseId })) as Ack<ViewMessage>;
	if (!('data' in synced)) throw new Error(`the facilitator could not sync: ${synced.error.message}`);
	const send = (command: WireCommand) =>
		socket.timeout(5000).emitWithAck('exercise:command', { exerciseId, key: newKey(), command }) as Promise<
			Ack<{ version: number }>
		>;
	return { exerciseId, joinCode, socket, send };
}

/** Joins as a participant; returns the Cookie header value and the seat. */
export async function participantCookie(app: App, code: string, name: string, teamId: string) {
	const req = fakeRequest();
	const seat = await app.seats.join(req, { code, name, teamId });
	return { cookie: `sb_seat=${req.jar.get('sb_seat')}`, seat };
}

/** Joins as an observer or evaluator with the staff code. */
export async function staffCookie(app: App, code: string, name: string, role: 'observer' | 'evaluator') {
	const req = fakeRequest();
	const seat = await app.seats.joinStaff(req, { code, name, role });
	return { cookie: `sb_seat=${req.jar.get('sb_seat')}`, seat };
}

let keySerial = 0;
/** A fresh idempotency key. */
export const newKey = () => `test-key-${process.pid}-${++keySerial}-${Math.random().toString(36).slice(2)}`;

const followers = new WeakMap<TestSocket, ViewFollower>();

/** What a socket of the test server holds (views rebuilt from patches included), followed since it connected. */
export function viewsOf(socket: TestSocket): ViewFollower {
	const follower = followers.get(socket);
	if (!follower) throw new Error('this socket was not opened by the test server');
	return follower;
}

/**
 * Waits for the next view a socket comes to hold (pushed whole or rebuilt from a patch) that `match` accepts,
 * with a generous bound so a broken test fails, not hangs.
 */
export function nextView(
	socket: TestSocket,
	match: (msg: ViewMessage) => boolean = () => true
): Promise<ViewMessage> {
	const follower = viewsOf(socket);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => (off(), reject(new Error('no view within 5 s'))), 5000);
		const off = follower.on((msg) => {
			if (!match(msg)) return;
			clearTimeout(timer);
			off();
			resolve(msg);
		});
	});
}

/** Waits for the next event of a kind on a socket (with a generous bound so a broken test fails, not hangs). */
export function nextEvent<E extends keyof ServerToClientEvents>(
	socket: TestSocket,
	event: E,
	match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5000);
		const handler = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
			if (!match(payload)) return;
			clearTimeout(timer);
			socket.off(event, handler as never);
			resolve(payload);
		};
		socket.on(event, handler as never);
	});
}

/** The app over a fresh SQLite file, without HTTP (for service tests). */
export async function startApp(
	clock: ManualClock = manualClock()
): Promise<{ app: App; close(): Promise<void> }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-services-'));
	const app = createApp({
		store: await openStore(path.join(dir, 'db.sqlite')),
		scenariosDir: TEST_SCENARIOS,
		now: clock.now
	});
	return {
		app,
		async close() {
			await app.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** The code of the ServiceError `p` rejects with; fails the test if it resolves or rejects with anything else. */
export async function serviceErrorCode(p: Promise<unknown>): Promise<string> {
	const e = await p.then(
		() => null,
		(x: unknown) => x
	);
	if (!(e instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(e)}`);
	return e.code;
}
