/**
 * A simulation run as the studio shows it: the engine's `runSimulation` with an answer script (the CLI's), boiled
 * down to plain rows: the timeline with in-world times, the branches each team took, the clocks met or missed and
 * the scores by objective. Script problems come back as the CLI words them.
 */
import { parseAnswerScript } from '$lib/engine/answer-script';
import { inWorldLabel } from '$lib/engine/calendar';
import { formatIssue } from '$lib/engine/scenario';
import { runSimulation, type SimulationOptions } from '$lib/engine/simulate';
import type { Scenario } from '$lib/engine/types';

/** One line of the timeline. */
export interface SimulatedRow {
	at: number;
	inWorld: string;
	team: string;
	kind: string;
	text: string;
	answer?: string;
	points?: string;
}

/** What a run shows. */
export interface SimulationView {
	title: string;
	timeline: SimulatedRow[];
	/** Injects delivered because of a team's answer, a missed deadline or a missed clock: the branches taken. */
	branches: { team: string; inject: string; because: string }[];
	clocks: { name: string; owner: string; status: string; deadline: string }[];
	scores: {
		team: string;
		points: number;
		maxPoints: number;
		objectives: { title: string; points: number; maxPoints: number }[];
	}[];
	/** Injects no team received in this run. */
	notDelivered: string[];
}

/** The outcome: the view, or the script's problems. */
export type SimulationOutcome = { ok: true; view: SimulationView } | { ok: false; problems: string[] };

/** Runs `scenario` with the answer script text. */
export function simulate(
	scenario: Scenario,
	scriptText: string,
	options: SimulationOptions = {}
): SimulationOutcome {
	const parsed = parseAnswerScript(scriptText, 'answers.yaml');
	if (!parsed.script) return { ok: false, problems: parsed.issues.map(formatIssue) };
	let result;
	try {
		result = runSimulation(scenario, parsed.script, options);
	} catch (e) {
		return { ok: false, problems: (e as Error).message.split('\n') };
	}
	const teamName = (id?: string) => scenario.teams.find((t) => t.id === id)?.name ?? id ?? '';
	const injects = new Map(scenario.injects.map((i) => [i.id, i]));
	const decisionTitle = (id: string) => scenario.injects.find((i) => i.decision?.id === id)?.title ?? id;
	const optionLabel = (decision: string, option: string) =>
		scenario.injects.find((i) => i.decision?.id === decision)?.decision?.options.find((o) => o.id === option)
			?.label ?? option;
	const branches: SimulationView['branches'] = [];
	const delivered = new Set<string>();
	for (const row of result.timeline) {
		if (row.kind !== 'delivered' || !row.inject) continue;
		delivered.add(row.inject);
		const trigger = injects.get(row.inject)?.trigger;
		if (!trigger || !['answer', 'unanswered', 'clockMissed'].includes(trigger.kind)) continue;
		const because =
			trigger.kind === 'answer'
				? `answered ${trigger.options?.map((o) => `'${optionLabel(trigger.decision, o)}'`).join(' or ') ?? 'it'} to '${decisionTitle(trigger.decision)}'`
				: trigger.kind === 'unanswered'
					? `let the deadline of '${decisionTitle(trigger.decision)}' pass`
					: trigger.kind === 'clockMissed'
						? `missed the ${scenario.clocks.find((c) => c.id === trigger.clock)?.name ?? trigger.clock} clock`
						: '';
		branches.push({
			team: teamName(row.team),
			inject: injects.get(row.inject)?.title ?? row.inject,
			because
		});
	}
	const objectiveTitle = (id: string) => scenario.objectives.find((o) => o.id === id)?.title ?? id;
	return {
		ok: true,
		view: {
			title: scenario.title,
			timeline: result.timeline.map((row) => ({
				at: row.scenarioAt,
				inWorld: inWorldLabel(scenario.startsAt, row.scenarioAt),
				team: teamName(row.team),
				kind: row.kind,
				text: row.text,
				answer: row.answer,
				points: row.points === undefined ? undefined : `${row.points} / ${row.maxPoints}`
			})),
			branches,
			clocks: result.clocks.map((c) => ({
				name: c.name,
				owner: teamName(c.owner),
				status: c.status,
				deadline: c.deadlineLabel
			})),
			scores: Object.values(result.scores).map((s) => ({
				team: teamName(s.teamId),
				points: s.total.points,
				maxPoints: s.total.maxPoints,
				objectives: Object.entries(s.byObjective)
					.filter(([, o]) => o.maxPoints > 0)
					.map(([id, o]) => ({ title: objectiveTitle(id), points: o.points, maxPoints: o.maxPoints }))
			})),
			notDelivered: scenario.injects.filter((i) => !delivered.has(i.id)).map((i) => i.title)
		}
	};
}
