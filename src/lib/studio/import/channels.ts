/** The scenario channel an imported "channel" or "method" word stands for. */
import { CHANNELS, type Channel } from '$lib/engine/types';

const WORDS: [RegExp, Channel][] = [
	[/voice ?mail/, 'voicemail'],
	[/e-?mail|mail|outlook/, 'email'],
	[/phone|call|telephone|radio|sms|text message/, 'phone'],
	[/news|media|press|tv|television|article|broadcast/, 'news'],
	[/ticket|jira|servicenow|helpdesk|service desk/, 'ticket'],
	[/log|siem|alert|syslog|monitoring|dashboard/, 'log'],
	[/regulator|regulatory|authority|fcc|ofcom|sec filing/, 'regulator'],
	[/social|twitter|tweet|x\.com|facebook|linkedin|reddit|post/, 'social'],
	[/memo|letter|paper|handout|document|fax|report/, 'memo'],
	[/chat|slack|teams|instant message|im\b|whatsapp|signal/, 'chat'],
	[/brief|verbal|in person|face to face|face-to-face|meeting|announcement|video|inject card|card/, 'briefing']
];

/** The channel for a word, and whether it was recognised (unknown words become a briefing). */
export function channelFor(text: string): { channel: Channel; known: boolean } {
	const word = text.trim().toLowerCase();
	if ((CHANNELS as readonly string[]).includes(word)) return { channel: word as Channel, known: true };
	const found = WORDS.find(([pattern]) => pattern.test(word));
	return found ? { channel: found[1], known: true } : { channel: 'briefing', known: false };
}
