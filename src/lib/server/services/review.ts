/**
 * After-action data: scores with their explanations, the executive summary and per-objective evidence, the
 * timeline, clocks, notes and the replay of a team's view. Participants see it once the exercise is in hot wash
 * or ended, and only their own team. Exports live in exports.ts.
 */
import { describeAnswer } from '$lib/client/answers';
import { scenarioTexts } from '$lib/engine/scenario-texts';
import type {
	ClockView,
	FacilitatorView,
	Lifecycle,
	MessageView,
	NoteView,
	Objective,
	PhaseDef,
	TeamDef,
	TeamId,
	TeamScore,
	TeamView,
	TimelineEntry
} from '$lib/engine/types';
import type { Store } from '../db/store';
import { fault } from '../errors';
import type { ExerciseHost } from '../exercise/exercise-host';
import type { HostRegistry } from '../exercise/host-registry';
import { exerciseCsv, exerciseJson, exerciseJsonl, exerciseMarkdown, type ExportFile } from './exports';
import { replayFrame, replaySteps, type ReplayFrame, type ReplayStep } from './review-replay';
import {
	executiveSummary,
	objectiveReviews,
	type AnswerRow,
	type ExecutiveSummary,
	type ObjectiveReview
} from './review-summary';
import { reportCover, type ReportCover } from './review-cover';
import type { Seat } from './seats';
import type { Facilitator } from './sessions';

export { CSV_COLUMNS } from './exports';

/** Everything the review page shows. */
export interface ReviewData {
	exercise: {
		id: string;
		scenarioId: string;
		/** The scenario's title (variables filled in). */
		title: string;
		/** What the facilitator calls this run. */
		name: string;
		organisation: string;
		lifecycle: Lifecycle;
		/** In-world ISO date-time of StartEx. */
		startsAt: string;
	};
	teams: TeamDef[];
	objectives: Objective[];
	phases: PhaseDef[];
	scores: Record<TeamId, TeamScore>;
	timeline: TimelineEntry[];
	clocks: ClockView[];
	notes: NoteView[];
	/** Messages with every step; a participant sees its team's, those sent to it and those it approved. */
	messages?: MessageView[];
	hotwashQuestions: string[];
	/** Every decision each team received, with its answer (or none) and timing. */
	answers: AnswerRow[];
	summary: ExecutiveSummary;
	objectiveReviews: ObjectiveReview[];
	/** Positions of the replay slider, one per input of the log. */
	steps: ReplayStep[];
}

/** A team's score with the authors' rationale left out of every entry. */
function withoutRationale(score: TeamScore): TeamScore {
	return { ...score, entries: score.entries.map(({ rationale: _rationale, ...e }) => e) };
}

// What a participant may see of the shared timeline besides their own team's entries.
const PUBLIC_KINDS = new Set<TimelineEntry['kind']>(['lifecycle', 'speed']);

type Base = Omit<ReviewData, 'summary' | 'objectiveReviews' | 'steps'>;

function complete(base: Base, steps: ReplayStep[]): ReviewData {
	const input = { ...base, lifecycle: base.exercise.lifecycle };
	const reviews = objectiveReviews(input);
	return { ...base, objectiveReviews: reviews, summary: executiveSummary(input, reviews), steps };
}

/** Review data, replay and exports. */
export class Review {
	constructor(
		private readonly store: Store,
		private readonly hosts: HostRegistry
	) {}

