/**
 * What the room's projector may show while the exercise runs: public injects (news and social posts that have
 * reached any team) and published statements (press statements a team has sent), newest first. Nothing a
 * team wrote privately, no drafts, no facilitator notes.
 */
import type { WireFacilitatorView } from '$lib/realtime/wire-view';

/** Inject channels that are public in the world of the exercise. */
const PUBLIC_CHANNELS = new Set(['news', 'social']);

export interface NewsItem {
	key: string;
	kind: 'news' | 'statement';
	scenarioAt: number;
	title: string;
	/** Who published it: a sender or a team. */
	source: string;
	body: string;
}

/** The room's news ticker for a facilitator view. */
export function roomNews(view: Pick<WireFacilitatorView, 'teams' | 'messages'>): NewsItem[] {
	const seen = new Set<string>();
	const items: NewsItem[] = [];
	for (const panel of view.teams)
		for (const item of panel.feed) {
			if (!PUBLIC_CHANNELS.has(item.channel) || seen.has(item.id)) continue;
			seen.add(item.id);
			items.push({
				key: `inject:${item.id}`,
				kind: 'news',
				scenarioAt: item.scenarioAt,
				title: item.title,
				source: item.sender ?? '',
				body: ''
			});
		}
	for (const m of view.messages)
		if (m.status === 'sent' && m.channel === 'press')
			items.push({
				key: `message:${m.id}`,
				kind: 'statement',
				scenarioAt: m.sentAt ?? m.editedAt,
				title: m.subject,
				source: m.teamName,
				body: m.body
			});
	return items.sort((a, b) => b.scenarioAt - a.scenarioAt);
}
