/**
 * The socket.io server: handshake (Origin + cookie → principal), `exercise:sync` and `exercise:command`
 * answered by ack, views pushed per room after every committed change, presence for staff. Built by
 * `createRealtime(httpServer, deps)` so tests can run it on port 0 with real clients.
 */
import type { Server as HttpServer } from 'node:http';
import { createHash } from 'node:crypto';
import { senderOf } from '../db/store';
import { Server, type Socket } from 'socket.io';
import {
	MAX_PAYLOAD_BYTES,
	type ClientToServerEvents,
	type PresenceMember,
	type Principal,
	type ServerToClientEvents,
	type SocketData,
	type ViewMessage
} from '$lib/realtime/contract';
import { ServiceError } from '../errors';
import type { Command, Viewer } from '../../engine/types';
import type { ExerciseHost } from '../exercise/exercise-host';
import type { HostRegistry } from '../exercise/host-registry';
import {
	actorOf,
	COMMAND_TYPES,
	commandRequestSchema,
	parsePayload,
	syncRequestSchema,
	toEngineCommand
} from './commands';
import { EncodedMessage, spliceEncodedMessages, type PacketEncoder } from './encoded-message';
import { localeOf, originAllowed, principalOf, type OriginPolicy, type PrincipalResolver } from './handshake';
import { refusalWords } from '$lib/refusal-words';
import type { Locale } from '$lib/i18n';
import { PresenceTracker, type MemberSource } from './presence';
import { RoomViews } from './room-views';
import { SessionSockets } from './session-sockets';
import { wireView } from './wire-views';
import type { Logger } from '../log';
import {
	evaluatorsRoom,
	facilitatorsRoom,
	mayAccess,
	observersRoom,
	roomOf,
	teamRoom,
	viewerOf
} from './rooms';

type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Client = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What the realtime layer is built from. */
export interface RealtimeDeps {
	hosts: HostRegistry;
	principals: PrincipalResolver;
	/** Participant seats of an exercise, for presence. */
	members: MemberSource;
	/** Moves a participant's seat to a team (checks the team belongs to the exercise). */
	assignSeat(exerciseId: string, participantId: string, teamId: string): Promise<void>;
	/** The public origin (ORIGIN) and trusted proxy headers for the handshake's Origin check. */
	origins?: OriginPolicy;
	/** Where unexpected errors go; defaults to console.error. */
	log?: (e: unknown, context: string) => void;
	/** Structured logs: each command (type, outcome, duration) and each connection, at debug level. */
	logger?: Pick<Logger, 'debug'>;
	/**
	 * Told of each command the engine accepted (not retries) before it is acknowledged, so the audit log holds it
	 * by the time the sender sees success; a failure here is logged and does not undo the command.
	 */
	onCommand?: (principal: Principal, exerciseId: string, command: Command) => Promise<void> | void;
	/** Told how long each command took from receipt to acknowledgement (metrics). */
	metrics?: { command(type: string, ok: boolean, seconds: number): void };
	/** Push changes as patches against the view a room holds (default); false pushes every change whole. */
	viewPatches?: boolean;
}

/** Told that the views of an exercise at `version` are about to be pushed. */
export type PublishListener = (exerciseId: string, version: number) => void;

/** Told of each message pushed to a room: its event, its JSON (built once) and how many sockets it went to. */
export type PushListener = (push: { room: string; event: string; json: string; sockets: number }) => void;

/** A running realtime layer. */
export interface Realtime {
	io: IO;
	/** Pushes the current view of an exercise to every room whose view changed since its last push. */
	publish(host: ExerciseHost): void;
	/** Calls `listener` as each push of an exercise's views begins (metrics, benchmarks); returns the unsubscribe. */
	onPublish(listener: PublishListener): () => void;
	/** Calls `listener` for each message pushed to a room (metrics, benchmarks); returns the unsubscribe. */
	onPush(listener: PushListener): () => void;
	/** Schedules a presence announcement of one seat (it joined or moved). */
	presenceChanged(exerciseId: string, seatId: string): void;
	/** Disconnects the sockets opened with these login sessions (they were ended). */
	endSessions(sessionIds: string[]): void;
	/** Disconnects facilitator sockets whose session ended or expired; runs every minute by itself. */
	sweepSessions(): Promise<number>;
	close(): Promise<void>;
}

