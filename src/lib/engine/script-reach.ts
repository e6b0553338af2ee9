/**
 * After a headless run: scripted answers to decisions that never reached their team, with the branch that would
 * have delivered them. Such an answer is a script bug (it answers a question the team is never asked on the path
 * the script's own answers take), so the simulation refuses it rather than ignoring it.
 */
import type { ScriptedAnswer } from './answer-script';
import type { ExerciseState } from './state';
import type { Inject, ScenarioIssue, Trigger } from './types';

const quoted = (ids: string[]) => ids.map((id) => `"${id}"`).join(' or ');

function triggerText(trigger: Trigger): string {
	switch (trigger.kind) {
		case 'answer':
			if (trigger.options)
				return `when the team answers "${trigger.decision}" with ${quoted(trigger.options)}`;
			if (trigger.range)
				return `when the team answers "${trigger.decision}" with a number in ${trigger.range.min ?? '…'}..${trigger.range.max ?? '…'}`;
			return `once the team answers "${trigger.decision}"`;
		case 'unanswered':
			return `when the team lets "${trigger.decision}" pass its deadline unanswered`;
		case 'clockMissed':
			return `when the clock "${trigger.clock}" is missed`;
		case 'manual':
			return 'when the facilitator releases it, which a simulation never does';
		case 'after':
			return `after inject "${trigger.inject}"`;
		case 'at':
			return 'at a fixed time, but the run ended first';
	}
}

/** Why `inject` never reached `team`: the first inject up its `after` chain that did not, and what it waits for. */
function whyNot(state: ExerciseState, team: string, inject: Inject): string {
	const byId = new Map(state.scenario.injects.map((i) => [i.id, i]));
	const delivered = state.delivered[team] ?? {};
	let at = inject;
	const chain: string[] = [];
	while (at.trigger.kind === 'after') {
		const before = byId.get(at.trigger.inject);
		if (!before || delivered[before.id] !== undefined || chain.includes(before.id)) break;
		chain.push(before.id);
		at = before;
	}
	if (at === inject) return `its inject "${inject.id}" comes ${triggerText(at.trigger)}`;
	const waits = chain.map((id) => `"${id}"`).join(', which waits for ');
	return `its inject "${inject.id}" waits for ${waits}, which comes ${triggerText(at.trigger)}`;
}

/** One issue per scripted answer whose decision never reached its team in `state`. */
export function unreachedAnswers(
	state: ExerciseState,
	file: string,
	answers: ScriptedAnswer[]
): ScenarioIssue[] {
	return answers.flatMap((a) => {
		const inject = state.scenario.injects.find((i) => i.decision?.id === a.decision);
		if (!inject || state.delivered[a.team]?.[inject.id] !== undefined) return [];
		return [
			{
				file,
				line: a.line,
				path: `answers[${a.index}]`,
				message: `${a.team} answers ${a.decision}, but this run never asks ${a.team} for it: ${whyNot(state, a.team, inject)}; on the path this script's answers take, remove the answer or change the answer that chooses the branch`
			}
		];
	});
}
