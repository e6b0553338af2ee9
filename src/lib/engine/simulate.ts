/**
 * Headless play of a scenario with an answer script, to the end (the run itself is simulation.ts), and its
 * report: the timeline, each team's score and the regulatory clocks, as data or as plain text.
 */
import { answerText } from './answers';
import type { AnswerScript } from './answer-script';
import { formatDuration, inWorldLabel } from './calendar';
import { listToArray } from './persistent';
import { messageStepText } from './messages';
import { indexOf } from './scenario-index';
import { scoresOf } from './scoring';
import { clocksView } from './clocks';
import { Simulation } from './simulation';
import type { ExerciseState } from './state';
import { variablesOf } from './templates';
import type { ClockView, Scenario, TeamId, TeamScore } from './types';

export { Simulation } from './simulation';

/** One line of a simulation's timeline. */
export interface SimulationRow {
	scenarioAt: number;
	kind: 'delivered' | 'answered' | 'held' | 'released' | 'clock' | 'message';
	team?: TeamId;
	inject?: string;
	answer?: string;
	points?: number;
	maxPoints?: number;
	text: string;
}

/** What a simulation produced. */
export interface SimulationResult {
	scenario: Scenario;
	timeline: SimulationRow[];
	scores: Record<TeamId, TeamScore>;
	clocks: ClockView[];
	state: ExerciseState;
}

/** Optional hooks of a simulation run. */
export interface SimulationOptions {
	/** Called before each step with the scenario time reached, so a long run can show its progress. */
	onProgress?: (scenarioAt: number) => void;
}

/**
 * Play `scenario` with `script` from lobby to end. Throws a RangeError listing script problems: before the run
 * for answers that do not fit the scenario, after it for answers to decisions the run never put to their team.
 */
export function runSimulation(
	scenario: Scenario,
	script: AnswerScript,
	options: SimulationOptions = {}
): SimulationResult {
	const run = new Simulation(scenario, script).runUntil((state) => {
		options.onProgress?.(state.clock.now);
		return false;
	});
	return simulationResult(run.end());
}

/** The report of a run that has ended: timeline, scores and clocks. */
export function simulationResult(state: ExerciseState): SimulationResult {
	return {
		scenario: state.scenario,
		timeline: rowsOf(state),
		scores: scoresOf(state),
		clocks: clocksView(state, { role: 'facilitator' }, variablesOf(state)),
		state
	};
}

function rowsOf(state: ExerciseState): SimulationRow[] {
	const ix = indexOf(state.scenario);
	const scores = scoresOf(state);
	const rows: SimulationRow[] = [];
	for (const r of listToArray(state.timeline)) {
		const inject = r.injectId ? ix.injects.get(r.injectId) : undefined;
		if (r.kind === 'delivered' || r.kind === 'held' || r.kind === 'released') {
			const title = inject?.title ?? r.detail ?? r.injectId ?? '';
			rows.push({
				scenarioAt: r.scenarioAt,
				kind: r.kind,
				team: r.teamId,
				inject: r.injectId,
				text: `${r.kind === 'delivered' ? '' : `${r.kind}: `}${title}`
			});
		} else if (r.kind === 'answered' && r.teamId && r.decisionId) {
			const found = ix.decisions.get(r.decisionId);
			const a = state.answers[r.teamId]?.[r.decisionId];
			const entries =
				scores[r.teamId]?.entries.filter((e) => e.id.endsWith(`:${r.decisionId}:${r.teamId}`)) ?? [];
			rows.push({
				scenarioAt: r.scenarioAt,
				kind: 'answered',
				team: r.teamId,
				inject: found?.inject.id,
				answer: a ? answerText(a.value, found?.decision) : '',
				points: entries.reduce((n, e) => n + e.points, 0),
				maxPoints: entries.reduce((n, e) => n + e.maxPoints, 0),
				text: found?.decision.prompt ?? r.decisionId
			});
		} else if (r.kind === 'message' && /^(sent|breach|marked)\t/.test(r.detail ?? '')) {
			rows.push({
				scenarioAt: r.scenarioAt,
				kind: 'message',
				team: r.teamId,
				text: messageStepText(state, r.detail ?? '')
			});
		} else if (r.kind === 'clock' && r.clockId) {
			const clock = ix.clocks.get(r.clockId);
			rows.push({
				scenarioAt: r.scenarioAt,
				kind: 'clock',
				team: clock?.owner,
				text: `${clock?.name ?? r.clockId}: ${r.detail}`
			});
		}
	}
	return rows;
}

function pad(cells: string[][]): string {
	const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
	return cells
		.map((r) =>
			r
				.map((c, i) => c.padEnd(widths[i]))
				.join('  ')
				.trimEnd()
		)
		.join('\n');
}

function clip(text: string, max: number): string {
	const one = text.replace(/\s+/g, ' ');
	return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** A readable plain-text report: the timeline, then each team's score and the regulatory clocks. */
export function formatSimulation(result: SimulationResult): string {
	const { scenario } = result;
	const head = ['T+', 'in-world', 'team', 'event', 'answer', 'points'];
	const body = result.timeline.map((r) => [
		formatDuration(r.scenarioAt),
		inWorldLabel(scenario.startsAt, r.scenarioAt),
		r.team ?? '',
		clip(r.text, 60),
		clip(r.answer ?? '', 40),
		r.points === undefined ? '' : `${r.points}/${r.maxPoints}`
	]);
	const out = [
		`Simulation of ${scenario.title} (${scenario.id} ${scenario.version})`,
		'',
		pad([head, ...body]),
		'',
		'Scores'
	];
	for (const s of Object.values(result.scores)) {
		out.push(`  ${s.teamId}: ${s.total.points}/${s.total.maxPoints}`);
		for (const [id, o] of Object.entries(s.byObjective))
			if (o.maxPoints > 0)
				out.push(
					`    ${id}: ${o.points}/${o.maxPoints} suggested ${o.suggestion ?? '-'}${o.exercised ? '' : ' (not exercised)'}`
				);
	}
	if (result.clocks.length) out.push('', 'Regulatory clocks');
	for (const c of result.clocks) {
		const when = c.stoppedAt !== undefined ? ` stopped at T+${formatDuration(c.stoppedAt)}` : '';
		out.push(`  ${c.regime} ${c.name} (${c.deadlineLabel}, ${c.owner}): ${c.status}${when}`);
	}
	return out.join('\n');
}
