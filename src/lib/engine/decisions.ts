/**
 * Team decisions: recording an answer (one per team per decision, once delivered), the branching it causes,
 * a deadline passing unanswered, and an evaluator's rubric marks.
 */
import { deliveredAt, findDecision } from './adhoc-decisions';
import { answerMatches, answerText } from './answers';
import { clockEvent } from './clocks';
import { indexOf } from './scenario-index';
import { dequeueWhere, scheduleInject, setNested } from './schedule';
import type { StepContext } from './scenario-clock';
import type { ExerciseState } from './state';
import { record } from './timeline';
import type { Actor, AnswerValue, Confidence, TeamId } from './types';

/** What a team may send beside the answer itself. */
export interface AnswerExtras {
	justification?: string;
	confidence?: Confidence;
}

/** Display name of whoever acted, if known. */
export function actorName(actor: Actor): string | undefined {
	return actor.name ?? actor.userId;
}

/** Record a team's (already validated) answer now, then run answer-triggered injects and clocks. */
export function submitAnswer(
	state: ExerciseState,
	decisionId: string,
	teamId: TeamId,
	value: AnswerValue,
	extras: AnswerExtras,
	actor: Actor,
	ctx: StepContext
): ExerciseState {
	const ix = indexOf(state.scenario);
	const found = findDecision(state, decisionId);
	if (!found) return state;
	const now = state.clock.now;
	const delivered = deliveredAt(state, found, teamId) ?? now;
	const deadline = found.decision.deadline;
	const onTime = deadline === undefined ? null : now <= delivered + deadline;
	const key = `deadline:${decisionId}:${teamId}`;
	let s = dequeueWhere(state, (p) => p.key === key);
	s = {
		...s,
		answers: setNested(s.answers, teamId, decisionId, {
			value,
			...(extras.justification !== undefined ? { justification: extras.justification } : {}),
			...(extras.confidence !== undefined ? { confidence: extras.confidence } : {}),
			scenarioAt: now,
			by: actorName(actor),
			onTime
		})
	};
	s = record(s, {
		seq: ctx.seq,
		at: ctx.at,
		scenarioAt: now,
		kind: 'answered',
		teamId,
		decisionId,
		detail: value.type === 'text' ? undefined : answerText(value, found.decision)
	});
	for (const inject of ix.onAnswer.get(decisionId) ?? []) {
		const t = inject.trigger;
		if (t.kind === 'answer' && answerMatches(value, t.options, t.range))
			s = scheduleInject(s, inject, teamId, now + t.delay);
	}
	return clockEvent(s, { kind: 'answer', decision: decisionId, value }, now, ctx);
}

/** A team's decision deadline fell due: if still unanswered, its `unanswered` injects are scheduled. */
export function deadlinePassed(
	state: ExerciseState,
	decisionId: string,
	teamId: TeamId,
	due: number
): ExerciseState {
	if (state.answers[teamId]?.[decisionId]) return state;
	let s = state;
	for (const inject of indexOf(state.scenario).onUnanswered.get(decisionId) ?? []) {
		if (inject.trigger.kind === 'unanswered')
			s = scheduleInject(s, inject, teamId, due + inject.trigger.delay);
	}
	return s;
}

/** Record an evaluator's marks for a team's free-text answer or its reasoning (replacing earlier marks). */
export function markRubric(
	state: ExerciseState,
	decisionId: string,
	teamId: TeamId,
	marks: Record<string, number>,
	note: string | undefined,
	actor: Actor,
	ctx: StepContext
): ExerciseState {
	const now = state.clock.now;
	const mark = { marks: { ...marks }, note, by: actorName(actor), scenarioAt: now };
	const s = { ...state, marks: setNested(state.marks, teamId, decisionId, mark) };
	return record(s, { seq: ctx.seq, at: ctx.at, scenarioAt: now, kind: 'marked', teamId, decisionId });
}
