/**
 * Scores across exercises: the facilitator's list of past runs with their totals per team, and the trend of each
 * team over the runs of one scenario. Ended exercises are replayed from the stored log (not loaded as live hosts)
 * and their totals cached by log length, so a late rubric mark or override still shows up.
 */
import { parseScenario, replay, scenarioTexts, scoresOf } from '$lib/engine';
import type { Lifecycle, TeamId, TeamScore } from '$lib/engine/types';
import type { ExerciseSummary as StoredSummary, Store } from '../db/store';
import type { HostRegistry } from '../exercise/host-registry';
import { percentOf } from './review-summary';
import type { Facilitator } from './sessions';

/** One team's total in one run. */
export interface TeamTotal {
	teamId: TeamId;
	name: string;
	points: number;
	maxPoints: number;
	percent: number | null;
}

/** One exercise with its totals. */
export interface ExerciseScores {
	id: string;
	scenarioId: string;
	title: string;
	organisation: string;
	lifecycle: Lifecycle;
	createdAt: number;
	teams: TeamTotal[];
	overall: { points: number; maxPoints: number; percent: number | null };
}

/** A scenario's runs and, per team, its share of points in each run (null where the team did not play). */
export interface ScenarioTrend {
	scenarioId: string;
	title: string;
	runs: { exerciseId: string; createdAt: number; organisation: string; overall: number | null }[];
	teams: { teamId: TeamId; name: string; percents: (number | null)[] }[];
}

const PLAYED = new Set<Lifecycle>(['running', 'paused', 'hotwash', 'ended']);

/** Past exercises' scores and trends. */
export class ReviewHistory {
	readonly #cache = new Map<string, { seq: number; teams: TeamTotal[] }>();

	constructor(
		private readonly store: Store,
		private readonly hosts: HostRegistry
	) {}

	/** Every exercise, newest first, with its totals per team. */
	async list(_f: Facilitator): Promise<ExerciseScores[]> {
		const rows = await this.store.exercises.list();
		return Promise.all(rows.map((r) => this.#scores(r)));
	}

	/** Per scenario (optionally one), the runs that were played, oldest first, with each team's share. */
	async trends(f: Facilitator, scenarioId?: string): Promise<ScenarioTrend[]> {
		const played = (await this.list(f))
			.filter((e) => PLAYED.has(e.lifecycle) && (!scenarioId || e.scenarioId === scenarioId))
			.sort((a, b) => a.createdAt - b.createdAt);
		const byScenario = new Map<string, ExerciseScores[]>();
		for (const e of played) byScenario.set(e.scenarioId, [...(byScenario.get(e.scenarioId) ?? []), e]);
		return [...byScenario].map(([id, runs]) => {
			const teams = new Map<TeamId, string>();
			for (const run of runs) for (const t of run.teams) teams.set(t.teamId, t.name);
			return {
				scenarioId: id,
				title: runs.at(-1)!.title,
				runs: runs.map((r) => ({
					exerciseId: r.id,
					createdAt: r.createdAt,
					organisation: r.organisation,
					overall: r.overall.percent
				})),
				teams: [...teams].map(([teamId, name]) => ({
					teamId,
					name,
					percents: runs.map((r) => r.teams.find((t) => t.teamId === teamId)?.percent ?? null)
				}))
			};
		});
	}

	async #scores(r: StoredSummary): Promise<ExerciseScores> {
		const teams = await this.#teamTotals(r);
		const points = teams.reduce((s, t) => s + t.points, 0);
		const maxPoints = teams.reduce((s, t) => s + t.maxPoints, 0);
		return {
			id: r.id,
			scenarioId: r.scenarioId,
			title: r.title,
			organisation: r.orgName,
			lifecycle: r.lifecycle,
			createdAt: r.createdAt.getTime(),
			teams,
			overall: { points, maxPoints, percent: percentOf({ points, maxPoints }) }
		};
	}

	async #teamTotals(r: StoredSummary): Promise<TeamTotal[]> {
		const seq = await this.store.events.lastSeq(r.id);
		const hit = this.#cache.get(r.id);
		if (hit && hit.seq === seq) return hit.teams;
		const scored = await this.#scoresFor(r);
		if (!scored) return [];
		const teams = scored.teams
			.filter((t) => scored.scores[t.id])
			.map((t) => ({
				teamId: t.id,
				name: t.name,
				...scored.scores[t.id].total,
				percent: percentOf(scored.scores[t.id].total)
			}));
		this.#cache.set(r.id, { seq, teams });
		return teams;
	}

	async #scoresFor(r: StoredSummary) {
		if (r.lifecycle !== 'ended') {
			const host = await this.hosts.get(r.id);
			const teams = scenarioTexts(host.state).teams.filter((t) => host.state.config.teams.includes(t.id));
			return { teams, scores: scoresOf(host.state) as Record<TeamId, TeamScore> };
		}
		const record = await this.store.exercises.get(r.id);
		if (!record) return null;
		const { scenario } = parseScenario(record.scenarioSource, `${record.scenarioId}.yaml`, {
			stored: true
		});
		if (!scenario) return null;
		const config = { ...record.config, exerciseId: record.id };
		const state = replay(scenario, config, await this.store.events.inputsAfter(r.id, 0));
		const teams = scenarioTexts(state).teams.filter((t) => config.teams.includes(t.id));
		return { teams, scores: scoresOf(state) };
	}
}
