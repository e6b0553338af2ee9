/** The in-world channels as the feed shows them: labels, filter groups and unread counts. */
import type { Channel } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

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
	{
		id: 'email',
		get label() {
			return m.group_email();
		},
		channels: ['email']
	},
	{
		id: 'news',
		get label() {
			return m.group_news();
		},
		channels: ['news']
	},
	{
		id: 'ticket',
		get label() {
			return m.group_ticket();
		},
		channels: ['ticket']
	},
	{
		id: 'log',
		get label() {
			return m.group_log();
		},
		channels: ['log']
	},
	{
		id: 'regulator',
		get label() {
			return m.group_regulator();
		},
		channels: ['regulator']
	},
	{
		id: 'calls',
		get label() {
			return m.group_calls();
		},
		channels: ['phone', 'voicemail']
	},
	{
		id: 'social',
		get label() {
			return m.group_social();
		},
		channels: ['social']
	},
	{
		id: 'memo',
		get label() {
			return m.group_memo();
		},
		channels: ['memo', 'briefing']
	},
	{
		id: 'chat',
		get label() {
			return m.group_chat();
		},
		channels: ['chat']
	}
];

/** The pseudo-group that shows every channel. */
export const ALL_GROUP: ChannelGroup = {
	id: 'all',
	get label() {
		return m.group_all();
	},
	channels: []
};

const LABELS: Record<Channel, () => string> = {
	email: m.channel_email,
	news: m.channel_news,
	ticket: m.channel_ticket,
	log: m.channel_log,
	phone: m.channel_phone,
	voicemail: m.channel_voicemail,
	regulator: m.channel_regulator,
	social: m.channel_social,
	memo: m.channel_memo,
	chat: m.channel_chat,
	briefing: m.channel_briefing
};

/** The human name of one channel, e.g. "Regulator letter". */
export function channelLabel(channel: Channel): string {
	return LABELS[channel]?.() ?? channel;
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
