/**
 * Commands and exercise states in words, for the messages people read when the engine refuses something:
 * "Injects cannot be released now: the exercise has ended." No command type or state id reaches a message.
 */
import type { Command, EngineError, Lifecycle } from './types';

/** What a command does, as the object of "cannot … now". */
const DOING: Record<Command['type'], string> = {
	'exercise.brief': 'The briefing cannot start',
	'exercise.start': 'The exercise cannot start',
	'exercise.pause': 'The exercise cannot be paused',
	'exercise.resume': 'The exercise cannot be resumed',
	'exercise.setCompression': 'The speed cannot be changed',
	'exercise.hotwash': 'The hot wash cannot start',
	'exercise.end': 'The exercise cannot be ended',
	'clock.tick': 'The scenario clock cannot move',
	'clock.jump': 'The scenario clock cannot jump',
	'inject.release': 'Injects cannot be released',
	'inject.hold': 'Injects cannot be held',
	'inject.skip': 'Injects cannot be skipped',
	'inject.adhoc': 'Ad-hoc injects cannot be sent',
	'answer.submit': 'Answers cannot be sent',
	'rubric.mark': 'Answers cannot be marked',
	'score.override': 'Scores cannot be overridden',
	'note.add': 'Notes cannot be added',
	'debrief.set': 'What teams see after the end cannot be changed',
	'rating.set': 'Objectives cannot be rated',
	'message.save': 'Messages cannot be saved',
	'message.submit': 'Messages cannot be submitted for approval',
	'message.approve': 'Messages cannot be approved',
	'message.return': 'Messages cannot be returned',
	'message.send': 'Messages cannot be sent',
	'message.reply': 'Replies cannot be sent',
	'message.mark': 'Messages cannot be marked'
};

/** Where the exercise stands, completing "the exercise …". */
export const LIFECYCLE_WORDS: Record<Lifecycle, string> = {
	lobby: 'has not started yet',
	briefing: 'is still in its briefing',
	running: 'is running',
	paused: 'is paused',
	hotwash: 'is in its hot wash',
	ended: 'has ended'
};

/** The refusal for a command the exercise's current state does not accept. */
export function notNowMessage(type: Command['type'], lifecycle: Lifecycle): string {
	return `${DOING[type] ?? 'That cannot be done'} now: the exercise ${LIFECYCLE_WORDS[lifecycle]}.`;
}

/** That refusal as an error: the English message plus its data, which the server words in the reader's language. */
export function notNow(type: Command['type'], lifecycle: Lifecycle): EngineError {
	return {
		code: 'command/invalid_state',
		message: notNowMessage(type, lifecycle),
		refusal: { kind: 'not-now', command: type, lifecycle }
	};
}
