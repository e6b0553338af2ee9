/**
 * The socket.io contract shared by browser and server. Event names are `noun:verb`; every client call is
 * answered through an ack carrying `{ data }` or `{ error }`. The wire vocabulary (WireCommand) is mapped to
 * the engine's Command on the server (src/lib/server/realtime/commands.ts), never trusted as-is.
 */
import type {
	AnswerValue,
	Channel,
	Confidence,
	HseepRating,
	JumpTo,
	MessageChannel,
	TeamId
} from '$lib/engine/types';
import type { ViewPatch } from './view-patch';
import type { WireView } from './wire-view';

export type ErrorCode =
	| 'auth/required'
	| 'auth/forbidden'
	| 'exercise/not_found'
	| 'payload/invalid'
	| 'payload/too_large'
	| 'command/forbidden'
	| 'command/invalid_state'
	| 'command/invalid'
	| 'command/stale_version'
	| 'decision/not_found'
	| 'decision/not_delivered'
	| 'decision/already_answered'
	| 'answer/invalid'
	| 'inject/not_found'
	| 'team/not_in_exercise'
	| 'message/not_found'
	| 'server/error';

export interface WireError {
	code: ErrorCode | string;
	message: string;
}

export type Ack<T> = { data: T } | { error: WireError };

/**
 * The question of an ad-hoc inject as the console sends it: 2–6 option labels (answered by picking one) or none
 * (answered in free text), a deadline in scenario minutes after delivery, and whether the team must give its
 * reasoning (options only). The server assigns the ids.
 */
export interface AdhocQuestion {
	prompt: string;
	options?: string[];
	deadlineMinutes?: number;
	justify?: boolean;
}

/** Commands as a browser sends them. The server adds who sent them and when. */
export type WireCommand =
	| { type: 'exercise.brief' }
	| { type: 'exercise.start' }
	| { type: 'exercise.pause' }
	| { type: 'exercise.resume' }
	| { type: 'exercise.setCompression'; compression: number }
	| { type: 'exercise.hotwash' }
	| { type: 'exercise.end' }
	| { type: 'inject.release'; injectId: string }
	| { type: 'inject.hold'; injectId: string }
	| { type: 'inject.skip'; injectId: string }
	| {
			type: 'inject.adhoc';
			title: string;
			body: string;
			channel: Channel;
			sender?: string;
			audience: 'all' | TeamId[];
			facilitatorNotes?: string;
			/** A question the addressed teams answer (never scored). */
			decision?: AdhocQuestion;
	  }
	/**
	 * Participants: the team comes from the seat, never from the payload (a `teamId` sent by a participant is
	 * ignored). Facilitators answering on a team's behalf name the team in `teamId`.
	 */
	| {
			type: 'answer.submit';
			decisionId: string;
			answer: AnswerValue;
			teamId?: TeamId;
			/** The team's reasoning; required by justified decisions. */
			justification?: string;
			/** How sure the team is; recorded, never scored. */
			confidence?: Confidence;
	  }
	| { type: 'rubric.mark'; decisionId: string; teamId: TeamId; marks: Record<string, number>; note?: string }
	/** Evaluators and facilitators: mark a sent message against its scenario rubric. */
	| { type: 'message.mark'; messageId: string; marks: Record<string, number>; note?: string }
	| { type: 'score.override'; teamId: TeamId; entryId: string; points: number; reason: string }
	| { type: 'note.add'; teamId?: TeamId; objectiveId?: string; text: string }
	/** Facilitator: move scenario time forward (running or paused). */
	| { type: 'clock.jump'; to: JumpTo }
	/** Facilitator: what teams see after EndEx (hotwash or ended). */
	| { type: 'debrief.set'; rationale: boolean; modelAnswers: boolean; otherTeams: boolean }
	/** Evaluators and the facilitator: rate a team on an objective; `evidence` cites entry ids, note ids or text. */
	| {
			type: 'rating.set';
			teamId: TeamId;
			objectiveId: string;
			rating: HseepRating;
			reason: string;
			evidence: string[];
	  }
	/**
	 * In-world messages. Participants act for the team of their seat (for approve and return: as the approving
	 * team); a `teamId` they send is ignored. Facilitators acting for a team name it. `messageId` is chosen by
	 * the browser for a new draft (a random UUID) and reused for every later step.
	 */
	| {
			type: 'message.save';
			messageId: string;
			teamId?: TeamId;
			channel: MessageChannel;
			to: string[];
			subject: string;
			body: string;
			attachments?: string[];
	  }
	| { type: 'message.submit' | 'message.send'; messageId: string; teamId?: TeamId }
	| { type: 'message.approve'; messageId: string; teamId?: TeamId; comment?: string }
	| { type: 'message.return'; messageId: string; teamId?: TeamId; comment: string }
	/** Facilitator: answer a sent message as one of its recipient personas, from a template or in free text. */
	| { type: 'message.reply'; messageId: string; persona: string; body: string; template?: string }
	/** Facilitator: move a participant to a team (lobby or running). */
	| { type: 'participant.assign'; participantId: string; teamId: TeamId };

