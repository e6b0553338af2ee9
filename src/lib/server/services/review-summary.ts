/**
 * The analysis part of the after-action report, computed from the engine's scores, clocks, answers and notes:
 * the executive summary (overall result, coverage, strengths, areas for improvement) and, per objective and
 * team, the evaluator's HSEEP rating beside the computed suggestion, with the evidence behind it. Pure, so the
 * page and the Markdown export say the same thing.
 */
import { m } from '$lib/paraglide/messages';
import { formatDuration } from '$lib/client/scenario-time';
import { benchmarkLabel } from '$lib/clock-words';
import type {
	ClockView,
	Confidence,
	HseepRating,
	Lifecycle,
	NoteView,
	Objective,
	ScoreEntry,
	TeamDef,
	TeamId,
	TeamScore,
	Totals
} from '$lib/engine/types';
import { exerciseCoverage, type ExerciseCoverage } from './review-coverage';
import { readObservation, type Observation, type ObservationKind } from './review-observations';

/** One decision as a team met it: when it arrived, what they answered and whether it beat the deadline. */
export interface AnswerRow {
	teamId: TeamId;
	decisionId: string;
	prompt: string;
	/** The answer in words, or null when the team never answered. */
	answer: string | null;
	/** The team's reasoning, when it gave one. */
	justification?: string;
	confidence?: Confidence;
	by?: string;
	deliveredAt: number;
	deadlineAt?: number;
	answeredAt?: number;
	onTime: boolean | null;
	objectives: string[];
	/** false for a question asked with an ad-hoc inject: never scored (no points, no objective). */
	scored: boolean;
}

/** A statement for the executive summary, tied to the team and objective it is about. */
export interface Finding {
	text: string;
	teamId?: TeamId;
	objectiveId?: string;
}

/** The top of the report. */
export interface ExecutiveSummary {
	/** Points only: a rating is an evaluator's per objective, never a share of a possibly partial run. */
	overall: Totals & { percent: number | null };
	/** What was played: decisions delivered and answered, phases, share of the scenario, ended early or not. */
	coverage: ExerciseCoverage;
	teams: { teamId: TeamId; name: string; points: number; maxPoints: number; percent: number | null }[];
	/** How many evaluator ratings (objective × team) fell in each HSEEP band. */
	ratings: Record<HseepRating, number>;
	/** Exercised objectives (objective × team) no evaluator has rated yet. */
	awaitingRating: number;
	/** Deadlines met or missed, holds observed or breached, and clocks still running or never started. */
	clocks: { met: number; missed: number; observed: number; breached: number; running: number; idle: number };
	strengths: Finding[];
	improvements: Finding[];
}

/** One team's result on one objective with everything that explains it. */
export interface TeamObjectiveResult {
	teamId: TeamId;
	/** The evaluator's rating, null until one is set. */
	rating: HseepRating | null;
	/** The points-share suggestion, null when the team did not exercise the objective. */
	suggestion: HseepRating | null;
	exercised: boolean;
	ratedBy?: string;
	reason?: string;
	/** What the rating cites: score entry ids, note ids or short free text. */
	evidence?: string[];
	/** The same evidence in words: an entry's rule and points, a note's text, free text as written. */
	evidenceCited?: string[];
	/** Wall ms at which the rating was set. */
	ratedAt?: number;
	points: number;
	maxPoints: number;
	percent: number | null;
	entries: ScoreEntry[];
	answers: AnswerRow[];
	notes: Observation[];
}

/** An objective across teams, with the observations filed under it. */
export interface ObjectiveReview {
	objective: Objective;
	teams: TeamObjectiveResult[];
	observations: Record<ObservationKind, Observation[]>;
}

/** What the analysis is computed from. */
export interface SummaryInput {
	teams: TeamDef[];
	objectives: Objective[];
	scores: Record<TeamId, TeamScore>;
	clocks: ClockView[];
	notes: NoteView[];
	answers: AnswerRow[];
	lifecycle?: Lifecycle;
}

/** Points as a whole percentage of the maximum; null when nothing could be earned. */
export function percentOf(t: Totals): number | null {
	return t.maxPoints > 0 ? Math.round((100 * t.points) / t.maxPoints) : null;
}

