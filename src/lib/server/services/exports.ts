/**
 * The review's downloadable files: JSON of the whole exercise and JSONL of its event log (both described by
 * JSON Schemas in docs/), CSV of scores and answers, and the Markdown report. The PDF is in exports-pdf.ts.
 */
import { clockKindLabel } from '$lib/clock-words';
import type { ExerciseConfig, Input, Scenario } from '$lib/engine/types';
import type { FeedbackRecord, ImprovementActionRecord } from '../db/store';
import { toCsv } from './csv';
import { exerciseMarkdown } from './exports-markdown';
import { fileStem, type ExportFile } from './exports-file';
import type { ReviewData } from './review';

export { exerciseMarkdown, fileStem, type ExportFile };

/** `format` of the JSON export, checked by readers before they trust the rest. */
export const EXPORT_FORMAT = 'switchboard.exercise-export';
/** Bumped when a field of the JSON export changes meaning or is removed. */
export const EXPORT_FORMAT_VERSION = 2;

/** Header of the CSV export, one row per score entry (documented in docs/review.md). */
export const CSV_COLUMNS = [
	'team_id',
	'team_name',
	'entry_id',
	'rule',
	'evidence',
	'points',
	'max_points',
	'phase',
	'objectives',
	'scenario_at_minutes',
	'pending',
	'overridden',
	'original_points',
	'override_reason',
	'decision_id',
	'answer',
	'answered_by',
	'answered_at_minutes',
	'on_time',
	'rationale',
	'justification',
	'confidence',
	'rating',
	'suggested_rating',
	'rated_by',
	'rating_reason',
	'rating_evidence'
];

const minutes = (ms: number | undefined) => (ms === undefined ? '' : Math.round(ms / 60_000));

/** The decision a score entry is about: "decision:", "justification:" and "timeliness:<id>:<team>". */
function decisionOf(entryId: string): string | null {
	const m = /^(?:decision|justification|timeliness):(.+):[^:]+$/.exec(entryId);
	return m ? m[1] : null;
}

/** One row per team and objective with its rating: entry id `rating:<objective>:<team>`. */
function ratingRows(data: ReviewData): unknown[][] {
	const width = CSV_COLUMNS.length;
	return data.objectiveReviews.flatMap((r) =>
		r.teams.map((t) => {
			const team = data.teams.find((x) => x.id === t.teamId);
			const row: unknown[] = Array.from({ length: width }, () => '');
			const set = (column: string, value: unknown) => (row[CSV_COLUMNS.indexOf(column)] = value ?? '');
			set('team_id', t.teamId);
			set('team_name', team?.name ?? t.teamId);
			set('entry_id', `rating:${r.objective.id}:${t.teamId}`);
			set('rule', `HSEEP rating: ${r.objective.title}`);
			set('evidence', t.evidenceCited?.join('; '));
			set('points', t.points);
			set('max_points', t.maxPoints);
			set('objectives', r.objective.id);
			set('pending', 'false');
			set('overridden', 'false');
			set('rating', t.rating);
			set('suggested_rating', t.suggestion);
			set('rated_by', t.ratedBy);
			set('rating_reason', t.reason);
			set('rating_evidence', t.evidence?.join(';'));
			return row;
		})
	);
}

/**
 * One row per team and question asked with an ad-hoc inject: entry id `adhoc:<decision>:<team>`, no points
 * (they are never scored) and the rule saying so.
 */
function adhocRows(data: ReviewData): unknown[][] {
	return data.answers
		.filter((a) => !a.scored)
		.map((a) => {
			const row: unknown[] = CSV_COLUMNS.map(() => '');
			const set = (column: string, value: unknown) => (row[CSV_COLUMNS.indexOf(column)] = value ?? '');
			set('team_id', a.teamId);
			set('team_name', data.teams.find((t) => t.id === a.teamId)?.name ?? a.teamId);
			set('entry_id', `adhoc:${a.decisionId}:${a.teamId}`);
			set('rule', `Ad-hoc question, not scored: ${a.prompt}`);
			set('scenario_at_minutes', minutes(a.deliveredAt));
			set('pending', 'false');
			set('overridden', 'false');
			set('decision_id', a.decisionId);
			set('answer', a.answer);
			set('answered_by', a.by);
			set('answered_at_minutes', minutes(a.answeredAt));
			set('on_time', a.onTime === null ? '' : String(a.onTime));
			set('justification', a.justification);
			set('confidence', a.confidence);
			return row;
		});
}

