/**
 * Checks a command against the exercise state it would apply to (time already advanced), so an invalid one
 * is rejected with a specific code before anything changes.
 */
import { adhocDecisionProblem, deliveredAt, findDecision } from './adhoc-decisions';
import { answerExtrasProblem, answerProblem } from './answers';
import { ratingProblem } from './evaluator-ratings';
import { undeliveredTeams } from './delivery';
import { decisionName, injectName, teamName } from './labels';
import { messageProblem } from './messages';
import { mapHas } from './persistent';
import { indexOf } from './scenario-index';
import { entryIds } from './scoring';
import { resolveJump } from './time-jump';
import type { ExerciseState } from './state';
import {
	CHANNELS,
	type Command,
	type EngineError,
	type EngineErrorCode,
	type Refusal,
	type TeamId
} from './types';

/** Longest note accepted (characters). */
export const MAX_NOTE = 8000;
/** Highest compression accepted: a scenario week per wall minute. */
export const MAX_COMPRESSION = 10_080;

function fail(code: EngineErrorCode, message: string, refusal?: Refusal): EngineError {
	return refusal ? { code, message, refusal } : { code, message };
}

/** `"Title"` (the engine's quoted names) → `Title`, for a refusal's parameters. */
const unquoted = (name: string) => name.replace(/^"(.*)"$/s, '$1');

function nonEmpty(v: unknown): v is string {
	return typeof v === 'string' && v.trim() !== '';
}

function teamProblem(state: ExerciseState, teamId: TeamId | undefined): EngineError | null {
	if (typeof teamId !== 'string' || !state.config.teams.includes(teamId))
		return fail(
			'team/not_in_exercise',
			typeof teamId === 'string' && state.scenario.teams.some((t) => t.id === teamId)
				? `${teamName(state, teamId)} is not taking part in this exercise.`
				: 'That team is not taking part in this exercise.',
			typeof teamId === 'string' && state.scenario.teams.some((t) => t.id === teamId)
				? { kind: 'team-not-playing', team: teamName(state, teamId) }
				: { kind: 'team-unknown' }
		);
	return null;
}

function injectOf(state: ExerciseState, injectId: string) {
	return indexOf(state.scenario).injects.get(injectId);
}