	/** The full review for a facilitator. */
	async forFacilitator(_f: Facilitator, exerciseId: string): Promise<ReviewData> {
		const host = await this.hosts.get(exerciseId);
		const base = await this.#base(host);
		return complete(base, replaySteps(await this.#inputs(exerciseId), base.timeline));
	}

	/** Staff see the full review; participants their own team once the exercise is over. */
	async forSeat(seat: Seat): Promise<ReviewData> {
		const host = await this.hosts.get(seat.exerciseId);
		const base = this.#visibleTo(seat, host, await this.#base(host));
		return complete(base, replaySteps(await this.#inputs(seat.exerciseId), base.timeline));
	}

	/** The cover of the printed report: name, organisation, date, duration, facilitator, who played (staff only). */
	async cover(_f: Facilitator, data: ReviewData): Promise<ReportCover> {
		const id = data.exercise.id;
		const record = await this.store.exercises.get(id);
		if (!record) fault('exercise/not_found', `There is no exercise "${id}".`, 404);
		const [creator, seats, inputs] = await Promise.all([
			this.store.users.byId(record.createdBy),
			this.store.seats.listForExercise(id),
			this.#inputs(id)
		]);
		return reportCover({
			scenarioTitle: record.title,
			organisation: record.orgName,
			facilitator: creator?.displayName ?? 'Not recorded',
			teams: data.teams,
			seats,
			inputs,
			scenarioAt: Math.max(0, ...data.timeline.map((e) => e.scenarioAt)),
			name: record.name
		});
	}

	/** A facilitator's replay: what `teamId` saw right after input `seq`. */
	async replayForFacilitator(
		f: Facilitator,
		exerciseId: string,
		teamId: string,
		seq: number
	): Promise<ReplayFrame> {
		return this.#replay(await this.forFacilitator(f, exerciseId), teamId, seq);
	}

	/** A seat's replay; participants may only replay their own team. */
	async replayForSeat(seat: Seat, teamId: string, seq: number): Promise<ReplayFrame> {
		if (seat.kind === 'participant' && seat.teamId !== teamId) {
			fault('review/forbidden', 'Participants can replay only their own team.', 403);
		}
		return this.#replay(await this.forSeat(seat), teamId, seq);
	}

	/** JSON export of the whole exercise (docs/exercise-export.schema.json). */
	async exportJson(f: Facilitator, exerciseId: string): Promise<ExportFile> {
		const host = await this.hosts.get(exerciseId);
		const data = await this.forFacilitator(f, exerciseId);
		return exerciseJson({
			data,
			exportedBy: f.username,
			scenario: scenarioTexts(host.state),
			config: host.state.config,
			inputs: await this.#inputs(exerciseId),
			actions: await this.store.improvementActions.listForExercise(exerciseId),
			feedback: await this.store.feedback.list(exerciseId)
		});
	}

	/** JSONL export of the event log, one input per line (docs/event-log.schema.json). */
	async exportJsonl(f: Facilitator, exerciseId: string): Promise<ExportFile> {
		const data = await this.forFacilitator(f, exerciseId);
		return exerciseJsonl(data, await this.#inputs(exerciseId));
	}

	/** CSV export: one row per score entry (columns in CSV_COLUMNS). */
	async exportCsv(f: Facilitator, exerciseId: string): Promise<ExportFile> {
		return exerciseCsv(await this.forFacilitator(f, exerciseId));
	}

	/** Markdown export of the report, improvement plan included. */
	async exportMarkdown(f: Facilitator, exerciseId: string): Promise<ExportFile> {
		const data = await this.forFacilitator(f, exerciseId);
		const actions = await this.store.improvementActions.listForExercise(exerciseId);
		return exerciseMarkdown(data, actions, await this.store.feedback.list(exerciseId));
	}

	async #replay(data: ReviewData, teamId: string, seq: number): Promise<ReplayFrame> {
		if (!data.teams.some((t) => t.id === teamId)) {
			fault('team/not_in_exercise', `There is no team "${teamId}" in this review.`, 404);
		}
		if (!Number.isInteger(seq) || seq < 0) {
			fault('form/invalid', `The replay position must be a whole number from 0; got "${seq}".`);
		}
		const host = await this.hosts.get(data.exercise.id);
		const inputs = await this.#inputs(data.exercise.id);
		return replayFrame(host.scenario, host.state.config, inputs, data.steps, teamId, seq);
	}

	#inputs(exerciseId: string) {
		return this.store.events.inputsAfter(exerciseId, 0);
	}

	#visibleTo(seat: Seat, host: ExerciseHost, full: Base): Base {
		if (seat.kind !== 'participant') return full;
		if (host.lifecycle !== 'hotwash' && host.lifecycle !== 'ended') {
			fault('review/not_ready', 'The review opens when the facilitator ends the exercise.', 409);
		}
		const team = seat.teamId;
		return {
			...full,
			teams: full.teams.filter((t) => t.id === team),
			// An option's rationale stays with staff: a team sees what it scored, not the author's reasons.
			scores: team && full.scores[team] ? { [team]: withoutRationale(full.scores[team]) } : {},
			timeline: full.timeline.filter((e) => (e.teamId ? e.teamId === team : PUBLIC_KINDS.has(e.kind))),
			clocks: full.clocks.filter((c) => c.owner === team),
			answers: full.answers.filter((a) => a.teamId === team),
			messages: team ? (host.view({ role: 'participant', teamId: team }) as TeamView).messages : [],
			notes: []
		};
	}

	async #base(host: ExerciseHost): Promise<Base> {
		const record = await this.store.exercises.get(host.exerciseId);
		if (!record) fault('exercise/not_found', `There is no exercise "${host.exerciseId}".`, 404);
		const view = host.view({ role: 'facilitator' }) as FacilitatorView;
		const texts = scenarioTexts(host.state);
		const teams = texts.teams.filter((t) => host.state.config.teams.includes(t.id));
		const objectivesOf = new Map(view.decisions.map((d) => [d.id, d.objectives]));
		const answers = view.teams.flatMap((panel) =>
			panel.decisions.map((d): AnswerRow => ({
				teamId: panel.team.id,
				decisionId: d.id,
				prompt: d.prompt,
				answer: d.answer ? describeAnswer(d, d.answer.value) : null,
				...(d.answer?.justification !== undefined ? { justification: d.answer.justification } : {}),
				...(d.answer?.confidence !== undefined ? { confidence: d.answer.confidence } : {}),
				by: d.answer?.by,
				deliveredAt: d.deliveredAt,
				deadlineAt: d.deadlineAt,
				answeredAt: d.answer?.scenarioAt,
				onTime: d.answer ? d.answer.onTime : d.deadlineAt === undefined ? null : false,
				objectives: objectivesOf.get(d.id) ?? [],
				scored: !d.adhoc
			}))
		);
		return {
			exercise: {
				id: host.exerciseId,
				scenarioId: host.scenario.id,
				title: record.title,
				name: record.name,
				organisation: record.orgName,
				lifecycle: host.lifecycle,
				startsAt: host.scenario.startsAt
			},
			teams,
			objectives: view.objectives,
			phases: view.phases,
			scores: view.scores,
			timeline: view.timeline,
			clocks: view.clocks,
			notes: view.notes,
			messages: view.messages,
			hotwashQuestions: texts.guide?.hotwashQuestions ?? [],
			answers
		};
	}
}
