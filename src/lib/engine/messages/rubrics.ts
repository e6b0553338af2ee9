/**
 * Message rubrics: the criteria evaluators mark a sent message against (the scenario's `messageRubrics`). A
 * sent message is marked against the first rubric it matches; the marks become a score entry of the author
 * team, `message:<rubric>:<team>`, counted against the rubric's objectives:
 *
 * - the team sent matching messages: the best-marked one's Σ criterion points × mark, pending while none is
 *   marked;
 * - the team is named in the rubric's `match.from` but sent none: 0 of the maximum, evidence "not sent", from
 *   the hot wash on (pending before, since the message may still come);
 * - otherwise the team has no entry for that rubric.
 */
import { messageMatches } from '../clocks/guards';
import { mapEntries } from '../persistent';
import type { ExerciseState } from '../state';
import type { MessageRubric, Scenario, ScoreEntry, TeamId } from '../types';
import { clip, rubricMax } from '../scoring/answer-points';
import type { MessageRecord } from './record';

/** The rubric a message is marked against: the first whose match it meets. */
export function rubricFor(
	scenario: Scenario,
	m: Pick<MessageRecord, 'teamId' | 'channel' | 'to'>
): MessageRubric | undefined {
	return (scenario.messageRubrics ?? []).find((r) => messageMatches(r.match, m));
}

/** Points the marks earn against a rubric. */
export function markPoints(rubric: MessageRubric, marks: Record<string, number>): number {
	return rubric.criteria.reduce((n, c) => n + c.points * (marks[c.id] ?? 0), 0);
}

function entryFor(
	state: ExerciseState,
	teamId: TeamId,
	rubric: MessageRubric,
	sent: MessageRecord[]
): ScoreEntry | null {
	const max = rubricMax(rubric.criteria);
	const base = {
		id: `message:${rubric.id}:${teamId}`,
		teamId,
		objectives: rubric.objectives,
		maxPoints: max
	};
	const phaseNow = state.scenario.phases[state.phaseIndex]?.id ?? state.scenario.phases[0].id;
	if (sent.length === 0) {
		if (!rubric.match.from?.includes(teamId)) return null;
		// While play goes on the message may still come: pending, so it neither raises nor lowers a total.
		const over = state.lifecycle === 'hotwash' || state.lifecycle === 'ended';
		return {
			...base,
			rule: `Message "${rubric.title}": not sent`,
			evidence: over ? 'not sent' : 'not sent yet',
			points: 0,
			phase: phaseNow,
			scenarioAt: state.clock.now,
			...(over ? {} : { pending: true })
		};
	}
	const marked = sent.filter((m) => m.mark);
	const best = marked.length
		? marked.reduce((a, b) => (markPoints(rubric, b.mark!.marks) > markPoints(rubric, a.mark!.marks) ? b : a))
		: sent[0];
	const evidence = `"${best.subject}": ${clip(best.body)}`;
	const at = { phase: best.phase ?? phaseNow, scenarioAt: best.sentAt ?? state.clock.now };
	if (!best.mark)
		return {
			...base,
			...at,
			rule: `Message "${rubric.title}": awaiting an evaluator`,
			evidence,
			points: 0,
			pending: true
		};
	const marks = best.mark.marks;
	const parts = rubric.criteria.map((c) => `${c.label} ${marks[c.id] ?? 0}×${c.points}`);
	return {
		...base,
		...at,
		rule: `Message "${rubric.title}": ${parts.join(', ')}`,
		evidence: best.mark.note ? `${evidence} — ${best.mark.note}` : evidence,
		points: markPoints(rubric, marks)
	};
}

/** The team's message rubric entries, in the scenario's rubric order (overrides not applied). */
export function messageEntries(state: ExerciseState, teamId: TeamId): ScoreEntry[] {
	const rubrics = state.scenario.messageRubrics ?? [];
	if (rubrics.length === 0) return [];
	const sent = mapEntries(state.messages)
		.map(([, m]) => m)
		.filter((m) => m.teamId === teamId && m.status === 'sent')
		.sort((a, b) => a.seq - b.seq);
	const out: ScoreEntry[] = [];
	for (const rubric of rubrics) {
		const mine = sent.filter((m) => rubricFor(state.scenario, m)?.id === rubric.id);
		const e = entryFor(state, teamId, rubric, mine);
		if (e) out.push(e);
	}
	return out;
}
