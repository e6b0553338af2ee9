/**
 * The boundary between the wire and the engine: validates socket payloads with zod (sizes bounded) and maps a
 * WireCommand plus the sender's Principal to the engine's Actor and Command. A participant's answer always takes
 * the team from the seat, never from the payload.
 */
import { z } from 'zod';
import { MAX_ADHOC_DEADLINE, MAX_ADHOC_LABEL, MAX_ADHOC_PROMPT } from '$lib/engine/adhoc-decisions';
import {
	ADHOC_OPTIONS,
	CHANNELS,
	CONFIDENCES,
	HSEEP_RATINGS,
	MESSAGE_CHANNELS,
	type Actor,
	type AdhocDecision,
	type Channel,
	type Command,
	type Confidence,
	type HseepRating,
	type MessageChannel
} from '$lib/engine/types';
import { MAX_BODY, MAX_SUBJECT } from '$lib/engine/messages/record';
import {
	MAX_TEXT_ANSWER,
	type AdhocQuestion,
	type Principal,
	type WireCommand
} from '$lib/realtime/contract';

const id = z.string().trim().min(1).max(120);
const shortText = z.string().trim().min(1).max(200);
const longText = z.string().max(MAX_TEXT_ANSWER);
const teamId = z.string().trim().min(1).max(60);

const answer = z.discriminatedUnion('type', [
	z.strictObject({ type: z.literal('single'), option: id }),
	z.strictObject({ type: z.literal('multiple'), options: z.array(id).max(50) }),
	z.strictObject({ type: z.literal('text'), text: longText }),
	z.strictObject({ type: z.literal('numeric'), value: z.number().finite() }),
	z.strictObject({ type: z.literal('ranking'), order: z.array(id).max(50) })
]);

const jumpTo = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('next-inject') }),
	z.strictObject({ kind: z.literal('next-phase') }),
	z.strictObject({ kind: z.literal('phase'), phase: id }),
	z.strictObject({
		kind: z.literal('at'),
		at: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'use an in-world date and time such as 2024-10-01T08:00')
	})
]);

/** The question an ad-hoc inject may ask; the engine checks the same rules again (adhoc-decisions.ts). */
const adhocQuestion = z
	.strictObject({
		prompt: z
			.string()
			.trim()
			.min(1, 'write the question the teams answer')
			.max(MAX_ADHOC_PROMPT, `must be at most ${MAX_ADHOC_PROMPT} characters`),
		options: z
			.array(
				z
					.string()
					.trim()
					.min(1, 'every option needs a label')
					.max(MAX_ADHOC_LABEL, `must be at most ${MAX_ADHOC_LABEL} characters`)
			)
			.min(ADHOC_OPTIONS.min, `give at least ${ADHOC_OPTIONS.min} options, or none for a free-text answer`)
			.max(ADHOC_OPTIONS.max, `give at most ${ADHOC_OPTIONS.max} options`)
			.refine(
				(labels) => new Set(labels.map((l) => l.toLowerCase())).size === labels.length,
				'two options have the same label'
			)
			.optional(),
		deadlineMinutes: z
			.number()
			.int('must be a whole number of minutes')
			.min(1, 'must be at least 1 minute')
			.max(MAX_ADHOC_DEADLINE / 60_000, 'must be at most 30 scenario days (43200 minutes)')
			.optional(),
		justify: z.boolean().optional()
	})
	.refine((q) => !q.justify || q.options !== undefined, {
		message: 'only a question with options can ask for reasoning',
		path: ['justify']
	});

const bare = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

const messageId = z
	.string()
	.regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8 to 64 letters, digits or dashes (a random UUID)');
const messageBody = z.string().max(MAX_BODY, `must be at most ${MAX_BODY} characters`);
const comment = z.string().max(2000, 'must be at most 2000 characters');
const messageStep = <T extends string>(type: T) =>
	z.strictObject({ type: z.literal(type), messageId, teamId: teamId.optional() });

