import { describe, expect, it } from 'vitest';
import { roomTeams } from './room-teams';

const teams = [
	{ id: 'soc', name: 'Security operations' },
	{ id: 'comms', name: 'Communications' }
] as Parameters<typeof roomTeams>[0];

const member = (participantId: string, name: string, teamId: string | null) =>
	({ participantId, name, teamId, connected: true }) as Parameters<typeof roomTeams>[1][number];

describe('roomTeams', () => {
	it('lists every team, empty ones too, with the names of the people in it', () => {
		const room = roomTeams(teams, [member('p1', 'Ana', 'soc'), member('p2', 'Bo', 'soc')]);
		expect(room.teams).toEqual([
			{ id: 'soc', name: 'Security operations', names: ['Ana', 'Bo'] },
			{ id: 'comms', name: 'Communications', names: [] }
		]);
		expect(room.total).toBe(2);
	});
	it('counts people waiting to be placed (no team, or a team not playing) without naming a team', () => {
		const room = roomTeams(teams, [member('p1', 'Ana', null), member('p2', 'Bo', 'legal')]);
		expect(room.unplaced).toBe(2);
		expect(room.teams.every((t) => t.names.length === 0)).toBe(true);
	});
});
