/** A message as the engine keeps it: the current draft, its status and every step, in scenario time. */
import type { MarkRecord } from '../state';
import type { MessageChannel, MessageStatus, TeamId } from '../types';

export interface MessageStep {
	kind: 'drafted' | 'submitted' | 'approved' | 'returned' | 'sent' | 'reply';
	scenarioAt: number;
	by?: string;
	teamId?: TeamId;
	comment?: string;
	persona?: string;
	body?: string;
	template?: string;
}

export interface MessageRecord {
	id: string;
	/** Log position of the input that created it (orders messages). */
	seq: number;
	/** The author team. */
	teamId: TeamId;
	channel: MessageChannel;
	to: string[];
	subject: string;
	body: string;
	attachments: string[];
	status: MessageStatus;
	/** The approving team of the route the message was submitted on. */
	approver?: TeamId;
	lastEditor?: string;
	editedAt: number;
	sentAt?: number;
	steps: MessageStep[];
	/** Hold clocks this message breached when it was sent (their `breaches` list a matching message). */
	breaches?: string[];
	/** The scenario phase current when it was sent (for scoring by phase). */
	phase?: string;
	/** An evaluator's latest marks against the message's rubric. */
	mark?: MarkRecord;
}

/** Longest subject and body accepted (characters), and most recipients and attachments. */
export const MAX_SUBJECT = 200;
export const MAX_BODY = 20_000;
export const MAX_RECIPIENTS = 12;
export const MAX_ATTACHMENTS = 10;

/** Channel names as people read them. */
export const CHANNEL_LABELS: Record<MessageChannel, string> = {
	email: 'Email',
	phone: 'Phone note',
	press: 'Press statement',
	filing: 'Regulator filing',
	chat: 'Chat'
};
