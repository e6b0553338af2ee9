/**
 * Headless play of a scenario with an answer script: start, tick to each next due item or scripted answer,
 * and end once nothing is pending. Injects that become held are released straight away, as an attentive
 * facilitator would; `manual` injects are never released. Answers go in as the team's participants (with the
 * script's `otherwise` rule answering what it does not list); rubric marks in the script go in as an evaluator
 * right after the answer.
 */
import { answerText } from './answers';
import { applyInput } from './apply';
import { checkAnswerScript, toAnswerValue, type AnswerScript, type ScriptedAnswer } from './answer-script';
import { formatDuration, inWorldLabel } from './calendar';
import { listToArray } from './persistent';
import { optionOrderFor } from './option-order';
import { nextDueAt, wallAt } from './scenario-clock';
import { otherwiseAfter, otherwiseAnswer } from './script-otherwise';
import { indexOf } from './scenario-index';
import { scoresOf } from './scoring';
import { unreachedAnswers } from './script-reach';
import { createExercise, type ExerciseState } from './state';
import { clocksView } from './views';
import type { Actor, AnswerValue, ClockView, Command, Scenario, TeamId, TeamScore } from './types';

/** One line of a simulation's timeline. */
export interface SimulationRow {
	scenarioAt: number;
	kind: 'delivered' | 'answered' | 'held' | 'released' | 'clock';
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

const FACILITATOR: Actor = { role: 'facilitator', name: 'simulation' };
const STEP_LIMIT = 100_000;

/** Optional hooks of a simulation run. */
export interface SimulationOptions {
	/** Called after each step with the scenario time reached, so a long run can show its progress. */
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
	const issues = checkAnswerScript(scenario, script);
	if (issues.length)
		throw new RangeError(issues.map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`).join('\n'));
	const teams = script.teams ?? scenario.teams.map((t) => t.id);
	let state = createExercise(scenario, {
		exerciseId: `simulation-${scenario.id}`,
		teams,
		compression: script.compression ?? scenario.defaultCompression,
		variables: script.variables ?? {}
	});
	let wall = 0;
	const apply = (actor: Actor, command: Command) => {
		const r = applyInput(state, {
			seq: state.version + 1,
			at: wall,
			key: `sim-${state.version + 1}`,
			actor,
			command
		});
		if (!r.ok) throw new Error(`simulation: ${command.type} was refused: ${r.error.message}`);
		state = r.state;
	};
	const submit = (
		team: TeamId,
		decisionId: string,
		answer: AnswerValue,
		justification?: string,
		confidence?: ScriptedAnswer['confidence']
	) =>
		apply(
			{ role: 'participant', teamId: team, name: `${team} (script)` },
			{
				type: 'answer.submit',
				decisionId,
				teamId: team,
				answer,
				...(justification !== undefined ? { justification } : {}),
				...(confidence ? { confidence } : {})
			}
		);
	apply(FACILITATOR, { type: 'exercise.start' });
	const ix = indexOf(scenario);
	const open = script.answers.filter((a) => teams.includes(a.team));
	const listed = new Set(open.map((a) => `${a.team}\u0000${a.decision}`));
	const passedOver = new Set<string>();
	/** The next answer the `otherwise` rule gives: a delivered decision nobody answered and the script omits. */
	const nextOtherwise = (): { wall: number; team: TeamId; decisionId: string } | null => {
		const rule = script.otherwise;
		if (!rule) return null;
		let best: { wall: number; team: TeamId; decisionId: string } | null = null;
		for (const team of teams)
			for (const [injectId, at] of Object.entries(state.delivered[team] ?? {})) {
				const d = ix.injects.get(injectId)?.decision;
				const key = `${team}\u0000${d?.id}`;
				if (!d || listed.has(key) || passedOver.has(key) || state.answers[team]?.[d.id]) continue;
				const wall = wallAt(state.clock, at + otherwiseAfter(rule, d));
				if (!best || wall < best.wall) best = { wall, team, decisionId: d.id };
			}
		return best;
	};
	for (let steps = 0; steps < STEP_LIMIT; steps++) {
		options.onProgress?.(state.clock.now);
		const held = Object.entries(state.held).find(([, byTeam]) => Object.keys(byTeam).length > 0);
		if (held) {
			apply(FACILITATOR, { type: 'inject.release', injectId: held[0] });
			continue;
		}
		let next: { wall: number; answer?: ScriptedAnswer } | null = null;
		const due = nextDueAt(state);
		if (due !== null) next = { wall: due };
		for (const a of open) {
			const found = ix.decisions.get(a.decision)!;
			const deliveredAt = state.delivered[a.team]?.[found.inject.id];
			if (deliveredAt === undefined) continue;
			const w = wallAt(state.clock, deliveredAt + a.after);
			if (!next || w < next.wall) next = { wall: w, answer: a };
		}
		const other = nextOtherwise();
		if (other && (!next || other.wall < next.wall)) {
			wall = Math.max(wall, other.wall);
			const rule = script.otherwise!;
			const d = ix.decisions.get(other.decisionId)!.decision;
			const answer = otherwiseAnswer(rule, d, optionOrderFor(state.config.exerciseId, other.team, d));
			if (!answer) passedOver.add(`${other.team}\u0000${d.id}`);
			else submit(other.team, d.id, answer, d.justify ? rule.justification : undefined, rule.confidence);
			continue;
		}
		if (!next) break;
		wall = Math.max(wall, next.wall);
		const a = next.answer;
		if (!a) {
			apply({ role: 'system' }, { type: 'clock.tick' });
			continue;
		}
		open.splice(open.indexOf(a), 1);
		const decision = ix.decisions.get(a.decision)!.decision;
		const answer = toAnswerValue(decision.type, a.answer);
		if (typeof answer === 'string') continue;
		submit(a.team, a.decision, answer, a.justification, a.confidence);
		if (a.marks)
			apply(
				{ role: 'evaluator', name: 'script' },
				{ type: 'rubric.mark', decisionId: a.decision, teamId: a.team, marks: a.marks }
			);
	}
	apply(FACILITATOR, { type: 'exercise.end' });
	const unreached = unreachedAnswers(state, script.file, open);
	if (unreached.length)
		throw new RangeError(unreached.map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`).join('\n'));
	return { scenario, timeline: rowsOf(state), scores: scoresOf(state), clocks: clocksView(state), state };
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
			if (o.maxPoints > 0) out.push(`    ${id}: ${o.points}/${o.maxPoints} rating ${o.rating ?? '-'}`);
	}
	if (result.clocks.length) out.push('', 'Regulatory clocks');
	for (const c of result.clocks) {
		const when = c.stoppedAt !== undefined ? ` stopped at T+${formatDuration(c.stoppedAt)}` : '';
		out.push(`  ${c.regime} ${c.name} (${c.deadlineLabel}, ${c.owner}): ${c.status}${when}`);
	}
	return out.join('\n');
}
