/**
 * Checks a command against the exercise state it would apply to (time already advanced), so an invalid one
 * is rejected with a specific code before anything changes.
 */
import { answerExtrasProblem, answerProblem } from './answers';
import { ratingProblem } from './evaluator-ratings';
import { undeliveredTeams } from './delivery';
import { messageProblem } from './messages';
import { mapHas } from './persistent';
import { indexOf } from './scenario-index';
import { entryIds } from './scoring';
import { resolveJump } from './time-jump';
import type { ExerciseState } from './state';
import { CHANNELS, type Command, type EngineError, type EngineErrorCode, type TeamId } from './types';

/** Longest note accepted (characters). */
export const MAX_NOTE = 8000;
/** Highest compression accepted: a scenario week per wall minute. */
export const MAX_COMPRESSION = 10_080;

function fail(code: EngineErrorCode, message: string): EngineError {
	return { code, message };
}

function nonEmpty(v: unknown): v is string {
	return typeof v === 'string' && v.trim() !== '';
}

function teamProblem(state: ExerciseState, teamId: TeamId | undefined): EngineError | null {
	if (typeof teamId !== 'string' || !state.config.teams.includes(teamId))
		return fail('team/not_in_exercise', `team "${teamId}" is not taking part in this exercise`);
	return null;
}

function injectOf(state: ExerciseState, injectId: string) {
	return indexOf(state.scenario).injects.get(injectId);
}

/** null when `command` can apply to `state`, else the error to return. */
export function validateCommand(state: ExerciseState, command: Command): EngineError | null {
	const ix = indexOf(state.scenario);
	switch (command.type) {
		case 'exercise.setCompression': {
			const c = command.compression;
			if (typeof c !== 'number' || !Number.isFinite(c) || c <= 0 || c > MAX_COMPRESSION)
				return fail('command/invalid', `compression must be a number above 0 and at most ${MAX_COMPRESSION}`);
			return null;
		}
		case 'inject.release':
		case 'inject.hold':
		case 'inject.skip': {
			const inject = injectOf(state, command.injectId);
			if (!inject) return fail('inject/not_found', `no inject "${command.injectId}" in this scenario`);
			if (undeliveredTeams(state, inject).length === 0)
				return fail('command/invalid', `"${inject.id}" has already reached every team in its audience`);
			if (command.type === 'inject.hold' && state.holds[inject.id])
				return fail('command/invalid', `"${inject.id}" is already on hold`);
			if (
				command.type === 'inject.skip' &&
				undeliveredTeams(state, inject).every((t) => state.skipped[inject.id]?.[t] !== undefined)
			)
				return fail('command/invalid', `"${inject.id}" is already skipped`);
			return null;
		}
		case 'inject.adhoc': {
			const a = command.inject;
			if (!a || !nonEmpty(a.id)) return fail('command/invalid', 'an ad-hoc inject needs an id');
			if (ix.injects.has(a.id) || mapHas(state.adhoc, a.id))
				return fail('command/invalid', `inject id "${a.id}" is already used`);
			if (!nonEmpty(a.title) || typeof a.body !== 'string')
				return fail('command/invalid', 'an ad-hoc inject needs a title and a body');
			if (!CHANNELS.includes(a.channel)) return fail('command/invalid', `unknown channel "${a.channel}"`);
			if (a.audience !== 'all') {
				if (!Array.isArray(a.audience) || a.audience.length === 0)
					return fail('command/invalid', 'audience must be "all" or a list of teams');
				for (const t of a.audience) {
					const bad = teamProblem(state, t);
					if (bad) return bad;
				}
			}
			return null;
		}
		case 'answer.submit': {
			const bad = teamProblem(state, command.teamId);
			if (bad) return bad;
			const found = ix.decisions.get(command.decisionId);
			if (!found) return fail('decision/not_found', `no decision "${command.decisionId}" in this scenario`);
			if (state.delivered[command.teamId]?.[found.inject.id] === undefined)
				return fail(
					'decision/not_delivered',
					`decision "${command.decisionId}" has not reached ${command.teamId}`
				);
			if (state.answers[command.teamId]?.[command.decisionId])
				return fail(
					'decision/already_answered',
					`${command.teamId} has already answered "${command.decisionId}"`
				);
			const problem =
				answerProblem(found.decision, command.answer) ??
				answerExtrasProblem(found.decision, command.justification, command.confidence);
			return problem ? fail('answer/invalid', problem) : null;
		}
		case 'rubric.mark': {
			const bad = teamProblem(state, command.teamId);
			if (bad) return bad;
			const found = ix.decisions.get(command.decisionId);
			if (!found) return fail('decision/not_found', `no decision "${command.decisionId}" in this scenario`);
			if (found.decision.rubric.length === 0)
				return fail('command/invalid', `decision "${command.decisionId}" has no rubric to mark`);
			if (!state.answers[command.teamId]?.[command.decisionId])
				return fail('command/invalid', `${command.teamId} has not answered "${command.decisionId}" yet`);
			const criteria = new Set(found.decision.rubric.map((c) => c.id));
			const marks = command.marks && typeof command.marks === 'object' ? Object.entries(command.marks) : [];
			if (marks.length === 0) return fail('command/invalid', 'no marks given');
			for (const [id, v] of marks) {
				if (!criteria.has(id))
					return fail('command/invalid', `"${id}" is not a criterion of "${command.decisionId}"`);
				if (typeof v !== 'number' || !(v >= 0 && v <= 1))
					return fail('command/invalid', `mark for "${id}" must be a number from 0 to 1`);
			}
			return null;
		}
		case 'score.override': {
			const bad = teamProblem(state, command.teamId);
			if (bad) return bad;
			if (typeof command.points !== 'number' || !Number.isFinite(command.points))
				return fail('command/invalid', 'override points must be a finite number');
			if (!nonEmpty(command.reason)) return fail('command/invalid', 'an override needs a reason');
			if (!entryIds(state, command.teamId).has(command.entryId))
				return fail('command/invalid', `${command.teamId} has no score entry "${command.entryId}"`);
			return null;
		}
		case 'rating.set': {
			return teamProblem(state, command.teamId) ?? ratingProblem(state, command);
		}
		case 'note.add': {
			if (!nonEmpty(command.noteId)) return fail('command/invalid', 'a note needs an id');
			if (mapHas(state.noteIds, command.noteId))
				return fail('command/invalid', `note "${command.noteId}" already exists`);
			if (!nonEmpty(command.text)) return fail('command/invalid', 'the note is empty');
			if (command.text.length > MAX_NOTE)
				return fail('command/invalid', `the note is longer than ${MAX_NOTE} characters`);
			if (command.teamId !== undefined) {
				const bad = teamProblem(state, command.teamId);
				if (bad) return bad;
			}
			if (
				command.objectiveId !== undefined &&
				!state.scenario.objectives.some((o) => o.id === command.objectiveId)
			)
				return fail('command/invalid', `no objective "${command.objectiveId}" in this scenario`);
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
			return messageProblem(state, command);
		default:
			return null;
	}
}
