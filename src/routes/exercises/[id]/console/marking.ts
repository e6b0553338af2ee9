/**
 * Which answers the facilitator can mark against a rubric, pending ones first: free-text answers, and the
 * reasoning behind justified choices (marked as its own `justification:` score entry).
 */
import { describeAnswer } from '$lib/client/answers';
import { hasRubric, rubricEntryId } from '$lib/client/rubric-marks';
import type { Decision, DecisionView, TeamDef } from '$lib/engine/types';
import type { WireFacilitatorView } from '$lib/realtime/wire-view';

/** One team's answer with the rubric to mark it by. */
export interface AnswerToMark {
	team: TeamDef;
	view: DecisionView;
	decision: Decision;
	/** What the rubric marks: the text answer, or the team's reasoning. */
	text: string;
	/** For a justified choice: the choice the reasoning is about, in words. */
	choice?: string;
	/** True while the marked score entry waits for an evaluator. */
	pending: boolean;
	/** Points the marked entry holds so far, once marked. */
	marked?: { points: number; maxPoints: number };
}

/** Every answered decision with a rubric across the teams, unmarked answers first. */
export function answersToMark(
	view: Pick<WireFacilitatorView, 'teams' | 'decisions' | 'scores'>
): AnswerToMark[] {
	const list: AnswerToMark[] = [];
	for (const panel of view.teams) {
		for (const d of panel.decisions) {
			const decision = view.decisions.find((x) => x.id === d.id);
			if (!decision || !hasRubric(decision) || !d.answer) continue;
			const entry = view.scores[panel.team.id]?.entries.find(
				(e) => e.id === rubricEntryId(decision, panel.team.id)
			);
			const pending = entry?.pending ?? false;
			const value = d.answer.value;
			list.push({
				team: panel.team,
				view: d,
				decision,
				text: value.type === 'text' ? value.text : (d.answer.justification ?? ''),
				...(value.type === 'text' ? {} : { choice: describeAnswer(d, value) }),
				pending,
				...(entry && !pending ? { marked: { points: entry.points, maxPoints: entry.maxPoints } } : {})
			});
		}
	}
	return list.sort((a, b) => Number(b.pending) - Number(a.pending));
}
