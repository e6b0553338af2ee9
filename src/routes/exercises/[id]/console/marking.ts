/** Which free-text answers the facilitator can mark against a rubric, pending ones first. */
import type { Decision, DecisionView, FacilitatorView, TeamDef } from '$lib/engine/types';

/** One team's free-text answer with the rubric to mark it by. */
export interface AnswerToMark {
	team: TeamDef;
	view: DecisionView;
	decision: Decision;
	/** True while the answer's score entry waits for an evaluator. */
	pending: boolean;
	/** Points the answer holds so far, once marked. */
	marked?: { points: number; maxPoints: number };
}

/** Score entries name their decision and team ("decision:d-scope:soc"); any entry for the pair counts. */
function entryIsFor(entryId: string, decisionId: string, teamId: string): boolean {
	const parts = entryId.split(':');
	return parts.includes(decisionId) && parts.includes(teamId);
}

/** Every answered text decision across the teams, unmarked answers first. */
export function answersToMark(view: Pick<FacilitatorView, 'teams' | 'decisions' | 'scores'>): AnswerToMark[] {
	const list: AnswerToMark[] = [];
	for (const panel of view.teams) {
		for (const d of panel.decisions) {
			const decision = view.decisions.find((x) => x.id === d.id);
			if (!decision || decision.type !== 'text' || !d.answer) continue;
			const entries = (view.scores[panel.team.id]?.entries ?? []).filter((e) =>
				entryIsFor(e.id, d.id, panel.team.id)
			);
			const pending = entries.some((e) => e.pending);
			const scored = entries.filter((e) => !e.pending && !e.id.startsWith('timeliness:'));
			const marked = scored.length
				? {
						points: scored.reduce((n, e) => n + e.points, 0),
						maxPoints: scored.reduce((n, e) => n + e.maxPoints, 0)
					}
				: undefined;
			list.push({ team: panel.team, view: d, decision, pending, ...(marked && !pending ? { marked } : {}) });
		}
	}
	return list.sort((a, b) => Number(b.pending) - Number(a.pending));
}
