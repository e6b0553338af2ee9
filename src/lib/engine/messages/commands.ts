/**
 * The message commands: checks (each error names what is wrong, never an internal id) and the pure updates.
 * A message is drafted by its team (any member edits; the last editor is kept), submitted to the approving
 * team of its route if it has one, approved or sent back with a comment, then sent; the control cell replies
 * as a persona. Every step is kept with its scenario time.
 */
import { actorName } from '../decisions';
import { clockName, teamName } from '../labels';
import { listToArray, mapGet, mapSet } from '../persistent';
import type { StepContext } from '../scenario-clock';
import type { ExerciseState } from '../state';
import { record } from '../timeline';
import {
	MESSAGE_CHANNELS,
	type Actor,
	type Command,
	type EngineError,
	type MessageDraft,
	type TeamId
} from '../types';
import { personaOf, recipientName } from './names';
import { messageSent } from './reactions';
import {
	MAX_ATTACHMENTS,
	MAX_BODY,
	MAX_RECIPIENTS,
	MAX_SUBJECT,
	type MessageRecord,
	type MessageStep
} from './record';
import { approverFor } from './routes';
import { markPoints, rubricFor } from './rubrics';
import { rubricMax } from '../scoring/answer-points';

/** Longest approval comment accepted (characters). */
export const MAX_COMMENT = 2000;

type MessageCommand = Extract<Command, { type: `message.${string}` }>;

const invalid = (message: string): EngineError => ({ code: 'command/invalid', message });
const notFound = (): EngineError => ({
	code: 'message/not_found',
	message: 'that message does not exist or is not your team’s to act on'
});
const isText = (v: unknown): v is string => typeof v === 'string';
const quoted = (m: MessageRecord) => (m.subject.trim() ? `"${m.subject.trim()}"` : 'the message');

function draftProblem(state: ExerciseState, teamId: TeamId, draft: MessageDraft): EngineError | null {
	if (!draft || typeof draft !== 'object') return invalid('the message is missing');
	if (!MESSAGE_CHANNELS.includes(draft.channel))
		return invalid(`channel must be one of ${MESSAGE_CHANNELS.join(', ')}`);
	if (!Array.isArray(draft.to) || !draft.to.every(isText)) return invalid('recipients must be a list');
	if (draft.to.length > MAX_RECIPIENTS)
		return invalid(`a message may have at most ${MAX_RECIPIENTS} recipients`);
	if (new Set(draft.to).size !== draft.to.length) return invalid('a recipient is listed twice');
	for (const r of draft.to) {
		if (r === teamId) return invalid('a team cannot send a message to itself');
		if (!personaOf(state, r) && !state.config.teams.includes(r))
			return invalid(`"${r}" is neither a persona of this scenario nor a team taking part`);
	}
	if (!isText(draft.subject) || draft.subject.length > MAX_SUBJECT)
		return invalid(`the subject must be text of at most ${MAX_SUBJECT} characters`);
	if (!isText(draft.body) || draft.body.length > MAX_BODY)
		return invalid(`the message must be text of at most ${MAX_BODY} characters`);
	const attachments = draft.attachments ?? [];
	if (!Array.isArray(attachments) || attachments.length > MAX_ATTACHMENTS || !attachments.every(isText))
		return invalid(`attachments must be a list of at most ${MAX_ATTACHMENTS} items from your feed`);
	const feed = new Set(feedIds(state, teamId));
	if (attachments.some((a) => !feed.has(a))) return invalid('an attachment is not in your team’s feed');
	return null;
}

function feedIds(state: ExerciseState, teamId: TeamId): string[] {
	return listToArray(state.feeds[teamId]).map((item) => item.injectId);
}

/** What a message needs before it can be submitted or sent. */
function incomplete(m: MessageRecord): EngineError | null {
	if (m.to.length === 0) return invalid('choose at least one recipient before sending');
	if (!m.subject.trim()) return invalid('give the message a subject before sending');
	if (!m.body.trim()) return invalid('the message is empty');
	return null;
}

function teamCheck(state: ExerciseState, teamId: unknown): EngineError | null {
	return typeof teamId === 'string' && state.config.teams.includes(teamId)
		? null
		: {
				code: 'team/not_in_exercise',
				message: `team "${String(teamId)}" is not taking part in this exercise`
			};
}

