/** Checking the ad-hoc inject form before it goes to the server (which checks again). */
import { CHANNELS, type Channel, type TeamId } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';
import type { WireCommand } from '$lib/realtime/contract';

const MAX_TITLE = 200;
const MAX_BODY = 8000;

/** The ad-hoc inject command, or a message naming the field that is wrong. */
export function buildAdhoc(
	data: FormData
): { command: Extract<WireCommand, { type: 'inject.adhoc' }> } | { error: string } {
	const text = (k: string) => String(data.get(k) ?? '').trim();
	const title = text('title');
	const body = text('body');
	const channel = text('channel') as Channel;
	const sender = text('sender');
	const notes = text('facilitatorNotes');
	const everyone = text('audience') === 'all';
	const teams = data.getAll('teams').map(String) as TeamId[];
	if (!title) return { error: m.console_adhoc_err_title() };
	if (title.length > MAX_TITLE)
		return { error: m.console_adhoc_err_title_long({ length: title.length, max: MAX_TITLE }) };
	if (!body) return { error: m.console_adhoc_err_body() };
	if (body.length > MAX_BODY)
		return { error: m.console_adhoc_err_body_long({ length: body.length, max: MAX_BODY }) };
	if (notes.length > MAX_BODY)
		return { error: m.console_adhoc_err_notes_long({ length: notes.length, max: MAX_BODY }) };
	if (!CHANNELS.includes(channel)) return { error: m.console_adhoc_err_channel() };
	if (!everyone && teams.length === 0) return { error: m.console_adhoc_err_teams() };
	return {
		command: {
			type: 'inject.adhoc',
			title,
			body,
			channel,
			audience: everyone ? 'all' : teams,
			...(sender ? { sender } : {}),
			...(notes ? { facilitatorNotes: notes } : {})
		}
	};
}
