import { describe, expect, it } from 'vitest';
import type { MessageView } from '$lib/engine/types';
import type { WireFacilitatorView } from '$lib/realtime/wire-view';
import { roomNews } from './room-news';

const inject = (id: string, channel: string, scenarioAt: number) => ({
	id,
	title: `Title ${id}`,
	body: 'secret body',
	channel,
	sender: 'The Ledger',
	phase: 'p1',
	artifacts: [],
	scenarioAt,
	adhoc: false
});
const message = (id: string, channel: string, status: MessageView['status']): MessageView => ({
	id,
	teamId: 'comms',
	teamName: 'Communications',
	channel: channel as MessageView['channel'],
	to: [{ id: 'reporter', name: 'Reporter', kind: 'persona' }],
	subject: `Subject ${id}`,
	body: `Body ${id}`,
	attachments: [],
	status,
	editedAt: 5,
	...(status === 'sent' ? { sentAt: 50 } : {}),
	steps: []
});

describe('room news', () => {
	it('shows public injects once and sent press statements, newest first; nothing private', () => {
		const view = {
			teams: [
				{
					team: { id: 'soc' },
					feed: [inject('story', 'news', 10), inject('memo', 'memo', 20)],
					decisions: []
				},
				{
					team: { id: 'comms' },
					feed: [inject('story', 'news', 10), inject('post', 'social', 30)],
					decisions: []
				}
			],
			messages: [
				message('m1', 'press', 'sent'),
				message('m2', 'press', 'submitted'),
				message('m3', 'email', 'sent')
			]
		} as unknown as WireFacilitatorView;
		const news = roomNews(view);
		expect(news.map((n) => [n.kind, n.title])).toEqual([
			['statement', 'Subject m1'],
			['news', 'Title post'],
			['news', 'Title story']
		]);
		expect(JSON.stringify(news)).not.toContain('secret body');
	});
});