function failure(
	e: unknown,
	log: (e: unknown, c: string) => void,
	context: string,
	locale: Locale = 'en'
): { error: { code: string; message: string } } {
	if (e instanceof ServiceError)
		return { error: { code: e.code, message: e.refusal ? refusalWords(e.refusal, locale) : e.message } };
	log(e, context);
	return { error: { code: 'server/error', message: refusalWords({ kind: 'server-error' }, locale) } };
}

/** How often open facilitator sockets have their session re-checked (expiry reaches idle sockets too). */
const SESSION_SWEEP_MS = 60_000;

const SIGNED_OUT = new ServiceError('auth/required', 'Your sign-in has ended; sign in again.', 401, {
	kind: 'signed-out'
});
const OTHER_EXERCISE = () =>
	new ServiceError('auth/forbidden', 'Your seat belongs to another exercise.', 403, {
		kind: 'other-exercise'
	});

/** Attaches socket.io to an HTTP server. */
export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): Realtime {
	const log = deps.log ?? ((e: unknown, context: string) => console.error(`[realtime] ${context}:`, e));
	const io: IO = new Server(httpServer, {
		maxHttpBufferSize: MAX_PAYLOAD_BYTES,
		serveClient: false
	});

	const emitPresence = (exerciseId: string, members: PresenceMember[]) => {
		io.to([facilitatorsRoom(exerciseId), observersRoom(exerciseId), evaluatorsRoom(exerciseId)]).emit(
			'exercise:presence-change',
			{ exerciseId, members }
		);
	};
	const presence = new PresenceTracker(deps.members, emitPresence, (e) => log(e, 'presence'));

	const roomSize = (room: string) => io.sockets.adapter.rooms.get(room)?.size ?? 0;
	const roomViews = new RoomViews({ patches: deps.viewPatches ?? true });
	spliceEncodedMessages(io.encoder as PacketEncoder);
	// The typed emit wants a message object; the encoder sends the prepared JSON of one in its place.
	const prepared = (json: string) => new EncodedMessage(json) as never;
	io.sockets.adapter.on('delete-room', (room: string) => roomViews.forget(room));
	const publishListeners = new Set<PublishListener>();
	const pushListeners = new Set<PushListener>();

	/**
	 * Brings `room` up to the host's current view: when it shows something new (or `force` and the version
	 * moved), the room's sockets get the change, built once and sent as the same bytes to each of them.
	 */
	function advance(room: string, viewer: Viewer, host: ExerciseHost, force = false): void {
		const view = wireView(host.view(viewer));
		const push = roomViews.next(room, host.exerciseId, host.version, view, host.state.clock, force);
		const sockets = roomSize(room);
		if (push === null || sockets === 0) return;
		io.to(room).emit(push.event, prepared(push.json));
		for (const listener of pushListeners) listener({ room, event: push.event, json: push.json, sockets });
	}

	// Every room with sockets in it; rooms whose view did not change are skipped.
	function publish(host: ExerciseHost): void {
		const id = host.exerciseId;
		for (const listener of publishListeners) listener(id, host.version);
		const send = (room: string, viewer: Viewer) => {
			if (roomSize(room) > 0) advance(room, viewer, host);
		};
		send(facilitatorsRoom(id), { role: 'facilitator' });
		send(observersRoom(id), { role: 'observer' });
		send(evaluatorsRoom(id), { role: 'evaluator' });
		for (const teamId of host.state.config.teams) send(teamRoom(id, teamId), { role: 'participant', teamId });
	}

	/**
	 * The whole view a socket joining `room` is given: the room's own, moved to the current version first (its
	 * other sockets get that move as a patch), so the joiner holds what they hold and the next patch fits all.
	 */
	function joinRoom(socket: Client, room: string, viewer: Viewer, host: ExerciseHost) {
		advance(room, viewer, host, true);
		socket.join(room);
		return roomViews.last(room)!;
	}
	deps.hosts.onLoaded((host) => host.onChange(publish));

	const sessions = new SessionSockets<Client>(
		async (id) => (await deps.principals.facilitatorBySession(id)) !== null
	);
	const sweeper = setInterval(() => {
		sessions.sweep().catch((e) => log(e, 'session sweep'));
	}, SESSION_SWEEP_MS);
	sweeper.unref?.();

	io.use(async (socket, next) => {
		try {
			if (!originAllowed(socket.request, deps.origins ?? {})) return next(new Error('auth/forbidden'));
			const found = await principalOf(
				socket.request.headers.cookie,
				socket.handshake.auth?.as,
				deps.principals
			);
			if (!found) return next(new Error('auth/required'));
			socket.data.principal = found.principal;
			socket.data.locale = localeOf(socket.request.headers);
			if (found.sessionId) socket.data.sessionId = found.sessionId;
			next();
		} catch (e) {
			log(e, 'handshake');
			next(new Error('server/error'));
		}
	});

	// A participant's open sockets, so a team move can re-room them without scanning every connection.
	const seatSockets = new Map<string, Set<Client>>();

	io.on('connection', (socket: Client) => {
		const synced = new Set<string>();
		sessions.add(socket);
		const self = socket.data.principal;
		deps.logger?.debug({ socket: socket.id, as: self.kind }, 'socket connected');
		if (self.kind === 'participant') {
			const set = seatSockets.get(self.participantId) ?? new Set<Client>();
			set.add(socket);
			seatSockets.set(self.participantId, set);
		}

		// The socket joins its room and gets the room's view whole.
		const syncView = async (exerciseId: string): Promise<ViewMessage> => {
			const principal = socket.data.principal;
			if (!mayAccess(principal, exerciseId)) throw OTHER_EXERCISE();
			const host = await deps.hosts.ready(exerciseId);
			const viewer = viewerOf(socket.data.principal);
			const room = roomOf(exerciseId, socket.data.principal);
			if (!viewer || !room)
				throw new ServiceError('auth/forbidden', 'You are not in a team yet; ask the facilitator.', 403, {
					kind: 'no-team'
				});
			const { version, view } = joinRoom(socket, room, viewer, host);
			return { exerciseId, version, view };
		};

		socket.on('exercise:sync', async (req, ack) => {
			if (typeof ack !== 'function') return;
			const parsed = parsePayload(syncRequestSchema, req);
			if (!parsed.ok) return ack({ error: { code: 'payload/invalid', message: parsed.message } });
			const { exerciseId } = parsed.value;
			try {
				if (!(await sessions.stillLive(socket))) throw SIGNED_OUT;
				const msg = await syncView(exerciseId);
				if (!synced.has(exerciseId)) {
					synced.add(exerciseId);
					const p = socket.data.principal;
					if (p.kind === 'participant') presence.connected(exerciseId, p.participantId);
				}
				ack({ data: msg });
				if (socket.data.principal.kind !== 'participant') {
					socket.emit('exercise:presence', { exerciseId, members: await presence.snapshot(exerciseId) });
				}
			} catch (e) {
				ack(failure(e, log, `sync ${exerciseId}`, socket.data.locale));
				if (e === SIGNED_OUT) sessions.drop(socket);
			}
		});

		socket.on('exercise:command', async (req, reply) => {
			if (typeof reply !== 'function') return;
			const started = performance.now();
			const ack: typeof reply = (res) => {
				const type = typeof req?.command?.type === 'string' ? req.command.type : 'invalid';
				const known = COMMAND_TYPES.has(type) ? type : 'invalid';
				const seconds = (performance.now() - started) / 1000;
				deps.metrics?.command(known, 'data' in res, seconds);
				deps.logger?.debug(
					{
						command: known,
						exercise: typeof req?.exerciseId === 'string' ? req.exerciseId.slice(0, 64) : undefined,
						outcome: 'data' in res ? 'ok' : res.error.code,
						ms: Math.round(seconds * 10_000) / 10
					},
					'command'
				);
				reply(res);
			};
			const parsed = parsePayload(commandRequestSchema, req);
			if (!parsed.ok) return ack({ error: { code: 'payload/invalid', message: parsed.message } });
			const { exerciseId, key, command } = parsed.value;
			const principal = socket.data.principal;
			try {
				if (!mayAccess(principal, exerciseId)) throw OTHER_EXERCISE();
				if (!(await sessions.stillLive(socket))) throw SIGNED_OUT;
				const host = await deps.hosts.ready(exerciseId);
				if (command.type === 'participant.assign') {
					if (principal.kind !== 'facilitator') {
						throw new ServiceError(
							'command/forbidden',
							'Only a facilitator can move people between teams.',
							403,
							{ kind: 'facilitator-only-move' }
						);
					}
					await assign(exerciseId, command.participantId, command.teamId, host);
					return ack({ data: { version: host.version, duplicate: false } });
				}
				// Ids the server assigns (notes, ad-hoc injects) derive from the sender and key, so a retry maps to
				// the very command stored the first time and is recognised as a duplicate.
				const actor = actorOf(principal);
				const mapped = toEngineCommand(command, principal, () =>
					createHash('sha256')
						.update(`${senderOf(actor)}\u0000${key}`)
						.digest('hex')
						.slice(0, 12)
				);
				if (!mapped.ok) throw new ServiceError(mapped.code, mapped.message, 403);
				const result = await host.submit(actor, mapped.command, key);
				if (!result.duplicate && deps.onCommand) {
					await Promise.resolve(deps.onCommand(principal, exerciseId, mapped.command)).catch((e) =>
						log(e, `after command ${command.type} on ${exerciseId}`)
					);
				}
				ack({ data: result });
			} catch (e) {
				ack(failure(e, log, `command ${command.type} on ${exerciseId}`, socket.data.locale));
				// Answered first, so the page can say why; then every socket of the ended session goes.
				if (e === SIGNED_OUT) sessions.drop(socket);
			}
		});

		socket.on('disconnect', (reason) => {
			deps.logger?.debug({ socket: socket.id, reason }, 'socket disconnected');
			sessions.remove(socket);
			const p = socket.data.principal;
			if (p.kind !== 'participant') return;
			const set = seatSockets.get(p.participantId);
			set?.delete(socket);
			if (set?.size === 0) seatSockets.delete(p.participantId);
			for (const exerciseId of synced) presence.disconnected(exerciseId, p.participantId);
		});
	});

	async function assign(
		exerciseId: string,
		participantId: string,
		teamId: string,
		host: ExerciseHost
	): Promise<void> {
		if (!host.state.config.teams.includes(teamId)) {
			throw new ServiceError(
				'team/not_in_exercise',
				`Team "${teamId}" is not taking part in this exercise.`,
				400
			);
		}
		await deps.assignSeat(exerciseId, participantId, teamId);
		for (const s of seatSockets.get(participantId) ?? []) {
			const p = s.data.principal;
			if (p.kind !== 'participant' || p.exerciseId !== exerciseId) continue;
			s.data.principal = { ...p, teamId };
			// Sockets that synced this exercise sit in a team room, and an unplaced seat's sockets wait for one:
			// both move now. The others get the new room on sync.
			const wasIn = p.teamId === null || s.rooms.has(teamRoom(exerciseId, p.teamId));
			if (p.teamId) s.leave(teamRoom(exerciseId, p.teamId));
			if (!wasIn) continue;
			const { json } = joinRoom(s, teamRoom(exerciseId, teamId), { role: 'participant', teamId }, host);
			s.emit('exercise:view', prepared(json));
		}
		presence.changed(exerciseId, participantId);
	}

	return {
		io,
		publish,
		onPublish(listener) {
			publishListeners.add(listener);
			return () => publishListeners.delete(listener);
		},
		onPush(listener) {
			pushListeners.add(listener);
			return () => pushListeners.delete(listener);
		},
		presenceChanged: (exerciseId, seatId) => presence.changed(exerciseId, seatId),
		endSessions: (ids) => sessions.end(ids),
		sweepSessions: () => sessions.sweep(),
		async close() {
			clearInterval(sweeper);
			presence.close();
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}