function markProblem(
	state: ExerciseState,
	m: MessageRecord | undefined,
	command: Extract<MessageCommand, { type: 'message.mark' }>
): EngineError | null {
	if (!m || m.status !== 'sent')
		return { code: 'message/not_found', message: 'only a message that has been sent can be marked' };
	const rubric = rubricFor(state.scenario, m);
	if (!rubric) return invalid(`${quoted(m)} matches none of the scenario’s message rubrics`);
	const marks = command.marks && typeof command.marks === 'object' ? Object.entries(command.marks) : [];
	if (marks.length === 0) return invalid('mark at least one criterion');
	for (const [id, v] of marks) {
		if (!rubric.criteria.some((c) => c.id === id))
			return invalid(`one of the marks is for a criterion "${rubric.title}" does not have`);
		if (typeof v !== 'number' || !(v >= 0 && v <= 1))
			return invalid('each mark must be a number from 0 to 1');
	}
	if (command.note !== undefined && (!isText(command.note) || command.note.length > MAX_COMMENT))
		return invalid(`a note must be text of at most ${MAX_COMMENT} characters`);
	return null;
}

/** null when the message command can apply to `state`, else the error to return. */
export function messageProblem(state: ExerciseState, command: MessageCommand): EngineError | null {
	if (!isText(command.messageId) || command.messageId.trim() === '' || command.messageId.length > 100)
		return invalid('a message needs an id');
	const m = mapGet(state.messages, command.messageId);
	if (command.type === 'message.mark') return markProblem(state, m, command);
	if (command.type === 'message.reply') {
		if (!m || m.status !== 'sent') return notFound();
		const persona = personaOf(state, command.persona);
		if (!persona || !m.to.includes(persona.id))
			return invalid('only a persona the message was sent to can reply to it');
		if (!isText(command.body) || !command.body.trim()) return invalid('the reply is empty');
		if (command.body.length > MAX_BODY) return invalid(`a reply may have at most ${MAX_BODY} characters`);
		if (command.template !== undefined && !persona.replies.some((r) => r.id === command.template))
			return invalid(`${persona.name} has no such reply template`);
		return null;
	}
	const bad = teamCheck(state, command.teamId);
	if (bad) return bad;
	const approving = command.type === 'message.approve' || command.type === 'message.return';
	if (approving) {
		if (!m || m.approver !== command.teamId || m.status === 'draft') return notFound();
		if (m.status !== 'submitted')
			return invalid(`${quoted(m)} is not waiting for approval (it is ${m.status})`);
		if (command.comment !== undefined && (!isText(command.comment) || command.comment.length > MAX_COMMENT))
			return invalid(`a comment must be text of at most ${MAX_COMMENT} characters`);
		if (command.type === 'message.return' && !command.comment?.trim())
			return invalid('say why you are sending it back: the comment is empty');
		return null;
	}
	if (m && m.teamId !== command.teamId) return notFound();
	switch (command.type) {
		case 'message.save': {
			if (m?.status === 'submitted')
				return invalid(
					`${quoted(m)} is waiting for approval by ${teamName(state, m.approver ?? '')}; edit it once it is approved or sent back`
				);
			if (m?.status === 'sent') return invalid(`${quoted(m)} has been sent; write a new message instead`);
			return draftProblem(state, command.teamId, command.draft);
		}
		case 'message.submit': {
			if (!m) return notFound();
			if (m.status !== 'draft' && m.status !== 'returned')
				return invalid(`${quoted(m)} cannot be submitted: it is ${m.status}`);
			if (!approverFor(state.scenario, state.config.teams, m.teamId, m.channel, m.to))
				return invalid(`${quoted(m)} needs no approval: send it`);
			return incomplete(m);
		}
		case 'message.send': {
			if (!m) return notFound();
			if (m.status === 'sent') return invalid(`${quoted(m)} has already been sent`);
			if (m.status === 'submitted')
				return invalid(`${quoted(m)} is waiting for approval by ${teamName(state, m.approver ?? '')}`);
			const approver = approverFor(state.scenario, state.config.teams, m.teamId, m.channel, m.to);
			if (approver && m.status !== 'approved')
				return invalid(`${quoted(m)} needs approval by ${teamName(state, approver)} before it goes out`);
			return incomplete(m);
		}
	}
}

function step(m: MessageRecord, s: MessageStep): MessageRecord {
	return { ...m, steps: [...m.steps, s] };
}

function put(state: ExerciseState, m: MessageRecord): ExerciseState {
	return { ...state, messages: mapSet(state.messages, m.id, m) };
}

function note(
	state: ExerciseState,
	m: MessageRecord,
	kind: MessageStep['kind'],
	ctx: StepContext,
	persona = ''
) {
	const teamId = kind === 'approved' || kind === 'returned' ? m.approver : m.teamId;
	return record(state, {
		seq: ctx.seq,
		at: ctx.at,
		scenarioAt: state.clock.now,
		kind: 'message',
		teamId,
		detail: `${kind}\t${m.id}\t${persona}`
	});
}

