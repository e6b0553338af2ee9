/**
 * Evaluator-owned HSEEP ratings. The rating of a team on an objective is an evaluator's (or the facilitator's)
 * judgement against the capability target, set with `rating.set`, a required reason and the evidence cited;
 * the points-share rule only offers a suggestion (scoring/objectives.ts). The latest rating wins; every earlier
 * one stays in the input log and on the timeline as a `rated` entry.
 */
import { actorName } from './decisions';
import { listToArray } from './persistent';
import type { StepContext } from './scenario-clock';
import { setNested } from './schedule';
import type { ExerciseState } from './state';
import { record } from './timeline';
import {
	HSEEP_RATINGS,
	type Actor,
	type Command,
	type EngineError,
	type HseepRating,
	type RatingEvent
} from './types';

/** Longest reason accepted (characters). */
export const MAX_RATING_REASON = 2000;
/** Most evidence items one rating may cite, and the longest item (characters). */
export const MAX_RATING_EVIDENCE = 20;
export const MAX_EVIDENCE_ITEM = 300;

type RatingCommand = Extract<Command, { type: 'rating.set' }>;

const invalid = (message: string): EngineError => ({ code: 'command/invalid', message });

/** Why a rating cannot be recorded (the team and objective are checked by the caller), or null. */
export function ratingProblem(state: ExerciseState, c: RatingCommand): EngineError | null {
	const objective = state.scenario.objectives.find((o) => o.id === c.objectiveId);
	if (!objective) return invalid(`no objective "${c.objectiveId}" in this scenario`);
	if (!HSEEP_RATINGS.includes(c.rating)) return invalid('the rating must be P, S, M or U');
	if (typeof c.reason !== 'string' || c.reason.trim() === '')
		return invalid(`say why you rate "${objective.title}" ${c.rating}: a rating needs a reason`);
	if (c.reason.length > MAX_RATING_REASON)
		return invalid(`the reason is longer than ${MAX_RATING_REASON} characters`);
	if (!Array.isArray(c.evidence)) return invalid('evidence must be a list (it may be empty)');
	if (c.evidence.length > MAX_RATING_EVIDENCE)
		return invalid(`cite at most ${MAX_RATING_EVIDENCE} pieces of evidence`);
	if (c.evidence.some((e) => typeof e !== 'string' || e.trim() === '' || e.length > MAX_EVIDENCE_ITEM))
		return invalid(`each piece of evidence is a non-empty text of at most ${MAX_EVIDENCE_ITEM} characters`);
	return null;
}

/** Record the rating, replacing the team's earlier one on that objective, with a `rated` timeline entry. */
export function setRating(
	state: ExerciseState,
	c: RatingCommand,
	actor: Actor,
	ctx: StepContext
): ExerciseState {
	const now = state.clock.now;
	const rating = {
		rating: c.rating,
		reason: c.reason.trim(),
		evidence: c.evidence.map((e) => e.trim()),
		by: actorName(actor),
		at: ctx.at,
		scenarioAt: now
	};
	const s = { ...state, ratings: setNested(state.ratings ?? {}, c.teamId, c.objectiveId, rating) };
	return record(s, {
		...ctx,
		scenarioAt: now,
		kind: 'rated',
		teamId: c.teamId,
		objectiveId: c.objectiveId,
		// The rating, then who gave it: the timeline keeps each rating's author, not only the latest one's.
		detail: rating.by ? `${c.rating}\t${rating.by}` : c.rating
	});
}

/** Every rating given, oldest first, read back from the `rated` timeline records (reasons stay in the log). */
export function ratingHistory(state: ExerciseState): RatingEvent[] {
	return listToArray(state.timeline).flatMap((r): RatingEvent[] => {
		if (r.kind !== 'rated' || !r.teamId || !r.objectiveId) return [];
		const [rating, by] = (r.detail ?? '').split('\t');
		return [
			{
				teamId: r.teamId,
				objectiveId: r.objectiveId,
				rating: rating as HseepRating,
				...(by ? { by } : {}),
				at: r.at,
				scenarioAt: r.scenarioAt
			}
		];
	});
}
