/** Words for messages on every screen: channels, statuses and each step of a message's history. */
import { inWorldLabel } from '$lib/engine/calendar';
import { CHANNEL_LABELS } from '$lib/engine/messages/record';
import type { MessageStatus, MessageStepView, MessageView } from '$lib/engine/types';

export { CHANNEL_LABELS };

export const STATUS_LABELS: Record<MessageStatus, string> = {
	draft: 'Draft',
	submitted: 'Waiting for approval',
	approved: 'Approved, not sent yet',
	returned: 'Sent back',
	sent: 'Sent'
};

/** "Approved by Executive leadership (Sam): "Fine"", without the time. */
export function stepWords(s: MessageStepView, teamName: (id: string) => string): string {
	const by = s.by ? ` (${s.by})` : '';
	const team = s.teamId ? teamName(s.teamId) : '';
	switch (s.kind) {
		case 'drafted':
			return `Drafted by ${team || 'the team'}${by}`;
		case 'submitted':
			return `Submitted for approval${by}`;
		case 'approved':
			return `Approved by ${team}${by}${s.comment ? `: “${s.comment}”` : ''}`;
		case 'returned':
			return `Sent back by ${team}${by}: “${s.comment ?? ''}”`;
		case 'sent':
			return `Sent${by}`;
		case 'reply':
			return `Reply from ${s.personaName ?? 'the recipient'}`;
	}
}

/** The in-world time of a step: "Tue 1 Oct 10:40". */
export function stepTime(startsAt: string, s: MessageStepView): string {
	return inWorldLabel(startsAt, s.scenarioAt);
}

/** "To USSS and FBI, Legal" or "No recipient yet". */
export function recipientsText(m: Pick<MessageView, 'to'>): string {
	return m.to.length ? `To ${m.to.map((r) => r.name).join(', ')}` : 'No recipient yet';
}
