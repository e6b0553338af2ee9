/**
 * Human names for the ids that timeline and status texts mention: teams by name, injects by title, decisions
 * by their prompt, options by label, score entries by what they score. Scenario text has its {{variables}}
 * filled; long titles and prompts are shortened so a timeline line stays one line.
 */
import { findDecision } from './adhoc-decisions';
import { mapGet } from './persistent';
import { indexOf } from './scenario-index';
import type { ExerciseState } from './state';
import { fill } from './templates';

type Vars = Record<string, string>;

/** Longest title or prompt quoted in a timeline or trigger text, in characters. */
export const MAX_QUOTED = 60;

/** `text` on one line, cut at `max` characters with an ellipsis. */
export function shorten(text: string, max = MAX_QUOTED): string {
	const one = text.replace(/\s+/g, ' ').trim();
	return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

/** A team's display name ("SOC"), or its id when the scenario does not define it. */
export function teamName(state: ExerciseState, teamId: string): string {
	return state.scenario.teams.find((t) => t.id === teamId)?.name ?? teamId;
}

/** An inject's title in quotes, scenario or ad hoc. */
export function injectName(state: ExerciseState, injectId: string, vars: Vars): string {
	const title =
		indexOf(state.scenario).injects.get(injectId)?.title ?? mapGet(state.adhoc, injectId)?.inject.title;
	return `"${shorten(fill(title ?? injectId, vars))}"`;
}

/** A decision's prompt in quotes. */
export function decisionName(state: ExerciseState, decisionId: string, vars: Vars): string {
	const prompt = findDecision(state, decisionId)?.decision.prompt;
	return `"${shorten(fill(prompt ?? decisionId, vars))}"`;
}

/** An option's label within a decision. */
export function optionLabel(state: ExerciseState, decisionId: string, optionId: string, vars: Vars): string {
	const d = findDecision(state, decisionId)?.decision;
	return fill(d?.options.find((o) => o.id === optionId)?.label ?? optionId, vars);
}

/** An objective's title in quotes. */
export function objectiveName(state: ExerciseState, objectiveId: string, vars: Vars): string {
	const title = state.scenario.objectives.find((o) => o.id === objectiveId)?.title;
	return `"${shorten(fill(title ?? objectiveId, vars))}"`;
}

/** A regulatory clock's name. */
export function clockName(state: ExerciseState, clockId: string, vars: Vars): string {
	return fill(indexOf(state.scenario).clocks.get(clockId)?.name ?? clockId, vars);
}

/** What a score entry scores, from its id: "the answer to "…"", "answering "…" on time", "CPNI notice". */
export function scoreEntryName(state: ExerciseState, entryId: string, vars: Vars): string {
	const [kind, ref] = entryId.split(':');
	if (kind === 'decision' && ref) return `the answer to ${decisionName(state, ref, vars)}`;
	if (kind === 'justification' && ref)
		return `the reasoning behind the answer to ${decisionName(state, ref, vars)}`;
	if (kind === 'timeliness' && ref) return `the timing of the answer to ${decisionName(state, ref, vars)}`;
	if (kind === 'clock' && ref) return clockName(state, ref, vars);
	if (kind === 'message' && ref) {
		const rubric = (state.scenario.messageRubrics ?? []).find((r) => r.id === ref);
		return `the message "${fill(rubric?.title ?? ref, vars)}"`;
	}
	return entryId;
}
