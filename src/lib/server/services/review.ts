/**
 * After-action data: scores with their explanations, the timeline, clocks and notes, plus JSON and CSV exports.
 * Participants see it once the exercise is in hot wash or ended, and only their own team.
 */
import type {
	ClockView,
	FacilitatorView,
	Lifecycle,
	NoteView,
	Objective,
	PhaseDef,
	TeamDef,
	TeamId,
	TeamScore,
	TimelineEntry
} from '$lib/engine/types';
import type { Store } from '../db/store';
import { fault } from '../errors';
import type { ExerciseHost } from '../exercise/exercise-host';
import type { HostRegistry } from '../exercise/host-registry';
import { toCsv } from './csv';
import type { Seat } from './seats';
import type { Facilitator } from './sessions';

/** Everything the review page shows. */
export interface ReviewData {
	exercise: { id: string; scenarioId: string; title: string; organisation: string; lifecycle: Lifecycle };
	teams: TeamDef[];
	objectives: Objective[];
	phases: PhaseDef[];
	scores: Record<TeamId, TeamScore>;
	timeline: TimelineEntry[];
	clocks: ClockView[];
	notes: NoteView[];
	hotwashQuestions: string[];
}

/** Header of the CSV export, one row per score entry. */
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
	'override_reason'
];

// What a participant may see of the shared timeline besides their own team's entries.
const PUBLIC_KINDS = new Set<TimelineEntry['kind']>(['lifecycle', 'speed']);

/** Review data and exports. */
export class Review {
	constructor(
		private readonly store: Store,
		private readonly hosts: HostRegistry
	) {}

	/** The full review for a facilitator. */
	async forFacilitator(_f: Facilitator, exerciseId: string): Promise<ReviewData> {
		return this.#full(await this.hosts.get(exerciseId));
	}

	/** Staff see the full review; participants their own team once the exercise is over. */
	async forSeat(seat: Seat): Promise<ReviewData> {
		const host = await this.hosts.get(seat.exerciseId);
		const full = await this.#full(host);
		if (seat.kind !== 'participant') return full;
		if (host.lifecycle !== 'hotwash' && host.lifecycle !== 'ended') {
			fault('review/not_ready', 'The review opens when the facilitator ends the exercise.', 409);
		}
		const team = seat.teamId;
		return {
			...full,
			teams: full.teams.filter((t) => t.id === team),
			scores: team && full.scores[team] ? { [team]: full.scores[team] } : {},
			timeline: full.timeline.filter((e) => (e.teamId ? e.teamId === team : PUBLIC_KINDS.has(e.kind))),
			notes: []
		};
	}

	/** JSON export: results plus the full input log, enough to replay the exercise. */
	async exportJson(f: Facilitator, exerciseId: string): Promise<{ filename: string; body: string }> {
		const host = await this.hosts.get(exerciseId);
		const data = await this.#full(host);
		const inputs = await this.store.events.inputsAfter(exerciseId, 0);
		const body = JSON.stringify(
			{
				exportedAt: new Date().toISOString(),
				exportedBy: f.username,
				exercise: data.exercise,
				scenario: { id: host.scenario.id, version: host.scenario.version, title: host.scenario.title },
				config: host.state.config,
				scores: data.scores,
				timeline: data.timeline,
				clocks: data.clocks,
				notes: data.notes,
				inputs
			},
			null,
			2
		);
		return { filename: `${fileStem(data)}.json`, body };
	}

	/** CSV export: one row per score entry (columns in CSV_COLUMNS). */
	async exportCsv(_f: Facilitator, exerciseId: string): Promise<{ filename: string; body: string }> {
		const data = await this.#full(await this.hosts.get(exerciseId));
		const rows: unknown[][] = [];
		for (const team of data.teams) {
			for (const e of data.scores[team.id]?.entries ?? []) {
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
					Math.round(e.scenarioAt / 60_000),
					e.pending ? 'true' : 'false',
					e.override ? 'true' : 'false',
					e.override?.originalPoints ?? '',
					e.override?.reason ?? ''
				]);
			}
		}
		return { filename: `${fileStem(data)}-scores.csv`, body: toCsv(CSV_COLUMNS, rows) };
	}

	async #full(host: ExerciseHost): Promise<ReviewData> {
		const record = await this.store.exercises.get(host.exerciseId);
		if (!record) fault('exercise/not_found', `There is no exercise "${host.exerciseId}".`, 404);
		const view = host.view({ role: 'facilitator' }) as FacilitatorView;
		const teams = host.scenario.teams.filter((t) => host.state.config.teams.includes(t.id));
		return {
			exercise: {
				id: host.exerciseId,
				scenarioId: host.scenario.id,
				title: record.title,
				organisation: record.orgName,
				lifecycle: host.lifecycle
			},
			teams,
			objectives: host.scenario.objectives,
			phases: host.scenario.phases,
			scores: view.scores,
			timeline: view.timeline,
			clocks: view.clocks,
			notes: view.notes,
			hotwashQuestions: host.scenario.guide?.hotwashQuestions ?? []
		};
	}
}

function fileStem(data: ReviewData): string {
	const slug = `${data.exercise.scenarioId}-${data.exercise.organisation}`
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${slug || 'exercise'}-${data.exercise.id.slice(0, 8)}`;
}