const RANK: Record<HseepRating, number> = { P: 4, S: 3, M: 2, U: 1 };
const MAX_FINDINGS = 5;

function emptyObservations(): Record<ObservationKind, Observation[]> {
	return { strength: [], improvement: [], rootCause: [], hotwash: [], general: [] };
}

/** One piece of evidence a rating cites, in words: a score entry, a note, or the evaluator's own text. */
export function citation(evidence: string, input: SummaryInput, teamId: TeamId): string {
	const entry = input.scores[teamId]?.entries.find((e) => e.id === evidence);
	if (entry) return m.review_ev_entry({ rule: entry.rule, points: entry.points, max: entry.maxPoints });
	const note = input.notes.find((n) => n.id === evidence);
	if (note)
		return note.by
			? m.review_ev_note_by({ by: note.by, text: note.text })
			: m.review_ev_note({ text: note.text });
	return evidence;
}

/** Per objective and team: rating, points, the entries, answers and notes behind them. */
export function objectiveReviews(input: SummaryInput): ObjectiveReview[] {
	const observations = input.notes.map(readObservation);
	return input.objectives
		.map((objective) => {
			const teams = input.teams.flatMap((team): TeamObjectiveResult[] => {
				const totals = input.scores[team.id]?.byObjective[objective.id];
				if (!totals) return [];
				if (totals.maxPoints === 0 && totals.points === 0 && !totals.rating && !totals.exercised) return [];
				const { rating, suggestion, exercised, ratedBy, reason, evidence, ratedAt } = totals;
				return [
					{
						teamId: team.id,
						rating,
						suggestion,
						exercised,
						...(rating
							? {
									ratedBy,
									reason,
									evidence,
									ratedAt,
									evidenceCited: (evidence ?? []).map((e) => citation(e, input, team.id))
								}
							: {}),
						points: totals.points,
						maxPoints: totals.maxPoints,
						percent: percentOf(totals),
						entries: input.scores[team.id].entries.filter((e) => e.objectives.includes(objective.id)),
						answers: input.answers.filter((a) => a.teamId === team.id && a.objectives.includes(objective.id)),
						notes: observations.filter(
							(n) => n.objectiveId === objective.id && (!n.teamId || n.teamId === team.id)
						)
					}
				];
			});
			const filed = emptyObservations();
			for (const n of observations) if (n.objectiveId === objective.id) filed[n.kind].push(n);
			return { objective, teams, observations: filed };
		})
		.filter((r) => r.teams.length > 0 || Object.values(r.observations).some((list) => list.length));
}

function clockFindings(input: SummaryInput, name: (id: TeamId) => string) {
	const strengths: Finding[] = [];
	const improvements: Finding[] = [];
	for (const c of input.clocks) {
		// A benchmark says so, so that no reader takes it for a statutory deadline.
		const what = c.benchmark
			? `${c.name} (${c.regime}; ${benchmarkLabel().toLowerCase()})`
			: `${c.name} (${c.regime})`;
		if (c.kind === 'hold') {
			if (c.status === 'met')
				strengths.push({
					teamId: c.owner,
					text: m.review_sum_hold_met({ team: name(c.owner), clock: what })
				});
			else if (c.status === 'breached' && c.deadlineAt !== undefined)
				improvements.push({
					teamId: c.owner,
					text: m.review_sum_hold_breached({
						team: name(c.owner),
						clock: what,
						time: formatDuration(c.deadlineAt - (c.stoppedAt ?? c.deadlineAt))
					})
				});
			continue;
		}
		if (c.status === 'met' && c.deadlineAt !== undefined) {
			const spare = c.deadlineAt - (c.stoppedAt ?? c.deadlineAt);
			strengths.push({
				teamId: c.owner,
				text: m.review_sum_met({ team: name(c.owner), clock: what, time: formatDuration(spare) })
			});
		} else if (c.status === 'missed') {
			improvements.push({
				teamId: c.owner,
				text:
					c.stoppedAt !== undefined && c.deadlineAt !== undefined
						? m.review_sum_missed_late({
								team: name(c.owner),
								clock: what,
								time: formatDuration(c.stoppedAt - c.deadlineAt)
							})
						: m.review_sum_missed_never({ team: name(c.owner), clock: what })
			});
		}
	}
	return { strengths, improvements };
}

