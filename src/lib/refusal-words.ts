/**
 * Refusals in the reader's language. The engine says what was refused and why as data (`Refusal`: a kind and
 * names as people read them); this module words it in the language of the connection that asked, which the
 * socket server knows from the handshake (the language cookie, else Accept-Language, else English).
 */
import type { Command, Lifecycle, Refusal } from '$lib/engine/types';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/** Refusals the server adds at the edge (sign-in, seats, unexpected errors); the engine never makes these. */
export type EdgeRefusal = {
	kind: 'server-error' | 'signed-out' | 'other-exercise' | 'no-team' | 'facilitator-only-move';
};

type Say = { locale: Locale };

const DOING: Record<Command['type'], (i: object, o: Say) => string> = {
	'exercise.brief': m.refusal_doing_exercise_brief,
	'exercise.start': m.refusal_doing_exercise_start,
	'exercise.pause': m.refusal_doing_exercise_pause,
	'exercise.resume': m.refusal_doing_exercise_resume,
	'exercise.setCompression': m.refusal_doing_exercise_speed,
	'exercise.hotwash': m.refusal_doing_exercise_hotwash,
	'exercise.end': m.refusal_doing_exercise_end,
	'clock.tick': m.refusal_doing_clock_tick,
	'clock.jump': m.refusal_doing_clock_jump,
	'inject.release': m.refusal_doing_inject_release,
	'inject.hold': m.refusal_doing_inject_hold,
	'inject.skip': m.refusal_doing_inject_skip,
	'inject.adhoc': m.refusal_doing_inject_adhoc,
	'answer.submit': m.refusal_doing_answer_submit,
	'rubric.mark': m.refusal_doing_rubric_mark,
	'score.override': m.refusal_doing_score_override,
	'note.add': m.refusal_doing_note_add,
	'debrief.set': m.refusal_doing_debrief_set,
	'rating.set': m.refusal_doing_rating_set,
	'message.save': m.refusal_doing_message_save,
	'message.submit': m.refusal_doing_message_submit,
	'message.approve': m.refusal_doing_message_approve,
	'message.return': m.refusal_doing_message_return,
	'message.send': m.refusal_doing_message_send,
	'message.reply': m.refusal_doing_message_reply,
	'message.mark': m.refusal_doing_message_mark
};

const STATE: Record<Lifecycle, (i: object, o: Say) => string> = {
	lobby: m.refusal_state_lobby,
	briefing: m.refusal_state_briefing,
	running: m.refusal_state_running,
	paused: m.refusal_state_paused,
	hotwash: m.refusal_state_hotwash,
	ended: m.refusal_state_ended
};

/** One refusal as a sentence in `locale`. */
export function refusalWords(refusal: Refusal | EdgeRefusal, locale: Locale): string {
	const say: Say = { locale };
	switch (refusal.kind) {
		case 'not-now':
			return m.refusal_not_now(
				{
					doing: (DOING[refusal.command] ?? m.refusal_doing_other)({}, say),
					state: STATE[refusal.lifecycle]({}, say)
				},
				say
			);
		case 'inject-not-found':
			return m.refusal_inject_not_found({}, say);
		case 'inject-reached-all':
			return m.refusal_inject_reached_all({ inject: refusal.inject }, say);
		case 'inject-already-held':
			return m.refusal_inject_already_held({ inject: refusal.inject }, say);
		case 'inject-already-skipped':
			return m.refusal_inject_already_skipped({ inject: refusal.inject }, say);
		case 'decision-not-found':
			return m.refusal_decision_not_found({}, say);
		case 'decision-not-delivered':
			return m.refusal_decision_not_delivered({ decision: refusal.decision, team: refusal.team }, say);
		case 'decision-answered':
			return m.refusal_decision_answered({ decision: refusal.decision, team: refusal.team }, say);
		case 'team-not-playing':
			return m.refusal_team_not_playing({ team: refusal.team }, say);
		case 'team-unknown':
			return m.refusal_team_unknown({}, say);
		case 'server-error':
			return m.refusal_server_error({}, say);
		case 'signed-out':
			return m.refusal_signed_out({}, say);
		case 'other-exercise':
			return m.refusal_other_exercise({}, say);
		case 'no-team':
			return m.refusal_no_team({}, say);
		case 'facilitator-only-move':
			return m.refusal_facilitator_only_move({}, say);
	}
}