/** Apply a checked message command. */
export function applyMessage(
	state: ExerciseState,
	command: MessageCommand,
	actor: Actor,
	ctx: StepContext
): ExerciseState {
	const now = state.clock.now;
	const by = actorName(actor);
	const m = mapGet(state.messages, command.messageId);
	switch (command.type) {
		case 'message.save': {
			const d = command.draft;
			const fields = {
				channel: d.channel,
				to: [...d.to],
				subject: d.subject,
				body: d.body,
				attachments: [...(d.attachments ?? [])],
				lastEditor: by,
				editedAt: now
			};
			if (m) return put(state, { ...m, ...fields, status: 'draft' });
			const created: MessageRecord = {
				id: command.messageId,
				seq: ctx.seq,
				teamId: command.teamId,
				...fields,
				status: 'draft',
				steps: [{ kind: 'drafted', scenarioAt: now, by, teamId: command.teamId }]
			};
			return put(state, created);
		}
		case 'message.submit': {
			const approver = approverFor(state.scenario, state.config.teams, m!.teamId, m!.channel, m!.to)!;
			const next = step(
				{ ...m!, status: 'submitted', approver },
				{ kind: 'submitted', scenarioAt: now, by, teamId: m!.teamId }
			);
			return note(put(state, next), next, 'submitted', ctx);
		}
		case 'message.approve':
		case 'message.return': {
			const kind = command.type === 'message.approve' ? 'approved' : 'returned';
			const comment = command.comment?.trim() ? { comment: command.comment.trim() } : {};
			const next = step(
				{ ...m!, status: kind },
				{ kind, scenarioAt: now, by, teamId: command.teamId, ...comment }
			);
			return note(put(state, next), next, kind, ctx);
		}
		case 'message.mark': {
			const note = command.note?.trim() ? { note: command.note.trim() } : {};
			const mark = { marks: { ...command.marks }, ...note, by, scenarioAt: now };
			const next = { ...m!, mark };
			return record(put(state, next), {
				seq: ctx.seq,
				at: ctx.at,
				scenarioAt: now,
				kind: 'message',
				teamId: m!.teamId,
				detail: `marked\t${m!.id}\t${markPoints(rubricFor(state.scenario, m!)!, mark.marks)}`
			});
		}
		case 'message.send': {
			const next = step(
				{ ...m!, status: 'sent', sentAt: now, phase: state.scenario.phases[state.phaseIndex]?.id },
				{ kind: 'sent', scenarioAt: now, by, teamId: m!.teamId }
			);
			return messageSent(note(put(state, next), next, 'sent', ctx), next, now, ctx);
		}
		case 'message.reply': {
			const reply: MessageStep = {
				kind: 'reply',
				scenarioAt: now,
				by,
				persona: command.persona,
				body: command.body,
				...(command.template !== undefined ? { template: command.template } : {})
			};
			const next = step(m!, reply);
			return note(put(state, next), next, 'reply', ctx, command.persona);
		}
	}
}

/** "Legal submitted "Breach report" for approval by Executives", for the timeline. */
export function messageStepText(state: ExerciseState, detail: string): string {
	const [kind, id, persona] = detail.split('\t');
	const m = mapGet(state.messages, id);
	if (!m) return 'Message';
	const author = teamName(state, m.teamId);
	const subject = quoted(m);
	const to = m.to.map((r) => recipientName(state, r)).join(', ');
	const approver = teamName(state, m.approver ?? '');
	switch (kind) {
		case 'submitted':
			return `${author} submitted ${subject} for approval by ${approver}`;
		case 'approved':
			return `${approver} approved ${subject} from ${author}`;
		case 'returned':
			return `${approver} sent ${subject} back to ${author}`;
		case 'sent':
			return `${author} sent ${subject} to ${to}`;
		case 'marked': {
			const rubric = rubricFor(state.scenario, m);
			const by = m.mark?.by ? `${m.mark.by} marked` : 'Marked';
			const points = rubric ? ` (${persona} of ${rubricMax(rubric.criteria)})` : '';
			return `${by} ${subject} from ${author} against "${rubric?.title ?? 'its rubric'}"${points}`;
		}
		case 'breach':
			return `${author} sent ${subject} while ${clockName(state, persona ?? '', {})} was in force: the hold is breached`;
		default:
			return `${recipientName(state, persona ?? '')} replied to ${author} on ${subject}`;
	}
}
