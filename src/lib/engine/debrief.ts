/**
 * The debrief: what a team's view carries once the exercise has ended. Always its own score, with each entry's
 * rule and evidence but the scenario's rationale only when the settings share it; with `modelAnswers`, the best
 * answer to every decision it received (never rubric guidance); with `otherTeams`, the other teams' names,
 * totals and final objective ratings (never their answers). Before the end a team's view has none of this.
 */
import { teamName } from './labels';
import { scoresOf } from './scoring';
import type { ExerciseState } from './state';
import { fill } from './templates';
import { modelAnswer } from './scoring/model-answer';
import type { DebriefAnswer, DebriefSettings, TeamDebrief, TeamId, TeamScore } from './types';

type Vars = Record<string, string>;

/** The settings in force: the facilitator's choice, else the scenario's. */
export function debriefOf(state: ExerciseState): DebriefSettings {
	return state.debrief ?? state.scenario.debrief;
}

/** The best answer to each decision delivered to the team, in scenario order. */
function modelAnswers(state: ExerciseState, teamId: TeamId, vars: Vars): DebriefAnswer[] {
	const delivered = state.delivered[teamId] ?? {};
	const out: DebriefAnswer[] = [];
	for (const inject of state.scenario.injects) {
		const d = inject.decision;
		if (!d || delivered[inject.id] === undefined) continue;
		out.push({ prompt: fill(d.prompt, vars), answer: modelAnswer(d, vars) });
	}
	return out;
}

/** The team's own score as its debrief shows it: rationale removed unless shared. */
export function debriefScore(score: TeamScore, settings: DebriefSettings): TeamScore {
	if (settings.rationale) return score;
	return {
		...score,
		entries: score.entries.map((e) => {
			if (e.rationale === undefined) return e;
			const { rationale: _hidden, ...rest } = e;
			return rest;
		})
	};
}

/** What the team's view carries after EndEx besides its own score. */
export function teamDebrief(state: ExerciseState, teamId: TeamId, vars: Vars): TeamDebrief {
	const settings = debriefOf(state);
	const out: TeamDebrief = { settings: { ...settings } };
	if (settings.modelAnswers) out.modelAnswers = modelAnswers(state, teamId, vars);
	if (settings.otherTeams) {
		const scores = scoresOf(state);
		out.otherTeams = state.config.teams
			.filter((t) => t !== teamId)
			.map((t) => ({
				teamId: t,
				name: fill(teamName(state, t), vars),
				total: { ...scores[t].total },
				ratings: Object.fromEntries(Object.entries(scores[t].byObjective).map(([id, o]) => [id, o.rating]))
			}));
	}
	return out;
}
