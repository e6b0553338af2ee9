/**
 * Creating and listing exercises. The scenario's YAML is frozen into the exercise at creation, so a later edit
 * of the file never changes what an exercise replays.
 */
import { z } from 'zod';
import { createExercise, fillScenario, scenarioTexts } from '$lib/engine';
import { checkVariableValues } from '$lib/engine/variables';
import type { Lifecycle, TeamDef } from '$lib/engine/types';
import { formatJoinCode } from '../auth/tokens';
import type { ExerciseRecord, ExerciseSummary as StoredSummary, Store } from '../db/store';
import { MAX_SEAT_LIMIT } from '../db/exercises';
import { defaultExerciseName, exerciseNameProblem } from '$lib/exercise-name';
import { fault } from '../errors';
import type { HostRegistry } from '../exercise/host-registry';
import type { ScenarioLibrary } from './scenario-library';
import type { Facilitator } from './sessions';

/** Seats an exercise accepts when neither its form nor SWITCHBOARD_SEAT_LIMIT says otherwise. */
export const DEFAULT_SEAT_LIMIT = 200;

/** An exercise as the facilitator's pages list it. */
export interface ExerciseSummary {
	id: string;
	scenarioId: string;
	/** The published scenario version the exercise runs (null for exercises older than versions). */
	scenarioVersionId: string | null;
	/** The scenario's title with the exercise's variables filled in. */
	title: string;
	/** What the facilitator calls this run; shown wherever the exercise is named. */
	name: string;
	organisation: string;
	lifecycle: Lifecycle;
	createdAt: number;
	teams: TeamDef[];
	/** Grouped for display, e.g. "K7QM-2XHD-9P". */
	joinCode: string;
	staffCode: string;
	participants: number;
	/** Most seats the exercise accepts (participants, observers and evaluators). */
	seatLimit: number;
}

/** The exercise name field: trimmed, not blank, at most MAX_EXERCISE_NAME characters. */
export const exerciseName = z
	.string({ error: 'The exercise name must be text.' })
	.trim()
	.superRefine((name, ctx) => {
		const problem = exerciseNameProblem(name);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});

const createForm = z.object({
	scenarioId: z.string().trim().min(1, 'Choose a scenario.'),
	name: exerciseName.optional(),
	organisation: z.string().max(1000).optional(),
	variables: z.record(z.string().max(100), z.string().max(1000)).optional(),
	teams: z.array(z.string().min(1)).min(1, 'Choose at least one team.').max(20),
	compression: z
		.number({ error: 'Time compression must be a number.' })
		.min(0.1, 'Time compression must be at least 0.1 scenario minutes per minute.')
		.max(1440, 'Time compression can be at most 1440 (one scenario day per minute).')
		.optional(),
	seatLimit: z
		.number({ error: 'The seat limit must be a number.' })
		.int('The seat limit must be a whole number.')
		.min(1, 'Allow at least 1 seat.')
		.max(MAX_SEAT_LIMIT, `Allow at most ${MAX_SEAT_LIMIT} seats.`)
		.optional()
});

/** Exercise creation and listing. */
export class Exercises {
	constructor(
		private readonly store: Store,
		private readonly library: ScenarioLibrary,
		private readonly hosts: HostRegistry,
		/** Seat limit of exercises whose form names none (SWITCHBOARD_SEAT_LIMIT, else 200). */
		readonly defaultSeatLimit = DEFAULT_SEAT_LIMIT
	) {}