/** The executive summary: overall result, rating bands, clocks, and the top strengths and areas for improvement. */
export function executiveSummary(input: SummaryInput, reviews = objectiveReviews(input)): ExecutiveSummary {
	const name = (id: TeamId) => input.teams.find((t) => t.id === id)?.name ?? id;
	const teams = input.teams
		.filter((t) => input.scores[t.id])
		.map((t) => ({
			teamId: t.id,
			name: t.name,
			...input.scores[t.id].total,
			percent: percentOf(input.scores[t.id].total)
		}));
	const points = teams.reduce((sum, t) => sum + t.points, 0);
	const maxPoints = teams.reduce((sum, t) => sum + t.maxPoints, 0);
	const ratings: Record<HseepRating, number> = { P: 0, S: 0, M: 0, U: 0 };
	const all = reviews.flatMap((r) => r.teams.map((t) => ({ ...t, objective: r.objective })));
	for (const t of all) if (t.rating) ratings[t.rating]++;
	// Findings follow the evaluator's rating where there is one, else the suggestion, saying which it is.
	const rated = all.flatMap((t) => {
		const grade = t.rating ?? t.suggestion;
		return grade ? [{ ...t, grade }] : [];
	});
	const byStrength = [...rated].sort(
		(a, b) => RANK[b.grade] - RANK[a.grade] || (b.percent ?? 0) - (a.percent ?? 0)
	);
	const describe = (r: (typeof rated)[number]) => ({
		teamId: r.teamId,
		objectiveId: r.objective.id,
		text: r.rating
			? m.review_sum_rated_detail({
					team: name(r.teamId),
					objective: r.objective.title,
					rating: r.rating,
					details:
						(r.suggestion ? m.review_sum_suggestion({ grade: r.suggestion }) : '') +
						(r.ratedBy ? m.review_sum_by({ name: r.ratedBy }) : '') +
						(r.reason ? m.review_sum_reason({ reason: r.reason }) : '')
				})
			: m.review_sum_not_rated({
					team: name(r.teamId),
					objective: r.objective.title,
					grade: r.grade,
					points: r.points,
					max: r.maxPoints
				})
	});
	const clocks = clockFindings(input, name);
	const deadlines = input.clocks.filter((c) => c.kind !== 'hold');
	const holds = input.clocks.filter((c) => c.kind === 'hold');
	const unanswered = input.answers
		.filter((a) => a.answer === null)
		.map((a) => ({
			teamId: a.teamId,
			text: m.review_sum_unanswered({ team: name(a.teamId), prompt: a.prompt })
		}));
	const late = input.answers
		.filter((a) => a.answer !== null && a.onTime === false)
		.map((a) => ({ teamId: a.teamId, text: m.review_sum_late({ team: name(a.teamId), prompt: a.prompt }) }));
	return {
		overall: { points, maxPoints, percent: percentOf({ points, maxPoints }) },
		coverage: exerciseCoverage(input.scores, input.lifecycle),
		teams,
		ratings,
		awaitingRating: all.filter((t) => t.exercised && !t.rating).length,
		clocks: {
			met: deadlines.filter((c) => c.status === 'met').length,
			missed: deadlines.filter((c) => c.status === 'missed').length,
			observed: holds.filter((c) => c.status === 'met').length,
			breached: holds.filter((c) => c.status === 'breached').length,
			running: input.clocks.filter((c) => c.status === 'running').length,
			idle: input.clocks.filter((c) => c.status === 'idle').length
		},
		strengths: [
			...clocks.strengths,
			...byStrength.filter((r) => r.grade === 'P' || r.grade === 'S').map(describe)
		].slice(0, MAX_FINDINGS),
		improvements: [
			...clocks.improvements,
			...[...byStrength]
				.reverse()
				.filter((r) => r.grade === 'M' || r.grade === 'U')
				.map(describe),
			...unanswered,
			...late
		].slice(0, MAX_FINDINGS)
	};
}
