/**
 * The analysis part of the after-action report, computed from the engine's scores, clocks, answers and notes:
 * the executive summary (overall result, strengths, areas for improvement) and, per objective and team, the
 * HSEEP rating with the evidence behind it. Pure, so the page and the Markdown export say the same thing.
 */
import { formatDuration } from '$lib/client/scenario-time';
import { ratingFor } from '$lib/engine';
import type {
	ClockView,
	Confidence,
	HseepRating,
	NoteView,
	Objective,
	ScoreEntry,
	TeamDef,
	TeamId,
	TeamScore,
	Totals
} from '$lib/engine/types';
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
}

/** A statement for the executive summary, tied to the team and objective it is about. */
export interface Finding {
	text: string;
	teamId?: TeamId;
	objectiveId?: string;
}

/** The top of the report. */
export interface ExecutiveSummary {
	overall: Totals & { percent: number | null; rating: HseepRating | null };
	teams: { teamId: TeamId; name: string; points: number; maxPoints: number; percent: number | null }[];
	/** How many objective ratings (objective × team) fell in each HSEEP band. */
	ratings: Record<HseepRating, number>;
	clocks: { met: number; missed: number; running: number; idle: number };
	strengths: Finding[];
	improvements: Finding[];
}

/** One team's result on one objective with everything that explains it. */
export interface TeamObjectiveResult {
	teamId: TeamId;
	rating: HseepRating | null;
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

/** Per objective and team: rating, points, the entries, answers and notes behind them. */
export function objectiveReviews(input: SummaryInput): ObjectiveReview[] {
	const observations = input.notes.map(readObservation);
	return input.objectives
		.map((objective) => {
			const teams = input.teams.flatMap((team): TeamObjectiveResult[] => {
				const totals = input.scores[team.id]?.byObjective[objective.id];
				if (!totals || (totals.maxPoints === 0 && totals.points === 0)) return [];
				return [
					{
						teamId: team.id,
						rating: totals.rating,
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
		if (c.status === 'met' && c.deadlineAt !== undefined) {
			const spare = c.deadlineAt - (c.stoppedAt ?? c.deadlineAt);
			strengths.push({
				teamId: c.owner,
				text: `${name(c.owner)} met ${c.name} (${c.regime}) with ${formatDuration(spare)} to spare.`
			});
		} else if (c.status === 'missed') {
			const late =
				c.stoppedAt !== undefined && c.deadlineAt !== undefined
					? `notified ${formatDuration(c.stoppedAt - c.deadlineAt)} late`
					: 'never notified';
			improvements.push({
				teamId: c.owner,
				text: `${name(c.owner)} missed ${c.name} (${c.regime}): ${late}.`
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
	const rated = reviews.flatMap((r) =>
		r.teams.filter((t) => t.rating).map((t) => ({ ...t, objective: r.objective, rating: t.rating! }))
	);
	for (const r of rated) ratings[r.rating]++;
	const byStrength = [...rated].sort(
		(a, b) => RANK[b.rating] - RANK[a.rating] || (b.percent ?? 0) - (a.percent ?? 0)
	);
	const describe = (r: (typeof rated)[number]) => ({
		teamId: r.teamId,
		objectiveId: r.objective.id,
		text: `${name(r.teamId)} — ${r.objective.title}: rated ${r.rating} (${r.points} of ${r.maxPoints} points).`
	});
	const clocks = clockFindings(input, name);
	const unanswered = input.answers
		.filter((a) => a.answer === null)
		.map((a) => ({ teamId: a.teamId, text: `${name(a.teamId)} left "${a.prompt}" unanswered.` }));
	const late = input.answers
		.filter((a) => a.answer !== null && a.onTime === false)
		.map((a) => ({ teamId: a.teamId, text: `${name(a.teamId)} answered "${a.prompt}" after its deadline.` }));
	return {
		overall: {
			points,
			maxPoints,
			percent: percentOf({ points, maxPoints }),
			rating: ratingFor(points, maxPoints)
		},
		teams,
		ratings,
		clocks: {
			met: input.clocks.filter((c) => c.status === 'met').length,
			missed: input.clocks.filter((c) => c.status === 'missed').length,
			running: input.clocks.filter((c) => c.status === 'running').length,
			idle: input.clocks.filter((c) => c.status === 'idle').length
		},
		strengths: [
			...clocks.strengths,
			...byStrength.filter((r) => r.rating === 'P' || r.rating === 'S').map(describe)
		].slice(0, MAX_FINDINGS),
		improvements: [
			...clocks.improvements,
			...[...byStrength]
				.reverse()
				.filter((r) => r.rating === 'M' || r.rating === 'U')
				.map(describe),
			...unanswered,
			...late
		].slice(0, MAX_FINDINGS)
	};
}
