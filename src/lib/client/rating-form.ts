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
			? `answered “${shorten(describeAnswer(d, d.answer.value), 100)}”`
			: 'not answered';
		out.push({ id: `decision:${d.id}:${source.teamId}`, label: `${shorten(d.prompt, 120)} — ${answer}` });
	}
	for (const e of source.entries) {
		if (!e.id.startsWith('clock:') || !e.objectives.includes(objectiveId)) continue;
		out.push({ id: e.id, label: `${e.rule} — ${e.evidence}` });
	}
	for (const n of source.notes) {
		if (n.teamId !== source.teamId || (n.objectiveId && n.objectiveId !== objectiveId)) continue;
		out.push({ id: n.id, label: `Note${n.by ? ` by ${n.by}` : ''}: ${shorten(n.text)}` });
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
const THRESHOLDS_TEXT = RATING_THRESHOLDS.map(([r, min]) => `${r} from ${Math.round(min * 100)}%`).join(', ');

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
	const met = `${related.length} of its decisions delivered to the team, ${answered} answered`;
	if (!result.exercised)
		return {
			suggestion: null,
			headline: 'No suggestion: the team has not exercised this objective yet',
			reasons: [
				`${met}. A suggestion needs at least half of the objective's decisions delivered and one answered, or a clock behind it resolved.`
			]
		};
	if (result.maxPoints <= 0 || result.suggestion === null)
		return {
			suggestion: null,
			headline: 'No suggestion: nothing in this objective earns points',
			reasons: [met]
		};
	const share = ratingFor(result.points, result.maxPoints);
	const reasons = [
		`${result.points} of ${result.maxPoints} points (${percent(result.points, result.maxPoints)}%); bands: ${THRESHOLDS_TEXT}, else U.`,
		`${met}.`
	];
	if (share !== result.suggestion) {
		const failed = source.entries
			.filter((e) => e.id.startsWith('clock:') && e.objectives.includes(objectiveId))
			.map((e) => clocks.find((c) => `clock:${c.id}` === e.id))
			.filter((c): c is ClockView => c?.status === 'missed' || c?.status === 'breached')
			.map((c) => `${c.name} ${c.status}`);
		reasons.push(
			`The points alone say ${share}; capped at M because ${failed.length ? failed.join(', ') : 'a clock behind this objective failed'} (HSEEP counts not following the applicable regulations as a major challenge).`
		);
	}
	return { suggestion: result.suggestion, headline: `Suggestion ${result.suggestion}`, reasons };
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
	if (!draft.rating) return { error: 'Choose a rating: P, S, M or U.' };
	const reason = draft.reason.trim();
	if (!reason) return { error: 'Give the reason for this rating; it appears in the review.' };
	if (reason.length > MAX_RATING_REASON)
		return { error: `The reason is ${reason.length} characters; keep it to ${MAX_RATING_REASON}.` };
	const lines = draft.other
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const long = lines.findIndex((l) => l.length > MAX_EVIDENCE_ITEM);
	if (long >= 0)
		return {
			error: `Other evidence, line ${long + 1}, is ${lines[long].length} characters; keep each line to ${MAX_EVIDENCE_ITEM}.`
		};
	const evidence = [...new Set([...draft.picked, ...lines])];
	if (evidence.length > MAX_RATING_EVIDENCE)
		return { error: `Cite at most ${MAX_RATING_EVIDENCE} pieces of evidence (${evidence.length} chosen).` };
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
