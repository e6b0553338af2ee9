/**
 * The scenario as people read it: every text the validator lets carry `{{name}}` templates (see
 * scenario/template-fields.ts) with the exercise's variables filled in. Views are built from this, so a text
 * reaches no screen, export or page with its templates unfilled, whichever role reads it; ids, channels,
 * regimes and deadlines are left alone. `{{phase.date}}`, `{{phase.day}}` and `{{phase.time}}` stay as written
 * here: they depend on when the phase opened for the viewer and are filled by phases.ts.
 */
import type { ExerciseState } from './state';
import { fill, fillArtifact, variablesOf } from './templates';
import type { ClockDef, Decision, Inject, Scenario } from './types';

type Vars = Record<string, string>;

const byScenario = new WeakMap<Scenario, Map<string, Scenario>>();
const byState = new WeakMap<ExerciseState, ExerciseState>();

/** `scenario` with every readable text filled from `vars` (unknown templates are left as written). */
export function fillScenario(scenario: Scenario, vars: Vars): Scenario {
	const key = JSON.stringify(Object.entries(vars).sort(([a], [b]) => (a < b ? -1 : 1)));
	let forScenario = byScenario.get(scenario);
	if (!forScenario) byScenario.set(scenario, (forScenario = new Map()));
	const hit = forScenario.get(key);
	if (hit) return hit;
	const f = (text: string) => fill(text, vars);
	const filled: Scenario = {
		...scenario,
		title: f(scenario.title),
		summary: f(scenario.summary),
		audience: f(scenario.audience),
		teams: scenario.teams.map((t) => ({
			...t,
			name: f(t.name),
			description: f(t.description),
			roles: t.roles.map(f)
		})),
		objectives: scenario.objectives.map((o) => ({ ...o, title: f(o.title), description: f(o.description) })),
		phases: scenario.phases.map((p) => ({
			...p,
			title: f(p.title),
			update: f(p.update),
			questions: p.questions.map(f),
			...(p.notes !== undefined ? { notes: f(p.notes) } : {})
		})),
		injects: scenario.injects.map((i) => fillInject(i, vars)),
		clocks: scenario.clocks.map((c) => fillClock(c, f)),
		...(scenario.guide
			? {
					guide: {
						overview: f(scenario.guide.overview),
						timing: f(scenario.guide.timing),
						strongAnswers: f(scenario.guide.strongAnswers),
						hotwashQuestions: scenario.guide.hotwashQuestions.map(f)
					}
				}
			: {})
	};
	forScenario.set(key, filled);
	return filled;
}

function fillInject(i: Inject, vars: Vars): Inject {
	const f = (text: string) => fill(text, vars);
	return {
		...i,
		title: f(i.title),
		body: f(i.body),
		...(i.sender !== undefined ? { sender: f(i.sender) } : {}),
		...(i.facilitatorNotes !== undefined ? { facilitatorNotes: f(i.facilitatorNotes) } : {}),
		artifacts: i.artifacts.map((a) => fillArtifact(a, vars)),
		...(i.decision ? { decision: fillDecision(i.decision, f) } : {})
	};
}

function fillDecision(d: Decision, f: (text: string) => string): Decision {
	return {
		...d,
		prompt: f(d.prompt),
		options: d.options.map((o) => ({ ...o, label: f(o.label), rationale: f(o.rationale) })),
		rubric: d.rubric.map((c) => ({ ...c, label: f(c.label), guidance: f(c.guidance) })),
		...(d.numeric
			? {
					numeric: {
						...d.numeric,
						...(d.numeric.unit !== undefined ? { unit: f(d.numeric.unit) } : {}),
						bands: d.numeric.bands.map((b) => ({ ...b, rationale: f(b.rationale) }))
					}
				}
			: {})
	};
}

function fillClock(c: ClockDef, f: (text: string) => string): ClockDef {
	return {
		...c,
		name: f(c.name),
		description: f(c.description),
		...(c.notes !== undefined ? { notes: f(c.notes) } : {})
	};
}

/** The exercise's scenario with its variables filled (team names and descriptions, guide, ...). */
export function scenarioTexts(state: Pick<ExerciseState, 'scenario' | 'config'>): Scenario {
	return fillScenario(state.scenario, variablesOf(state));
}

/**
 * `state` with its scenario's texts filled, for building views. Kept per state, so every viewer of one
 * version shares it (and the scores computed from it).
 */
export function readableState(state: ExerciseState): ExerciseState {
	const hit = byState.get(state);
	if (hit) return hit;
	const scenario = scenarioTexts(state);
	const readable = scenario === state.scenario ? state : { ...state, scenario };
	byState.set(state, readable);
	return readable;
}