const wireCommand = z.discriminatedUnion('type', [
	bare('exercise.brief'),
	bare('exercise.start'),
	bare('exercise.pause'),
	bare('exercise.resume'),
	bare('exercise.hotwash'),
	bare('exercise.end'),
	z.strictObject({ type: z.literal('exercise.setCompression'), compression: z.number().min(0.1).max(1440) }),
	z.strictObject({ type: z.literal('inject.release'), injectId: id }),
	z.strictObject({ type: z.literal('inject.hold'), injectId: id }),
	z.strictObject({ type: z.literal('inject.skip'), injectId: id }),
	z.strictObject({
		type: z.literal('inject.adhoc'),
		title: shortText,
		body: longText.min(1),
		channel: z.enum(CHANNELS as [Channel, ...Channel[]]),
		sender: shortText.optional(),
		audience: z.union([z.literal('all'), z.array(teamId).min(1).max(20)]),
		facilitatorNotes: longText.optional(),
		decision: adhocQuestion.optional()
	}),
	z.strictObject({
		type: z.literal('answer.submit'),
		decisionId: id,
		answer,
		teamId: teamId.optional(),
		justification: longText.optional(),
		confidence: z.enum(CONFIDENCES as [Confidence, ...Confidence[]]).optional()
	}),
	z.strictObject({
		type: z.literal('rubric.mark'),
		decisionId: id,
		teamId,
		marks: z.record(id, z.number().min(0).max(1)),
		note: longText.optional()
	}),
	z.strictObject({
		type: z.literal('score.override'),
		teamId,
		entryId: z.string().min(1).max(300),
		points: z.number().finite().min(-10000).max(10000),
		reason: z.string().trim().min(1).max(2000)
	}),
	z.strictObject({
		type: z.literal('note.add'),
		teamId: teamId.optional(),
		objectiveId: id.optional(),
		text: z.string().trim().min(1).max(MAX_TEXT_ANSWER)
	}),
	z.strictObject({ type: z.literal('participant.assign'), participantId: id, teamId }),
	z.strictObject({
		type: z.literal('message.save'),
		messageId,
		teamId: teamId.optional(),
		channel: z.enum(MESSAGE_CHANNELS as [MessageChannel, ...MessageChannel[]]),
		to: z.array(id).max(12, 'must list at most 12 recipients'),
		subject: z.string().max(MAX_SUBJECT, `must be at most ${MAX_SUBJECT} characters`),
		body: messageBody,
		attachments: z.array(id).max(10).optional()
	}),
	messageStep('message.submit'),
	messageStep('message.send'),
	messageStep('message.approve').extend({ comment: comment.optional() }),
	messageStep('message.return').extend({ comment }),
	z.strictObject({
		type: z.literal('message.mark'),
		messageId,
		marks: z.record(id, z.number().min(0).max(1)),
		note: longText.optional()
	}),
	z.strictObject({
		type: z.literal('message.reply'),
		messageId,
		persona: id,
		body: messageBody.min(1, 'the reply is empty'),
		template: id.optional()
	}),
	z.strictObject({ type: z.literal('clock.jump'), to: jumpTo }),
	z.strictObject({
		type: z.literal('debrief.set'),
		rationale: z.boolean(),
		modelAnswers: z.boolean(),
		otherTeams: z.boolean()
	}),
	z.strictObject({
		type: z.literal('rating.set'),
		teamId,
		objectiveId: id,
		rating: z.enum(HSEEP_RATINGS as [HseepRating, ...HseepRating[]]),
		reason: z.string().trim().min(1).max(2000),
		evidence: z.array(z.string().trim().min(1).max(300)).max(20)
	})
]);

/** Schema of `exercise:command` requests. */
/** Every wire command type, e.g. to label metrics with a bounded set of values. */
export const COMMAND_TYPES: ReadonlySet<string> = new Set(
	wireCommand.options.map((o) => o.shape.type.value as string)
);

export const commandRequestSchema = z.strictObject({
	exerciseId: id,
	key: z.string().min(8).max(100),
	version: z.number().int().min(0).optional(),
	command: wireCommand
});

/** Schema of `exercise:sync` requests. */
export const syncRequestSchema = z.strictObject({ exerciseId: id });

/** A validated command request. */
export type ParsedCommandRequest = z.infer<typeof commandRequestSchema>;

/** Result of checking a payload: the parsed value or a message naming the offending field. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates an untrusted payload, naming the first offending field in the message. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): Parsed<T> {
	const r = schema.safeParse(payload);
	if (r.success) return { ok: true, value: r.data };
	const first = r.error.issues[0];
	const where = first?.path.length ? first.path.join('.') : 'payload';
	return { ok: false, message: `${where}: ${first?.message ?? 'invalid'}` };
}

/** The engine actor behind a socket principal. */
export function actorOf(p: Principal): Actor {
	switch (p.kind) {
		case 'facilitator':
			return { role: 'facilitator', userId: p.userId, name: p.name };
		case 'participant':
			return { role: 'participant', userId: p.participantId, name: p.name, teamId: p.teamId ?? undefined };
		case 'staff':
			return { role: p.role, userId: p.staffId, name: p.name };
	}
}

