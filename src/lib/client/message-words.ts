/** Words for messages on every screen: channels, statuses and each step of a message's history. */
import { formatInWorld } from './scenario-time';
import type { MessageChannel, MessageStatus, MessageStepView, MessageView } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

const CHANNEL_WORDS: Record<MessageChannel, () => string> = {
	email: m.mchannel_email,
	phone: m.mchannel_phone,
	press: m.mchannel_press,
	filing: m.mchannel_filing,
	chat: m.mchannel_chat
};
const STATUS_WORDS: Record<MessageStatus, () => string> = {
	draft: m.mstatus_draft,
	submitted: m.mstatus_submitted,
	approved: m.mstatus_approved,
	returned: m.mstatus_returned,
	sent: m.mstatus_sent
};

/** Read like a record (`CHANNEL_LABELS.email`), worded in the current language at each read. */
const wordsOf = <K extends string>(words: Record<K, () => string>): Record<K, string> =>
	new Proxy(words, {
		get: (target, key) => (target as Record<string | symbol, () => string>)[key]?.()
	}) as never;

export const CHANNEL_LABELS: Record<MessageChannel, string> = wordsOf(CHANNEL_WORDS);

export const STATUS_LABELS: Record<MessageStatus, string> = wordsOf(STATUS_WORDS);

/** "Approved by Executive leadership (Sam): "Fine"", without the time. */
export function stepWords(s: MessageStepView, teamName: (id: string) => string): string {
	const by = s.by ? ` (${s.by})` : '';
	const team = s.teamId ? teamName(s.teamId) : '';
	switch (s.kind) {
		case 'drafted':
			return m.mstep_drafted({ team: team || m.mstep_the_team(), by });
		case 'submitted':
			return m.mstep_submitted({ by });
		case 'approved':
			return s.comment
				? m.mstep_approved_comment({ team, by, comment: s.comment })
				: m.mstep_approved({ team, by });
		case 'returned':
			return m.mstep_returned({ team, by, comment: s.comment ?? '' });
		case 'sent':
			return m.mstep_sent({ by });
		case 'reply':
			return m.mstep_reply({ name: s.personaName ?? m.mstep_the_recipient() });
	}
}

/** The in-world time of a step: "Tue 1 Oct 10:40". */
export function stepTime(startsAt: string, s: MessageStepView): string {
	return formatInWorld(startsAt, s.scenarioAt);
}

/** "To USSS and FBI, Legal" or "No recipient yet". */
export function recipientsText(message: Pick<MessageView, 'to'>): string {
	return message.to.length
		? m.mrecipients_to({ names: message.to.map((r) => r.name).join(', ') })
		: m.mrecipients_none();
}
