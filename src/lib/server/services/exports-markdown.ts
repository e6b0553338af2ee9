/**
 * The after-action report as Markdown, with the same sections and figures as the review page, for pasting into
 * a wiki or a ticket. Every string that comes from people or scenarios (names, answers, notes, organisation) is
 * made inert before it is placed: HTML becomes entities and Markdown's link and code characters are escaped, so
 * a renderer that passes raw HTML through (most do) shows the text instead of running it. Table cells also
 * escape pipes and line breaks so a note cannot break the table.
 */
import { formatElapsed } from '$lib/client/scenario-time';
import { m } from '$lib/paraglide/messages';
import { clockCounts, clockKindLabel, clockOutcome } from '$lib/clock-words';
import type { ClockView } from '$lib/engine/types';
import { HSEEP_LABELS, suggestionText } from '$lib/rating-words';
import type { FeedbackRecord, ImprovementActionRecord } from '../db/store';
import { fileStem, type ExportFile } from './exports-file';
import { summariseFeedback } from './feedback-summary';
import type { ReviewData } from './review';
import { messagesMarkdown } from './review-messages';

/** Observation kinds as the report names them, in the reader's language. */
const OBSERVATION_LABEL = {
	strength: m.md_obs_strength,
	improvement: m.md_obs_improvement,
	rootCause: m.md_obs_root_cause
};

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
	return c.status === 'running' ? (c.kind === 'hold' ? m.md_in_force() : m.md_still_running()) : ended;
}

function summarySection(data: ReviewData): string[] {
	const s = data.summary;
	const out = [
		`## ${m.md_summary()}`,
		'',
		m.md_overall({ points: s.overall.points, max: s.overall.maxPoints, share: pct(s.overall.percent) }),
		s.coverage.statement,
		'',
		m.md_ratings({ p: s.ratings.P, s: s.ratings.S, mm: s.ratings.M, u: s.ratings.U }) +
			(s.awaitingRating ? ` (${m.md_awaiting({ count: s.awaitingRating })}). ` : '. ') +
			m.md_clocks_line({ counts: clockCounts(s.clocks) }),
		'',
		table(
			[m.md_col_team(), m.md_col_points(), m.md_col_possible(), m.md_col_share()],
			s.teams.map((t) => [t.name, t.points, t.maxPoints, pct(t.percent)])
		),
		'',
		`### ${m.md_strengths()}`,
		'',
		...(s.strengths.length ? s.strengths.map((f) => `- ${f.text}`) : [`- ${m.md_none()}`]),
		'',
		`### ${m.md_improvements()}`,
		'',
		...(s.improvements.length ? s.improvements.map((f) => `- ${f.text}`) : [`- ${m.md_none()}`]),
		''
	];
	return out;
}

function objectivesSection(data: ReviewData): string[] {
	const team = (id: string) => data.teams.find((t) => t.id === id)?.name ?? id;
	const out = [`## ${m.md_objectives()}`, ''];
	for (const r of data.objectiveReviews) {
		out.push(`### ${r.objective.title}`, '');
		if (r.objective.hseep.length) out.push(m.md_capabilities({ list: r.objective.hseep.join(', ') }), '');
		out.push(
			table(
				[
					m.md_col_team(),
					m.md_col_rating(),
					m.md_col_suggestion(),
					m.md_col_points(),
					m.md_col_possible(),
					m.md_col_share()
				],
				r.teams.map((t) => [
					team(t.teamId),
					t.rating ? `${t.rating} — ${HSEEP_LABELS[t.rating]}` : m.md_not_rated(),
					suggestionText(t.suggestion, t.exercised),
					t.points,
					t.maxPoints,
					pct(t.percent)
				])
			),
			''
		);
		for (const t of r.teams) {
			const suggestion = suggestionText(t.suggestion, t.exercised);
			if (!t.rating) out.push(`**${m.md_team_not_rated({ team: team(t.teamId), suggestion })}**`, '');
			if (t.rating) {
				const by = t.ratedBy ? m.md_rated_by({ name: t.ratedBy }) : '';
				const on =
					t.ratedAt !== undefined
						? m.md_rated_on({ when: new Date(t.ratedAt).toISOString().slice(0, 16).replace('T', ' ') })
						: '';
				out.push(
					`**${m.md_team_rated({ team: team(t.teamId), rating: t.rating, suggestion })}${by}${on}.** ${m.md_why({ reason: t.reason ?? '' })}`,
					'',
					...(t.evidenceCited?.length
						? [...t.evidenceCited.map((e) => `- ${m.md_evidence({ text: e })}`), '']
						: [])
				);
			}
			out.push(`**${m.md_explained({ team: team(t.teamId) })}**`, '');
			for (const e of t.entries) {
				out.push(
					`- ${formatElapsed(e.scenarioAt)} ${e.rule}${e.rationale ? ` (${e.rationale})` : ''} — ${e.evidence}: ${e.points} / ${e.maxPoints}` +
						(e.pending ? ` ${m.md_pending()}` : '') +
						(e.override
							? ` ${m.md_overridden({ points: e.override.originalPoints, reason: e.override.reason })}`
							: '')
				);
			}
			for (const n of t.notes)
				out.push(`- ${n.by ? m.md_observation_by({ name: n.by }) : m.md_observation()}: ${n.text}`);
			out.push('');
		}
		for (const kind of ['strength', 'improvement', 'rootCause'] as const) {
			for (const n of r.observations[kind]) out.push(`- ${OBSERVATION_LABEL[kind]()}: ${n.body}`);
		}
		out.push('');
	}
	return out;
}