export interface CommandRequest {
	exerciseId: string;
	/** Idempotency key chosen by the client (e.g. crypto.randomUUID()); a retry reuses it. */
	key: string;
	/** The view version the command was issued against (informational; answers are checked by the engine). */
	version?: number;
	command: WireCommand;
}

export interface PresenceMember {
	participantId: string;
	name: string;
	teamId: TeamId | null;
	connected: boolean;
}

export interface ViewMessage {
	exerciseId: string;
	version: number;
	/** Markdown already rendered to sanitised HTML on the server (wire-view.ts). */
	view: WireView;
}

/**
 * A change to the view a room was last sent: `patch` turns the view at version `from` into the one at `to`
 * (src/lib/realtime/view-patch.ts). A browser holding another version asks for the whole view again (sync).
 */
export interface PatchMessage {
	exerciseId: string;
	from: number;
	to: number;
	patch: ViewPatch;
}

export interface ClientToServerEvents {
	/**
	 * Ask for the whole view (on every connect and reconnect, and when a patch does not fit the version held).
	 * The answer is the view the socket's room was last sent, so the room's next patch fits it.
	 */
	'exercise:sync': (req: { exerciseId: string }, ack: (res: Ack<ViewMessage>) => void) => void;
	'exercise:command': (
		req: CommandRequest,
		ack: (res: Ack<{ version: number; duplicate: boolean }>) => void
	) => void;
}

export interface ServerToClientEvents {
	/** A whole view, pushed when a room has no earlier one to patch (or the patch would not be smaller). */
	'exercise:view': (msg: ViewMessage) => void;
	/** Pushed to each room whose view changed: the change against the version the room last got. */
	'exercise:patch': (msg: PatchMessage) => void;
	/** Facilitators, observers and evaluators, once on each sync: who is in which team and connected. */
	'exercise:presence': (msg: { exerciseId: string; members: PresenceMember[] }) => void;
	/** Staff, after that: only the members whose seat, team or connection changed (to merge by participantId). */
	'exercise:presence-change': (msg: { exerciseId: string; members: PresenceMember[] }) => void;
}

/** Who is behind a socket, established once in the handshake from the session or seat cookie. */
export type Principal =
	| { kind: 'facilitator'; userId: string; name: string }
	| { kind: 'participant'; participantId: string; exerciseId: string; teamId: TeamId | null; name: string }
	| { kind: 'staff'; staffId: string; exerciseId: string; role: 'observer' | 'evaluator'; name: string };

export interface SocketData {
	principal: Principal;
	/** Facilitators: the login session the socket was opened with; it is re-checked before privileged commands. */
	sessionId?: string;
	/** The language refusals are worded in: the connection's, read at the handshake. */
	locale?: 'en' | 'fr';
}

/** Payload bound enforced by the server (socket.io maxHttpBufferSize and per-field limits). */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
export const MAX_TEXT_ANSWER = 8000;