/** The engine's ad-hoc decision for a console's question: options get ids o1…o6 in the order written. */
function adhocDecision(id: string, q: AdhocQuestion): AdhocDecision {
	return {
		id,
		prompt: q.prompt,
		type: q.options ? 'single' : 'text',
		...(q.options ? { options: q.options.map((label, i) => ({ id: `o${i + 1}`, label })) } : {}),
		...(q.deadlineMinutes !== undefined ? { deadline: q.deadlineMinutes * 60_000 } : {}),
		...(q.justify ? { justify: true } : {})
	};
}

/** Outcome of mapping a wire command: an engine command, or a reason it cannot be one. */
export type Mapped = { ok: true; command: Command } | { ok: false; code: string; message: string };

/** The team a message command acts for: a participant's seat, or the team a facilitator names. */
function messageTeam(
	teamId: string | undefined,
	principal: Principal
): { ok: true; teamId: string } | { ok: false; code: string; message: string } {
	if (principal.kind === 'participant')
		return principal.teamId
			? { ok: true, teamId: principal.teamId }
			: { ok: false, code: 'command/forbidden', message: 'You are not in a team yet.' };
	if (principal.kind === 'facilitator' && teamId) return { ok: true, teamId };
	return principal.kind === 'facilitator'
		? { ok: false, code: 'command/invalid', message: 'Name the team you are acting for (teamId).' }
		: { ok: false, code: 'command/forbidden', message: 'Only a team member or the facilitator can do that.' };
}

/**
 * Maps a validated wire command to the engine's Command. `newId` supplies ids the server assigns (ad-hoc
 * injects, notes) so the engine stays free of randomness. `participant.assign` is not an engine command and is
 * handled by the realtime layer before this is called.
 */
export function toEngineCommand(wire: WireCommand, principal: Principal, newId: () => string): Mapped {
	switch (wire.type) {
		case 'inject.adhoc': {
			const { type: _type, decision: question, ...inject } = wire;
			const id = `adhoc-${newId()}`;
			const decision = question && adhocDecision(`${id}-q`, question);
			return {
				ok: true,
				command: { type: 'inject.adhoc', inject: { id, ...inject, ...(decision ? { decision } : {}) } }
			};
		}
		case 'answer.submit': {
			const { teamId, ...rest } = wire;
			if (principal.kind === 'participant') {
				if (!principal.teamId) {
					return { ok: false, code: 'command/forbidden', message: 'You are not in a team yet.' };
				}
				return { ok: true, command: { ...rest, teamId: principal.teamId } };
			}
			if (principal.kind === 'facilitator' && teamId) {
				return { ok: true, command: { ...rest, teamId } };
			}
			return {
				ok: false,
				code: principal.kind === 'facilitator' ? 'command/invalid' : 'command/forbidden',
				message:
					principal.kind === 'facilitator'
						? 'Name the team you are answering for (teamId).'
						: 'Only a team member or the facilitator can submit an answer.'
			};
		}
		case 'note.add':
			return { ok: true, command: { ...wire, noteId: `note-${newId()}` } };
		case 'message.save': {
			const team = messageTeam(wire.teamId, principal);
			if (!team.ok) return team;
			const { type, messageId, teamId: _t, ...draft } = wire;
			return { ok: true, command: { type, messageId, teamId: team.teamId, draft } };
		}
		case 'message.submit':
		case 'message.send':
		case 'message.approve':
		case 'message.return': {
			const team = messageTeam(wire.teamId, principal);
			if (!team.ok) return team;
			return { ok: true, command: { ...wire, teamId: team.teamId } as Command };
		}
		case 'debrief.set': {
			const { type: _type, ...debrief } = wire;
			return { ok: true, command: { type: 'debrief.set', debrief } };
		}
		case 'participant.assign':
			return { ok: false, code: 'command/invalid', message: 'participant.assign is not an exercise input.' };
		default:
			return { ok: true, command: wire };
	}
}
