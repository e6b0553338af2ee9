/**
 * Ad-hoc decisions: a question the facilitator asks with an ad-hoc inject. Their definitions live in the state's
 * ad-hoc record (from the log), not in the scenario, so every lookup by decision id falls back to that record.
 * They are never scored: as a Decision they have no points, no rubric, no objective and no timeliness.
 */
import { mapEntries, mapGet } from './persistent';
import { audienceTeams, indexOf } from './scenario-index';
import type { ExerciseState } from './state';
import { ADHOC_OPTIONS, type AdhocDecision, type AdhocInject, type Decision, type TeamId } from './types';

/** Longest prompt or option label accepted (characters). */
export const MAX_ADHOC_PROMPT = 500;
export const MAX_ADHOC_LABEL = 200;
/** Longest deadline accepted: 30 scenario days. */
export const MAX_ADHOC_DEADLINE = 30 * 24 * 60 * 60_000;

/** The ad-hoc question as an engine Decision worth nothing (options keep the facilitator's order). */
export function asDecision(a: AdhocDecision): Decision {
	return {
		id: a.id,
		prompt: a.prompt,
		type: a.type,
		options: (a.options ?? []).map((o) => ({ id: o.id, label: o.label, points: 0, rationale: '' })),
		rubric: [],
		objectives: [],
		shuffle: false,
		...(a.justify ? { justify: true } : {}),
		...(a.deadline !== undefined ? { deadline: a.deadline } : {})
	};
}

/** A decision found by id: the scenario's, or an ad-hoc one with the inject that asked it. */
export interface FoundDecision {
	decision: Decision;
	injectId: string;
	adhoc: boolean;
}

/** The ad-hoc inject that asked `decisionId`, if any. */
export function adhocInjectOf(state: ExerciseState, decisionId: string): AdhocInject | undefined {
	for (const [, a] of mapEntries(state.adhoc)) if (a.inject.decision?.id === decisionId) return a.inject;
	return undefined;
}

/** Looks a decision up in the scenario, then among the questions asked with ad-hoc injects. */
export function findDecision(state: ExerciseState, decisionId: string): FoundDecision | undefined {
	const found = indexOf(state.scenario).decisions.get(decisionId);
	if (found) return { decision: found.decision, injectId: found.inject.id, adhoc: false };
	const inject = adhocInjectOf(state, decisionId);
	return inject?.decision && { decision: asDecision(inject.decision), injectId: inject.id, adhoc: true };
}

/** When the inject behind a decision reached `teamId` (scenario ms), or undefined if it has not. */
export function deliveredAt(state: ExerciseState, found: FoundDecision, teamId: TeamId): number | undefined {
	if (!found.adhoc) return state.delivered[teamId]?.[found.injectId];
	const sent = mapGet(state.adhoc, found.injectId);
	// An ad-hoc inject reaches its whole audience the moment it is sent.
	return sent && audienceTeams(sent.inject.audience, state.config.teams).includes(teamId)
		? sent.scenarioAt
		: undefined;
}

/** Why an ad-hoc decision cannot be asked, or null. Ids must not clash with a scenario or earlier decision. */
export function adhocDecisionProblem(state: ExerciseState, d: AdhocDecision): string | null {
	if (!d || typeof d !== 'object') return 'The question is not readable.';
	if (typeof d.id !== 'string' || d.id.trim() === '') return 'The question needs an id.';
	if (indexOf(state.scenario).decisions.has(d.id) || adhocInjectOf(state, d.id))
		return 'This question was already asked (same id). Reload the console and try again.';
	if (typeof d.prompt !== 'string' || d.prompt.trim() === '') return 'Write the question the teams answer.';
	if (d.prompt.length > MAX_ADHOC_PROMPT) return `Keep the question to ${MAX_ADHOC_PROMPT} characters.`;
	if (d.type === 'single') {
		const options = Array.isArray(d.options) ? d.options : [];
		if (options.length < ADHOC_OPTIONS.min || options.length > ADHOC_OPTIONS.max)
			return `Give between ${ADHOC_OPTIONS.min} and ${ADHOC_OPTIONS.max} options.`;
		const ids = new Set<string>();
		const labels = new Set<string>();
		for (const o of options) {
			if (!o || typeof o.id !== 'string' || o.id === '' || ids.has(o.id))
				return 'Each option needs its own id.';
			if (typeof o.label !== 'string' || o.label.trim() === '') return 'Every option needs a label.';
			if (o.label.length > MAX_ADHOC_LABEL) return `Keep each option to ${MAX_ADHOC_LABEL} characters.`;
			const key = o.label.trim().toLowerCase();
			if (labels.has(key)) return `Two options read “${o.label.trim()}”: make each one different.`;
			ids.add(o.id);
			labels.add(key);
		}
	} else if (d.type === 'text') {
		if (d.options !== undefined) return 'A free-text question has no options.';
		if (d.justify) return 'Only a question with options can ask for reasoning.';
	} else return 'A question is answered with one of its options or with free text.';
	if (d.justify !== undefined && typeof d.justify !== 'boolean') return 'Asking for reasoning is yes or no.';
	if (d.deadline !== undefined) {
		if (typeof d.deadline !== 'number' || !Number.isFinite(d.deadline) || d.deadline <= 0)
			return 'The deadline must be a positive number of minutes.';
		if (d.deadline > MAX_ADHOC_DEADLINE) return 'The deadline can be at most 30 scenario days away.';
	}
	return null;
}
