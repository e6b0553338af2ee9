/** The in-world channels as the feed shows them: labels, filter groups and unread counts. */
import type { Channel } from '$lib/engine/types';

/** What the feed helpers read of an inject (the engine's view or the wire's). */
type FeedItem = { id: string; channel: Channel; scenarioAt: number };

/** A filter tab of the feed: one or more channels shown together. */
export interface ChannelGroup {
	id: string;
	label: string;
	channels: Channel[];
}

/** The feed's filters in display order; "all" comes first and is not listed here. */
export const CHANNEL_GROUPS: readonly ChannelGroup[] = [
	{ id: 'email', label: 'Inbox', channels: ['email'] },
	{ id: 'news', label: 'News', channels: ['news'] },
	{ id: 'ticket', label: 'Tickets', channels: ['ticket'] },
	{ id: 'log', label: 'Logs', channels: ['log'] },
	{ id: 'regulator', label: 'Regulators', channels: ['regulator'] },
	{ id: 'calls', label: 'Calls & voicemail', channels: ['phone', 'voicemail'] },
	{ id: 'social', label: 'Social', channels: ['social'] },
	{ id: 'memo', label: 'Memos & briefings', channels: ['memo', 'briefing'] },
	{ id: 'chat', label: 'Chat', channels: ['chat'] }
];

/** The pseudo-group that shows every channel. */
export const ALL_GROUP: ChannelGroup = { id: 'all', label: 'All', channels: [] };

const LABELS: Record<Channel, string> = {
	email: 'Email',
	news: 'News',
	ticket: 'Ticket',
	log: 'Log alert',
	phone: 'Phone call',
	voicemail: 'Voicemail',
	regulator: 'Regulator letter',
	social: 'Social media',
	memo: 'Memo',
	chat: 'Chat',
	briefing: 'Briefing'
};

/** The human name of one channel, e.g. "Regulator letter". */
export function channelLabel(channel: Channel): string {
	return LABELS[channel] ?? channel;
}

/** Whether an inject belongs in a filter group. */
export function inGroup(group: ChannelGroup, channel: Channel): boolean {
	return group.id === ALL_GROUP.id || group.channels.includes(channel);
}

/** Unread injects per group id (including "all"), given the ids already seen. */
export function unreadCounts(feed: FeedItem[], seen: ReadonlySet<string>): Record<string, number> {
	const counts: Record<string, number> = { [ALL_GROUP.id]: 0 };
	for (const group of CHANNEL_GROUPS) counts[group.id] = 0;
	for (const item of feed) {
		if (seen.has(item.id)) continue;
		counts[ALL_GROUP.id]++;
		for (const group of CHANNEL_GROUPS) if (group.channels.includes(item.channel)) counts[group.id]++;
	}
	return counts;
}

/** Newest first, ties broken by id so the order is stable between renders. */
export function newestFirst<T extends FeedItem>(feed: T[]): T[] {
	return [...feed].sort((a, b) => b.scenarioAt - a.scenarioAt || a.id.localeCompare(b.id));
}
