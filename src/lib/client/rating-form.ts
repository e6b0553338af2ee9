/**
 * The rating panel's logic, kept out of the components so it is tested on its own: what a team's result on an
 * objective shows (the current rating, the suggestion and why), the evidence an evaluator may cite (the team's
 * delivered decisions with its answers, the clocks and the notes behind the objective), a form draft that starts
 * from the saved rating, and the `rating.set` command built from it, or a message naming what is missing.
 */
import { describeAnswer } from '$lib/client/answers';
import { modelAnswerText } from '$lib/model-answer-words';
import { ratingFor, RATING_THRESHOLDS } from '$lib/engine/scoring/objectives';
import { MAX_EVIDENCE_ITEM, MAX_RATING_EVIDENCE, MAX_RATING_REASON } from '$lib/engine/evaluator-ratings';
import type {
	ClockView,
	Decision,
	DecisionView,
	HseepRating,
	NoteView,
	ObjectiveResult,
	RatingEvent,
	ScoreEntry,
	TeamId
} from '$lib/engine/types';
import type { WireCommand } from '$lib/realtime/contract';
import { formatList, formatPercent } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';

/** One piece of evidence the evaluator can tick: its id as cited, and what it is in words. */
export interface EvidenceChoice {
	id: string;
	label: string;
}

/** Where the evidence comes from: one team's panel as the evaluator's or facilitator's view carries it. */
export interface TeamEvidence {
	teamId: TeamId;
	/** The team's delivered decisions, with its answers. */
	decisions: DecisionView[];
	/** Full decision definitions (to know which objectives a decision evidences). */
	definitions: Decision[];
	/** The team's score entries (clock entries are cited from here). */
	entries: ScoreEntry[];
	notes: NoteView[];
}

const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The evidence for `objectiveId`: each delivered decision evidencing it (cited as its score entry, which the
 * review reads back as the rule and points), each resolved clock evidencing it, and the notes about the team
 * filed under it or under no objective.
 */
export function evidenceChoices(source: TeamEvidence, objectiveId: string): EvidenceChoice[] {
	const out: EvidenceChoice[] = [];
	for (const d of source.decisions) {
		const def = source.definitions.find((x) => x.id === d.id);
		if (!def?.objectives.includes(objectiveId)) continue;
		const answer = d.answer
			? m.observe_ev_answered({ answer: shorten(describeAnswer(d, d.answer.value), 100) })
			: m.observe_ev_not_answered();
		out.push({ id: `decision:${d.id}:${source.teamId}`, label: `${shorten(d.prompt, 120)} — ${answer}` });
	}
	for (const e of source.entries) {
		if (!e.id.startsWith('clock:') || !e.objectives.includes(objectiveId)) continue;
		out.push({ id: e.id, label: `${e.rule} — ${e.evidence}` });
	}
	for (const n of source.notes) {
		if (n.teamId !== source.teamId || (n.objectiveId && n.objectiveId !== objectiveId)) continue;
		out.push({
			id: n.id,
			label: n.by
				? m.observe_ev_note_by({ name: n.by, text: shorten(n.text) })
				: m.observe_ev_note({ text: shorten(n.text) })
		});
	}
	return out;
}

/** Why the suggestion is what it is, for the evaluator weighing it: a headline and the reasons behind it. */
export interface SuggestionWhy {
	suggestion: HseepRating | null;
	headline: string;
	reasons: string[];
}

const percent = (points: number, max: number) => Math.round((100 * points) / max);
const thresholdsText = () =>
	RATING_THRESHOLDS.map(([r, min]) =>
		m.observe_why_band({ rating: r, percent: formatPercent(Math.round(min * 100)) })
	).join(', ');

/**
 * The suggestion with its reasons: the share of the objective's points (with the bands), how much of the
 * objective the team met, and the clock that capped it at M when one did (a clock evidencing the objective that
 * the team missed or breached).
 */