/** CSV of every score entry with the answer behind it, then each team's rating per objective. */
export function exerciseCsv(data: ReviewData): ExportFile {
	const rows: unknown[][] = [];
	for (const team of data.teams) {
		for (const e of data.scores[team.id]?.entries ?? []) {
			const decisionId = decisionOf(e.id);
			const answer = decisionId
				? data.answers.find((a) => a.teamId === team.id && a.decisionId === decisionId)
				: undefined;
			rows.push([
				team.id,
				team.name,
				e.id,
				e.rule,
				e.evidence,
				e.points,
				e.maxPoints,
				e.phase,
				e.objectives.join(';'),
				minutes(e.scenarioAt),
				e.pending ? 'true' : 'false',
				e.override ? 'true' : 'false',
				e.override?.originalPoints ?? '',
				e.override?.reason ?? '',
				decisionId ?? '',
				answer?.answer ?? '',
				answer?.by ?? '',
				minutes(answer?.answeredAt),
				answer?.onTime === null || answer?.onTime === undefined ? '' : String(answer.onTime),
				e.rationale ?? '',
				answer?.justification ?? '',
				answer?.confidence ?? '',
				'',
				'',
				'',
				'',
				''
			]);
		}
	}
	rows.push(...adhocRows(data));
	rows.push(...ratingRows(data));
	return {
		filename: `${fileStem(data)}-scores.csv`,
		body: toCsv(CSV_COLUMNS, rows),
		contentType: 'text/csv; charset=utf-8'
	};
}

/** What the JSON export is built from. */
export interface JsonExportInput {
	data: ReviewData;
	exportedBy: string;
	scenario: Scenario;
	config: ExerciseConfig;
	inputs: Input[];
	actions: ImprovementActionRecord[];
	feedback: FeedbackRecord[];
	now?: Date;
}

const isoDate = (d: Date) => d.toISOString();

/** The JSON export document (before serialisation), so tests can check it against the schema. */
export function exerciseDocument(x: JsonExportInput) {
	const { data } = x;
	return {
		format: EXPORT_FORMAT,
		formatVersion: EXPORT_FORMAT_VERSION,
		exportedAt: isoDate(x.now ?? new Date()),
		exportedBy: x.exportedBy,
		exercise: data.exercise,
		scenario: { id: x.scenario.id, version: x.scenario.version, title: x.scenario.title },
		config: x.config,
		teams: data.teams.map((t) => ({ id: t.id, name: t.name })),
		summary: data.summary,
		scores: data.scores,
		answers: data.answers,
		// Each clock says in words what it is, so no reader of the file takes a benchmark for a legal deadline.
		clocks: data.clocks.map((c) => ({ ...c, label: clockKindLabel(c) })),
		timeline: data.timeline,
		notes: data.notes,
		messages: data.messages ?? [],
		improvementActions: x.actions.map((a) => ({
			...a,
			createdAt: isoDate(a.createdAt),
			updatedAt: isoDate(a.updatedAt)
		})),
		// Feedback forms are anonymous: the seat that sent one stays out of the export.
		feedback: x.feedback.map((f) => ({
			ratings: f.ratings,
			comments: f.comments,
			createdAt: isoDate(f.createdAt)
		})),
		inputs: x.inputs
	};
}

/** JSON of the whole exercise: results, plan, feedback and the full input log that replays it. */
export function exerciseJson(x: JsonExportInput): ExportFile {
	return {
		filename: `${fileStem(x.data)}.json`,
		body: JSON.stringify(exerciseDocument(x), null, 2),
		contentType: 'application/json; charset=utf-8'
	};
}

/** JSONL of the event log: one input per line, in seq order. */
export function exerciseJsonl(data: Pick<ReviewData, 'exercise'>, inputs: Input[]): ExportFile {
	return {
		filename: `${fileStem(data)}-events.jsonl`,
		body: inputs.map((i) => JSON.stringify(i)).join('\n') + (inputs.length ? '\n' : ''),
		contentType: 'application/x-ndjson; charset=utf-8'
	};
}
