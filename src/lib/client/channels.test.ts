import { describe, expect, it } from 'vitest';
import type { Channel, DeliveredInjectView } from '$lib/engine/types';
import { ALL_GROUP, CHANNEL_GROUPS, channelLabel, inGroup, newestFirst, unreadCounts } from './channels';

const item = (id: string, channel: Channel, scenarioAt = 0): DeliveredInjectView => ({
	id,
	title: id,
	body: '',
	channel,
	phase: 'p1',
	artifacts: [],
	scenarioAt,
	adhoc: false
});

describe('channels', () => {
	it('counts unread injects per group and in total, skipping seen ones', () => {
		const feed = [item('a', 'phone'), item('b', 'voicemail'), item('c', 'email'), item('d', 'email')];
		const counts = unreadCounts(feed, new Set(['d']));
		expect(counts).toMatchObject({ all: 3, calls: 2, email: 1, news: 0 });
	});

	it('files calls and voicemail under one tab', () => {
		const calls = CHANNEL_GROUPS.find((g) => g.id === 'calls')!;
		expect(inGroup(calls, 'voicemail')).toBe(true);
		expect(inGroup(calls, 'email')).toBe(false);
	});

	it('shows every channel under "All"', () => {
		expect(inGroup(ALL_GROUP, 'regulator')).toBe(true);
	});

	it('gives every channel a human label', () => {
		expect(channelLabel('regulator')).toBe('Regulator letter');
	});

	it('orders the feed newest first, stable on equal times', () => {
		const feed = [item('b', 'news', 10), item('a', 'news', 10), item('c', 'news', 30)];
		expect(newestFirst(feed).map((i) => i.id)).toEqual(['c', 'a', 'b']);
	});
});