export function suggestionWhy(
	result: ObjectiveResult,
	objectiveId: string,
	source: TeamEvidence,
	clocks: ClockView[]
): SuggestionWhy {
	const related = source.decisions.filter((d) =>
		source.definitions.find((x) => x.id === d.id)?.objectives.includes(objectiveId)
	);
	const answered = related.filter((d) => d.answer).length;
	const met = m.observe_why_met({ delivered: related.length, answered });
	if (!result.exercised)
		return {
			suggestion: null,
			headline: m.observe_why_not_exercised(),
			reasons: [m.observe_why_not_exercised_reason({ met })]
		};
	if (result.maxPoints <= 0 || result.suggestion === null)
		return {
			suggestion: null,
			headline: m.observe_why_no_points(),
			reasons: [met]
		};
	const share = ratingFor(result.points, result.maxPoints);
	const reasons = [
		m.observe_why_points({
			points: result.points,
			max: result.maxPoints,
			percent: formatPercent(percent(result.points, result.maxPoints)),
			bands: thresholdsText()
		}),
		`${met}.`
	];
	if (share !== result.suggestion) {
		const failed = source.entries
			.filter((e) => e.id.startsWith('clock:') && e.objectives.includes(objectiveId))
			.map((e) => clocks.find((c) => `clock:${c.id}` === e.id))
			.filter((c): c is ClockView => c?.status === 'missed' || c?.status === 'breached')
			.map((c) =>
				m.observe_why_clock_status({
					clock: c.name,
					status: c.status === 'missed' ? m.observe_status_missed() : m.observe_status_breached()
				})
			);
		reasons.push(
			m.observe_why_capped({
				rating: String(share),
				failed: failed.length ? formatList(failed) : m.observe_why_clock_failed()
			})
		);
	}
	return {
		suggestion: result.suggestion,
		headline: m.observe_why_headline({ rating: result.suggestion }),
		reasons
	};
}

/** What the form holds: the chosen rating, the reason, the evidence ticked and other evidence typed. */
export interface RatingDraft {
	rating: HseepRating | '';
	reason: string;
	picked: string[];
	/** Other evidence, one piece per line. */
	other: string;
}

/** The draft for a saved rating (its evidence split into ticked choices and typed lines), or an empty one. */
export function draftFrom(result: ObjectiveResult | undefined, choices: EvidenceChoice[]): RatingDraft {
	if (!result?.rating) return { rating: '', reason: '', picked: [], other: '' };
	const known = new Set(choices.map((c) => c.id));
	const evidence = result.evidence ?? [];
	return {
		rating: result.rating,
		reason: result.reason ?? '',
		picked: evidence.filter((e) => known.has(e)),
		other: evidence.filter((e) => !known.has(e)).join('\n')
	};
}

/** The command to send, or a message naming what to fix. */
export function buildRating(
	teamId: TeamId,
	objectiveId: string,
	draft: RatingDraft
): { command: WireCommand } | { error: string } {
	if (!draft.rating) return { error: m.observe_err_choose() };
	const reason = draft.reason.trim();
	if (!reason) return { error: m.observe_err_reason() };
	if (reason.length > MAX_RATING_REASON)
		return { error: m.observe_err_reason_long({ length: reason.length, max: MAX_RATING_REASON }) };
	const lines = draft.other
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const long = lines.findIndex((l) => l.length > MAX_EVIDENCE_ITEM);
	if (long >= 0)
		return {
			error: m.observe_err_line_long({ line: long + 1, length: lines[long].length, max: MAX_EVIDENCE_ITEM })
		};
	const evidence = [...new Set([...draft.picked, ...lines])];
	if (evidence.length > MAX_RATING_EVIDENCE)
		return { error: m.observe_err_too_many({ max: MAX_RATING_EVIDENCE, count: evidence.length }) };
	return { command: { type: 'rating.set', teamId, objectiveId, rating: draft.rating, reason, evidence } };
}

/** Earlier ratings of one team on one objective, newest first (the current one left out). */
export function earlierRatings(history: RatingEvent[], teamId: TeamId, objectiveId: string): RatingEvent[] {
	const mine = history.filter((h) => h.teamId === teamId && h.objectiveId === objectiveId);
	return mine.slice(0, -1).reverse();
}

/** The model answer to each decision behind the objective that reached the team, to weigh its answers against. */
export function modelAnswers(
	source: TeamEvidence,
	objectiveId: string
): { decisionId: string; prompt: string; model: string }[] {
	return source.decisions.flatMap((d) => {
		const def = source.definitions.find((x) => x.id === d.id);
		const model = def?.objectives.includes(objectiveId) ? modelAnswerText(def) : undefined;
		return model ? [{ decisionId: d.id, prompt: d.prompt, model }] : [];
	});
}
