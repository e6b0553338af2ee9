/** Who is in which team, as the room view shows it: names only, in the order people joined. */
import type { TeamDef } from '$lib/engine/types';
import type { PresenceMember } from '$lib/realtime/contract';

export interface RoomTeams {
	teams: { id: string; name: string; names: string[] }[];
	/** People who joined but left their team to the facilitator. */
	unplaced: number;
	total: number;
}

export function roomTeams(teams: TeamDef[], members: PresenceMember[]): RoomTeams {
	const known = new Set(teams.map((t) => t.id));
	return {
		teams: teams.map((t) => ({
			id: t.id,
			name: t.name,
			names: members.filter((m) => m.teamId === t.id).map((m) => m.name)
		})),
		unplaced: members.filter((m) => !m.teamId || !known.has(m.teamId)).length,
		total: members.length
	};
}
