import { describe, expect, it } from 'vitest';
import { buildAdhoc } from './adhoc';

function form(entries: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) for (const one of [v].flat()) data.append(k, one);
	return data;
}

const base = {
	title: 'Reporter calls',
	body: 'A journalist asks about outages.',
	channel: 'phone',
	audience: 'all'
};

describe('buildAdhoc', () => {
	it('sends to all teams and leaves empty optional fields out', () => {
		expect(buildAdhoc(form(base))).toEqual({
			command: {
				type: 'inject.adhoc',
				title: 'Reporter calls',
				body: 'A journalist asks about outages.',
				channel: 'phone',
				audience: 'all'
			}
		});
	});
	it('sends to the checked teams when the audience is chosen teams', () => {
		const result = buildAdhoc(
			form({ ...base, audience: 'teams', teams: ['comms', 'legal'], sender: 'Desk editor' })
		);
		expect(result).toMatchObject({ command: { audience: ['comms', 'legal'], sender: 'Desk editor' } });
	});
	it('asks for a team when chosen teams is empty', () => {
		expect(buildAdhoc(form({ ...base, audience: 'teams' }))).toEqual({
			error: 'Choose at least one team, or send it to all teams.'
		});
	});
	it('rejects a channel the engine does not know', () => {
		expect(buildAdhoc(form({ ...base, channel: 'fax' }))).toEqual({
			error: 'Choose the channel the inject arrives on.'
		});
	});
	it('names the title when it is missing', () => {
		expect(buildAdhoc(form({ ...base, title: ' ' }))).toEqual({ error: 'Give the inject a title.' });
	});
});
