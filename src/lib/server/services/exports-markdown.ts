/**
 * The after-action report as Markdown, with the same sections and figures as the review page, for pasting into
 * a wiki or a ticket. Every string that comes from people or scenarios (names, answers, notes, organisation) is
 * made inert before it is placed: HTML becomes entities and Markdown's link and code characters are escaped, so
 * a renderer that passes raw HTML through (most do) shows the text instead of running it. Table cells also
 * escape pipes and line breaks so a note cannot break the table.
 */
import { formatElapsed } from '$lib/client/scenario-time';
import { clockCounts, clockKindLabel, clockOutcome } from '$lib/clock-words';
import type { ClockView } from '$lib/engine/types';
import { HSEEP_LABELS, suggestionText } from '$lib/rating-words';
import type { FeedbackRecord, ImprovementActionRecord } from '../db/store';
import { fileStem, type ExportFile } from './exports-file';
import { summariseFeedback } from './feedback-summary';
import type { ReviewData } from './review';
import { messagesMarkdown } from './review-messages';
import { OBSERVATION_PREFIX } from './review-observations';

/** One string made inert: `<`, `>` and `&` as entities; backslash, brackets and backticks escaped. */
export function inertText(v: string): string {
	return v
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/([\\`[\]])/g, '\\$1');
}

/** A copy of plain data with every string made inert (see inertText); numbers, booleans and null kept. */
function inert<T>(value: T): T {
	if (typeof value === 'string') return inertText(value) as T;
	if (Array.isArray(value)) return value.map(inert) as T;
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inert(v)])) as T;
	}
	return value;
}

// Values reach cells already inert (backslashes escaped), so only the table's own syntax is handled here.
const cell = (v: unknown) =>
	String(v ?? '')
		.replace(/\|/g, '\\|')
		.replace(/\r?\n/g, ' ');
const row = (cells: unknown[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: unknown[][]) =>
	[row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const pct = (p: number | null) => (p === null ? '–' : `${p}%`);

/** "Met with 2h 05m to spare" / "Missed by 3h" / "Breached 3d before it ended" / "Never started". */
export function clockResult(c: ClockView): string {
	const ended = clockOutcome(c, c.stoppedAt ?? c.deadlineAt ?? 0);
	return c.status === 'running' ? (c.kind === 'hold' ? 'In force' : 'Still running') : ended;
}

function summarySection(data: ReviewData): string[] {
	const s = data.summary;
	const out = [
		'## Executive summary',
		'',
		`Overall: **${s.overall.points} of ${s.overall.maxPoints} points (${pct(s.overall.percent)})**.`,
		s.coverage.statement,
		'',
		`Evaluator ratings: P ${s.ratings.P} · S ${s.ratings.S} · M ${s.ratings.M} · U ${s.ratings.U}` +
			(s.awaitingRating ? ` (${s.awaitingRating} exercised objectives not rated yet). ` : '. ') +
			`Regulatory clocks: ${clockCounts(s.clocks)}.`,
		'',
		table(
			['Team', 'Points', 'Possible', 'Share'],
			s.teams.map((t) => [t.name, t.points, t.maxPoints, pct(t.percent)])
		),
		'',
		'### Strengths',
		'',
		...(s.strengths.length ? s.strengths.map((f) => `- ${f.text}`) : ['- None recorded.']),
		'',
		'### Areas for improvement',
		'',
		...(s.improvements.length ? s.improvements.map((f) => `- ${f.text}`) : ['- None recorded.']),
		''
	];
	return out;
}

function objectivesSection(data: ReviewData): string[] {
	const team = (id: string) => data.teams.find((t) => t.id === id)?.name ?? id;
	const out = ['## Objectives, ratings and evidence', ''];
	for (const r of data.objectiveReviews) {
		out.push(`### ${r.objective.title}`, '');
		if (r.objective.hseep.length) out.push(`Core capabilities: ${r.objective.hseep.join(', ')}`, '');
		out.push(
			table(
				['Team', 'Rating', 'Suggestion', 'Points', 'Possible', 'Share'],
				r.teams.map((t) => [
					team(t.teamId),
					t.rating ? `${t.rating} — ${HSEEP_LABELS[t.rating]}` : 'Not rated yet',
					suggestionText(t.suggestion, t.exercised),
					t.points,
					t.maxPoints,
					pct(t.percent)
				])
			),
			''
		);
		for (const t of r.teams) {
			if (!t.rating)
				out.push(`**${team(t.teamId)}: not rated yet — ${suggestionText(t.suggestion, t.exercised)}.**`, '');
			if (t.rating)
				out.push(
					`**${team(t.teamId)}: rated ${t.rating} — ${suggestionText(t.suggestion, t.exercised)}${t.ratedBy ? `; rated by ${t.ratedBy}` : ''}${t.ratedAt !== undefined ? ` on ${new Date(t.ratedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}.** Why: ${t.reason ?? ''}`,
					'',
					...(t.evidenceCited?.length ? [...t.evidenceCited.map((e) => `- Evidence: ${e}`), ''] : [])
				);
			out.push(`**${team(t.teamId)}: every point explained**`, '');
			for (const e of t.entries) {
				out.push(
					`- ${formatElapsed(e.scenarioAt)} ${e.rule}${e.rationale ? ` (${e.rationale})` : ''} — ${e.evidence}: ${e.points} / ${e.maxPoints}` +
						(e.pending ? ' (awaiting rubric marks)' : '') +
						(e.override ? ` (overridden from ${e.override.originalPoints}: ${e.override.reason})` : '')
				);
			}
			for (const n of t.notes) out.push(`- Observation${n.by ? ` by ${n.by}` : ''}: ${n.text}`);
			out.push('');
		}
		for (const kind of ['strength', 'improvement', 'rootCause'] as const) {
			for (const n of r.observations[kind]) out.push(`- ${OBSERVATION_PREFIX[kind]}: ${n.body}`);
		}
		out.push('');
	}
	return out;
}

function clocksSection(data: ReviewData): string[] {
	if (!data.clocks.length) return [];
	const team = (id: string) => data.teams.find((t) => t.id === id)?.name ?? id;
	return [
		'## Regulatory clocks',
		'',
		table(
			['Clock', 'Kind', 'Regime', 'Owner', 'Deadline', 'Started', 'Result'],
			data.clocks.map((c) => [
				c.name,
				clockKindLabel(c),
				c.regime,
				team(c.owner),
				c.deadlineLabel,
				c.startedAt === undefined ? '–' : formatElapsed(c.startedAt),
				clockResult(c)
			])
		),
		''
	];
}

function decisionsSection(data: ReviewData): string[] {
	const out = ['## Decisions by team', ''];
	for (const t of data.teams) {
		out.push(`### ${t.name}`, '');
		const rows = data.answers.filter((a) => a.teamId === t.id);
		out.push(
			rows.length
				? table(
						['Received', 'Decision', 'Answer', 'Answered', 'On time'],
						rows.map((a) => [
							formatElapsed(a.deliveredAt),
							a.scored ? a.prompt : `${a.prompt} (ad-hoc question, not scored)`,
							a.answer ?? 'Not answered',
							a.answeredAt === undefined ? '–' : formatElapsed(a.answeredAt),
							a.onTime === null ? '–' : a.onTime ? 'yes' : 'no'
						])
					)
				: 'No decisions reached this team.',
			''
		);
	}
	return out;
}

function planSection(actions: ImprovementActionRecord[], data: ReviewData): string[] {
	const objective = (id: string | null) => data.objectives.find((o) => o.id === id)?.title ?? '';
	return [
		'## Improvement plan',
		'',
		actions.length
			? table(
					[
						'Capability',
						'Objective',
						'Area for improvement',
						'Corrective action',
						'Element',
						'Owner',
						'Due',
						'Status'
					],
					actions.map((a) => [
						a.capability,
						objective(a.objectiveId),
						a.issue,
						a.action,
						a.element,
						a.owner,
						a.dueDate ?? '',
						a.status
					])
				)
			: 'No corrective actions recorded yet.',
		''
	];
}

function feedbackSection(feedback: FeedbackRecord[]): string[] {
	const s = summariseFeedback(feedback);
	if (!s.responses) return ['## Participant feedback', '', 'No feedback forms received.', ''];
	return [
		'## Participant feedback',
		'',
		`${s.responses} form${s.responses === 1 ? '' : 's'} received.`,
		'',
		table(
			['Statement', 'Responses', 'Mean (1–5)'],
			s.statements.map((st) => [st.text, st.responses, st.mean ?? '–'])
		),
		'',
		...(s.takeaways.length
			? [`Takeaways: ${s.takeaways.map((t) => `${t.word} (${t.count})`).join(', ')}`, '']
			: [])
	];
}

/** The report as a Markdown document. */
export function exerciseMarkdown(
	review: ReviewData,
	plan: ImprovementActionRecord[],
	forms: FeedbackRecord[]
): ExportFile {
	const data = inert(review);
	const actions = inert(plan);
	const feedback = inert(forms);
	const lines = [
		`# After-action report: ${data.exercise.name}`,
		'',
		`Organisation: ${data.exercise.organisation} · Scenario: ${data.exercise.title} (${data.exercise.scenarioId}) · State: ${data.exercise.lifecycle}`,
		'',
		...summarySection(data),
		...objectivesSection(data),
		...clocksSection(data),
		...decisionsSection(data),
		...messagesMarkdown(data.teams, data.messages),
		...planSection(actions, data),
		...feedbackSection(feedback),
		...(data.hotwashQuestions.length
			? ['## Hot-wash questions', '', ...data.hotwashQuestions.map((q, i) => `${i + 1}. ${q}`), '']
			: [])
	];
	return {
		filename: `${fileStem(review)}-report.md`,
		body: lines.join('\n'),
		contentType: 'text/markdown; charset=utf-8'
	};
}
