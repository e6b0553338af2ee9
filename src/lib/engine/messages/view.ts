/**
 * Messages as each viewer may see them. A team sees its own messages (drafts included), messages other teams
 * sent it, and messages submitted to it for approval while they are with it or after (never another team's
 * draft). Observers and evaluators see every message once it has left its team's drafts; the facilitator
 * sees everything. Persona notes and reply templates are for staff only; a message's rubric (with guidance)
 * and marks for evaluators and the facilitator only; hold breaches for staff.
 */
import { indexOf } from '../scenario-index';
import { mapEntries } from '../persistent';
import { clockName, teamName } from '../labels';
import type { ExerciseState } from '../state';
import { fill } from '../templates';
import type { MessageView, Persona, PersonaView, TeamId } from '../types';
import { personaOf, recipientName } from './names';
import type { MessageRecord } from './record';
import { approverFor } from './routes';
import { markPoints, rubricFor } from './rubrics';
import { rubricMax } from '../scoring/answer-points';

type Vars = Record<string, string>;

/** Who is looking: a team, staff who see what left the drafts, or the facilitator. */
export type MessageViewer = { teamId: TeamId } | 'staff' | 'evaluator' | 'facilitator';

function visible(m: MessageRecord, viewer: MessageViewer): boolean {
	if (viewer === 'facilitator') return true;
	if (viewer === 'staff' || viewer === 'evaluator')
		return m.status !== 'draft' || m.steps.some((s) => s.kind === 'submitted');
	const { teamId } = viewer;
	if (m.teamId === teamId) return true;
	if (m.status === 'sent' && m.to.includes(teamId)) return true;
	return m.approver === teamId && m.status !== 'draft';
}

function attachmentTitle(state: ExerciseState, id: string, vars: Vars): string {
	const inject = indexOf(state.scenario).injects.get(id);
	if (inject) return fill(inject.title, vars);
	for (const [, a] of mapEntries(state.adhoc)) if (a.inject.id === id) return a.inject.title;
	return 'Feed item';
}

function messageView(state: ExerciseState, m: MessageRecord, vars: Vars): MessageView {
	const approver = m.approver ?? approverFor(state.scenario, state.config.teams, m.teamId, m.channel, m.to);
	return {
		id: m.id,
		teamId: m.teamId,
		teamName: teamName(state, m.teamId),
		channel: m.channel,
		to: m.to.map((id) => ({
			id,
			name: fill(recipientName(state, id), vars),
			kind: personaOf(state, id) ? 'persona' : 'team'
		})),
		subject: m.subject,
		body: m.body,
		attachments: m.attachments.map((id) => ({ id, title: attachmentTitle(state, id, vars) })),
		status: m.status,
		...(approver ? { approval: { teamId: approver, teamName: teamName(state, approver) } } : {}),
		...(m.lastEditor !== undefined ? { lastEditor: m.lastEditor } : {}),
		editedAt: m.editedAt,
		...(m.sentAt !== undefined ? { sentAt: m.sentAt } : {}),
		steps: m.steps.map(({ template: _template, ...s }) => ({
			...s,
			...(s.persona ? { personaName: fill(recipientName(state, s.persona), vars) } : {})
		})),
		...(m.breaches?.length
			? { breaches: m.breaches.map((clockId) => ({ clockId, name: clockName(state, clockId, vars) })) }
			: {})
	};
}

/** The rubric a sent message is marked against and its latest marks, for evaluators and the facilitator. */
function withRubric(state: ExerciseState, m: MessageRecord, view: MessageView, vars: Vars): MessageView {
	const rubric = m.status === 'sent' ? rubricFor(state.scenario, m) : undefined;
	if (!rubric) return view;
	const criteria = rubric.criteria.map((c) => ({
		...c,
		label: fill(c.label, vars),
		guidance: fill(c.guidance, vars)
	}));
	const mark = m.mark
		? {
				mark: {
					...m.mark,
					marks: { ...m.mark.marks },
					points: markPoints(rubric, m.mark.marks),
					maxPoints: rubricMax(rubric.criteria)
				}
			}
		: {};
	return { ...view, rubric: { id: rubric.id, title: fill(rubric.title, vars), criteria }, ...mark };
}

/**
 * The messages `viewer` may see, oldest first. A team that only received a message, or approves it, does not
 * see the author team's drafting history (who edited), only what it was given.
 */
export function messagesView(state: ExerciseState, viewer: MessageViewer, vars: Vars): MessageView[] {
	return mapEntries(state.messages)
		.map(([, m]) => m)
		.filter((m) => visible(m, viewer))
		.sort((a, b) => a.seq - b.seq)
		.map((m) => {
			const view = messageView(state, m, vars);
			// Rubrics, their guidance and marks go to those who mark: never to teams or observers.
			if (viewer === 'evaluator' || viewer === 'facilitator') return withRubric(state, m, view, vars);
			if (typeof viewer === 'string') return view;
			// Teams never see staff-only judgements of messages (hold breaches), their own included.
			const { breaches: _breaches, ...own } = view;
			if (viewer.teamId === m.teamId) return own;
			const { lastEditor: _editor, ...rest } = own;
			if (m.approver === viewer.teamId)
				return { ...rest, steps: rest.steps.filter((s) => s.kind !== 'reply') };
			// A receiving team sees the message as sent: no approval steps, no replies to the author.
			return { ...rest, steps: rest.steps.filter((s) => s.kind === 'sent') };
		});
}

/** The personas as teams see them. */
export function personasView(state: ExerciseState, vars: Vars): PersonaView[] {
	return (state.scenario.personas ?? []).map((p) => ({
		id: p.id,
		name: fill(p.name, vars),
		channel: p.channel,
		address: fill(p.address, vars),
		...(p.description !== undefined ? { description: fill(p.description, vars) } : {})
	}));
}

/** The personas with their notes and reply templates, for the control cell. */
export function personasForStaff(state: ExerciseState, vars: Vars): Persona[] {
	return (state.scenario.personas ?? []).map((p) => ({
		...p,
		name: fill(p.name, vars),
		address: fill(p.address, vars),
		...(p.description !== undefined ? { description: fill(p.description, vars) } : {}),
		...(p.notes !== undefined ? { notes: fill(p.notes, vars) } : {}),
		replies: p.replies.map((r) => ({ ...r, label: fill(r.label, vars), body: fill(r.body, vars) }))
	}));
}