	/** Creates an exercise in the lobby and returns its id and codes. */
	async create(
		f: Facilitator,
		form: {
			scenarioId: string;
			/** The facilitator's name for the run; the scenario title and today's date when omitted. */
			name?: string;
			/** Values for the scenario's variables by name; checked against their definitions. */
			variables?: Record<string, string>;
			/** The `org` variable, as older callers name it. */
			organisation?: string;
			teams: string[];
			compression?: number;
			seatLimit?: number;
		}
	): Promise<{ id: string; title: string; name: string; joinCode: string; staffCode: string }> {
		const parsed = createForm.safeParse(form);
		if (!parsed.success) fault('form/invalid', parsed.error.issues[0].message);
		const { scenarioId, organisation, teams, compression, seatLimit } = parsed.data;
		const { source, scenario, versionId } = await this.library.forExercise(scenarioId);
		const unknown = teams.filter((t) => !scenario.teams.some((d) => d.id === t));
		if (unknown.length) {
			fault('form/invalid', `The scenario has no team ${unknown.map((t) => `"${t}"`).join(', ')}.`);
		}
		const given = { ...parsed.data.variables };
		if (organisation !== undefined && given.org === undefined && scenario.variables.org)
			given.org = organisation;
		const { values, errors } = checkVariableValues(scenario.variables, given);
		const problem = Object.values(errors)[0];
		if (problem) fault('form/invalid', problem);
		const config = {
			teams: scenario.teams.map((t) => t.id).filter((t) => teams.includes(t)),
			compression: compression ?? scenario.defaultCompression,
			variables: values
		};
		try {
			createExercise(scenario, { ...config, exerciseId: 'check' });
		} catch (e) {
			fault('form/invalid', (e as Error).message);
		}
		const title = fillScenario(scenario, values).title;
		const record = await this.store.exercises.create({
			scenarioId: scenario.id,
			scenarioVersion: scenario.version,
			scenarioSource: source,
			scenarioVersionId: versionId,
			title,
			name: parsed.data.name ?? defaultExerciseName(title),
			orgName: values.org ?? '',
			config,
			createdBy: f.userId,
			seatLimit: seatLimit ?? this.defaultSeatLimit
		});
		return {
			id: record.id,
			title: record.title,
			name: record.name,
			joinCode: formatJoinCode(record.joinCode),
			staffCode: formatJoinCode(record.staffCode)
		};
	}

	/**
	 * Every exercise, newest first. Facilitators co-run exercises, so the list is not filtered by creator. Uses
	 * the stored lifecycle and the library's team names, so listing does not load every exercise's engine.
	 */
	async list(_f: Facilitator): Promise<ExerciseSummary[]> {
		const rows = await this.store.exercises.list();
		const scenarios = await this.library.list();
		return Promise.all(
			rows.map(async (r) => {
				const known = scenarios.find((s) => s.id === r.scenarioId)?.teams ?? [];
				const teams = r.teams.map(
					(id) => known.find((t) => t.id === id) ?? { id, name: id, description: '', roles: [] }
				);
				const seats = await this.store.seats.listForExercise(r.id);
				return summary(r, r.lifecycle, teams, seats.filter((s) => s.role === 'participant').length);
			})
		);
	}

	/** One exercise with its live lifecycle; `exercise/not_found` when there is none. */
	async get(id: string): Promise<ExerciseSummary> {
		const record = await this.record(id);
		const host = await this.hosts.get(id);
		const seats = await this.store.seats.listForExercise(id);
		const teams = scenarioTexts(host.state).teams.filter((t) => record.config.teams.includes(t.id));
		return summary(record, host.lifecycle, teams, seats.filter((s) => s.role === 'participant').length);
	}

	/** Gives the exercise a new name (the facilitator's console); returns the old and the new name. */
	async rename(_f: Facilitator, id: string, name: unknown): Promise<{ from: string; to: string }> {
		const parsed = exerciseName.safeParse(name);
		if (!parsed.success) fault('form/invalid', parsed.error.issues[0].message);
		const record = await this.record(id);
		await this.store.exercises.rename(id, parsed.data);
		return { from: record.name, to: parsed.data };
	}

	/** The stored record; `exercise/not_found` when there is none. */
	async record(id: string): Promise<ExerciseRecord> {
		const record = await this.store.exercises.get(id);
		if (!record) fault('exercise/not_found', `There is no exercise "${id}".`, 404);
		return record;
	}
}

function summary(
	r: ExerciseRecord | StoredSummary,
	lifecycle: Lifecycle,
	teams: TeamDef[],
	participants: number
): ExerciseSummary {
	return {
		id: r.id,
		scenarioId: r.scenarioId,
		scenarioVersionId: r.scenarioVersionId,
		title: r.title,
		name: r.name,
		organisation: r.orgName,
		lifecycle,
		createdAt: r.createdAt.getTime(),
		teams,
		joinCode: formatJoinCode(r.joinCode),
		staffCode: formatJoinCode(r.staffCode),
		participants,
		seatLimit: r.seatLimit
	};
}