function clocksSection(data: ReviewData): string[] {
	if (!data.clocks.length) return [];
	const team = (id: string) => data.teams.find((t) => t.id === id)?.name ?? id;
	return [
		`## ${m.md_clocks()}`,
		'',
		table(
			[
				m.md_col_clock(),
				m.md_col_kind(),
				m.md_col_regime(),
				m.md_col_owner(),
				m.md_col_deadline(),
				m.md_col_started(),
				m.md_col_result()
			],
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
	const out = [`## ${m.md_decisions()}`, ''];
	for (const t of data.teams) {
		out.push(`### ${t.name}`, '');
		const rows = data.answers.filter((a) => a.teamId === t.id);
		out.push(
			rows.length
				? table(
						[
							m.md_col_received(),
							m.md_col_decision(),
							m.md_col_answer(),
							m.md_col_answered(),
							m.md_col_on_time()
						],
						rows.map((a) => [
							formatElapsed(a.deliveredAt),
							a.scored ? a.prompt : m.md_adhoc({ prompt: a.prompt }),
							a.answer ?? m.md_not_answered(),
							a.answeredAt === undefined ? '–' : formatElapsed(a.answeredAt),
							a.onTime === null ? '–' : a.onTime ? m.md_yes() : m.md_no()
						])
					)
				: m.md_no_decisions(),
			''
		);
	}
	return out;
}

function planSection(actions: ImprovementActionRecord[], data: ReviewData): string[] {
	const objective = (id: string | null) => data.objectives.find((o) => o.id === id)?.title ?? '';
	return [
		`## ${m.md_plan()}`,
		'',
		actions.length
			? table(
					[
						m.md_col_capability(),
						m.md_col_objective(),
						m.md_col_issue(),
						m.md_col_action(),
						m.md_col_element(),
						m.md_col_owner(),
						m.md_col_due(),
						m.md_col_status()
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
			: m.md_no_actions(),
		''
	];
}

function feedbackSection(feedback: FeedbackRecord[]): string[] {
	const s = summariseFeedback(feedback);
	if (!s.responses) return [`## ${m.md_feedback()}`, '', m.md_no_feedback(), ''];
	return [
		`## ${m.md_feedback()}`,
		'',
		s.responses === 1 ? m.md_forms_one() : m.md_forms_many({ count: s.responses }),
		'',
		table(
			[m.md_col_statement(), m.md_col_responses(), m.md_col_mean()],
			s.statements.map((st) => [st.text, st.responses, st.mean ?? '–'])
		),
		'',
		...(s.takeaways.length
			? [m.md_takeaways({ list: s.takeaways.map((t) => `${t.word} (${t.count})`).join(', ') }), '']
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
		`# ${m.md_title({ name: data.exercise.name })}`,
		'',
		m.md_meta({
			organisation: data.exercise.organisation,
			title: data.exercise.title,
			id: data.exercise.scenarioId,
			state: data.exercise.lifecycle
		}),
		'',
		...summarySection(data),
		...objectivesSection(data),
		...clocksSection(data),
		...decisionsSection(data),
		...messagesMarkdown(data.teams, data.messages),
		...planSection(actions, data),
		...feedbackSection(feedback),
		...(data.hotwashQuestions.length
			? [`## ${m.md_hotwash()}`, '', ...data.hotwashQuestions.map((q, i) => `${i + 1}. ${q}`), '']
			: [])
	];
	return {
		filename: `${fileStem(review)}-report.md`,
		body: lines.join('\n'),
		contentType: 'text/markdown; charset=utf-8'
	};
}