/** null when `command` can apply to `state`, else the error to return. */
export function validateCommand(state: ExerciseState, command: Command): EngineError | null {
	const ix = indexOf(state.scenario);
	const vars = state.config.variables;
	switch (command.type) {
		case 'exercise.setCompression': {
			const c = command.compression;
			if (typeof c !== 'number' || !Number.isFinite(c) || c <= 0 || c > MAX_COMPRESSION)
				return fail('command/invalid', `The speed must be a number above 0 and at most ${MAX_COMPRESSION}.`);
			return null;
		}
		case 'inject.release':
		case 'inject.hold':
		case 'inject.skip': {
			const inject = injectOf(state, command.injectId);
			if (!inject)
				return fail('inject/not_found', 'That inject is not in this scenario.', { kind: 'inject-not-found' });
			const name = injectName(state, inject.id, state.config.variables);
			const named = { inject: unquoted(name) };
			if (undeliveredTeams(state, inject).length === 0)
				return fail('command/invalid', `${name} has already reached every team it is meant for.`, {
					kind: 'inject-reached-all',
					...named
				});
			if (command.type === 'inject.hold' && state.holds[inject.id])
				return fail('command/invalid', `${name} is already on hold: it waits for you when it falls due.`, {
					kind: 'inject-already-held',
					...named
				});
			if (
				command.type === 'inject.skip' &&
				undeliveredTeams(state, inject).every((t) => state.skipped[inject.id]?.[t] !== undefined)
			)
				return fail('command/invalid', `${name} is already skipped.`, {
					kind: 'inject-already-skipped',
					...named
				});
			return null;
		}
		case 'inject.adhoc': {
			const a = command.inject;
			if (!a || !nonEmpty(a.id)) return fail('command/invalid', 'An ad-hoc inject needs an id.');
			if (ix.injects.has(a.id) || mapHas(state.adhoc, a.id))
				return fail(
					'command/invalid',
					'This inject was already sent (same id). Reload the console and try again.'
				);
			if (!nonEmpty(a.title) || typeof a.body !== 'string')
				return fail('command/invalid', 'An ad-hoc inject needs a title and a body.');
			if (!CHANNELS.includes(a.channel))
				return fail('command/invalid', 'Choose one of the channels an inject can arrive on.');
			if (a.audience !== 'all') {
				if (!Array.isArray(a.audience) || a.audience.length === 0)
					return fail('command/invalid', 'Send it to all teams or choose at least one team.');
				for (const t of a.audience) {
					const bad = teamProblem(state, t);
					if (bad) return bad;
				}
			}
			const question = a.decision === undefined ? null : adhocDecisionProblem(state, a.decision);
			return question ? fail('command/invalid', question) : null;
		}
		case 'answer.submit': {
			const bad = teamProblem(state, command.teamId);
			if (bad) return bad;
			const found = findDecision(state, command.decisionId);
			if (!found)
				return fail('decision/not_found', 'That decision is not in this exercise.', {
					kind: 'decision-not-found'
				});
			const asked = {
				decision: unquoted(decisionName(state, command.decisionId, vars)),
				team: teamName(state, command.teamId)
			};
			if (deliveredAt(state, found, command.teamId) === undefined)
				return fail(
					'decision/not_delivered',
					`${decisionName(state, command.decisionId, vars)} has not reached ${teamName(state, command.teamId)} yet.`,
					{ kind: 'decision-not-delivered', ...asked }
				);
			if (state.answers[command.teamId]?.[command.decisionId])
				return fail(
					'decision/already_answered',
					`${teamName(state, command.teamId)} has already answered ${decisionName(state, command.decisionId, vars)}.`,
					{ kind: 'decision-answered', ...asked }
				);
			const problem =
				answerProblem(found.decision, command.answer) ??
				answerExtrasProblem(found.decision, command.justification, command.confidence);
			// People read these: the decision by its prompt, never by its id.
			return problem
				? fail(
						'answer/invalid',
						problem.replaceAll(found.decision.id, decisionName(state, found.decision.id, vars))
					)
				: null;
		}
		case 'rubric.mark': {
			const bad = teamProblem(state, command.teamId);
			if (bad) return bad;
			const found = ix.decisions.get(command.decisionId);
			if (!found) return fail('decision/not_found', 'That decision is not in this exercise.');
			if (found.decision.rubric.length === 0)
				return fail(
					'command/invalid',
					`${decisionName(state, command.decisionId, vars)} has no rubric to mark.`
				);
			if (!state.answers[command.teamId]?.[command.decisionId])
				return fail(
					'command/invalid',
					`${teamName(state, command.teamId)} has not answered ${decisionName(state, command.decisionId, vars)} yet.`
				);
			const criteria = new Set(found.decision.rubric.map((c) => c.id));
			const marks = command.marks && typeof command.marks === 'object' ? Object.entries(command.marks) : [];
			if (marks.length === 0) return fail('command/invalid', 'Mark at least one criterion.');
			for (const [id, v] of marks) {
				if (!criteria.has(id))
					return fail(
						'command/invalid',
						`One of the marks is for a criterion ${decisionName(state, command.decisionId, vars)} does not have.`
					);
				if (typeof v !== 'number' || !(v >= 0 && v <= 1))
					return fail('command/invalid', 'Each mark must be a number from 0 to 1.');
			}
			return null;
		}
		case 'score.override': {
			const bad = teamProblem(state, command.teamId);
			if (bad) return bad;
			if (typeof command.points !== 'number' || !Number.isFinite(command.points))
				return fail('command/invalid', 'Enter the new points as a number.');
			if (!nonEmpty(command.reason)) return fail('command/invalid', 'Give the reason for the override.');
			if (!entryIds(state, command.teamId).has(command.entryId))
				return fail(
					'command/invalid',
					`${teamName(state, command.teamId)} has no such score entry; it may have changed. Choose it again.`
				);
			return null;
		}
		case 'rating.set': {
			return teamProblem(state, command.teamId) ?? ratingProblem(state, command);
		}
		case 'note.add': {
			if (!nonEmpty(command.noteId)) return fail('command/invalid', 'A note needs an id.');
			if (mapHas(state.noteIds, command.noteId))
				return fail('command/invalid', 'This note was already saved.');
			if (!nonEmpty(command.text)) return fail('command/invalid', 'The note is empty.');
			if (command.text.length > MAX_NOTE)
				return fail('command/invalid', `The note is longer than ${MAX_NOTE} characters.`);
			if (command.teamId !== undefined) {
				const bad = teamProblem(state, command.teamId);
				if (bad) return bad;
			}
			if (
				command.objectiveId !== undefined &&
				!state.scenario.objectives.some((o) => o.id === command.objectiveId)
			)
				return fail('command/invalid', 'That objective is not in this scenario.');
			return null;
		}
		case 'clock.jump': {
			const target = resolveJump(state, command.to);
			return 'error' in target ? fail('command/invalid', `Cannot jump: ${target.error}.`) : null;
		}
		case 'debrief.set': {
			const d = command.debrief;
			const flags = ['rationale', 'modelAnswers', 'otherTeams'] as const;
			if (!d || typeof d !== 'object' || flags.some((f) => typeof d[f] !== 'boolean'))
				return fail(
					'command/invalid',
					'the debrief needs rationale, modelAnswers and otherTeams as true or false'
				);
			return null;
		}
		case 'message.save':
		case 'message.submit':
		case 'message.approve':
		case 'message.return':
		case 'message.send':
		case 'message.reply':
		case 'message.mark':
			return messageProblem(state, command);
		default:
			return null;
	}
}
