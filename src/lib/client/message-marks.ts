/** Which messages staff can mark: sent ones whose view carries a rubric (evaluators and the facilitator only). */
import type { MessageView } from '$lib/engine/types';

export type MarkableMessage = MessageView & { rubric: NonNullable<MessageView['rubric']> };

/** The message, typed as carrying its rubric, or null when it has none to mark against. */
export function markable(message: MessageView): MarkableMessage | null {
	return message.rubric && message.status === 'sent' ? (message as MarkableMessage) : null;
}
