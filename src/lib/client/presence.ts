/** Presence in the browser: the list staff got on sync, kept current with the changes pushed after it. */
import type { PresenceMember } from '$lib/realtime/contract';

/** The member list with changed members replaced in place and new ones added at the end. */
export function mergePresence(list: PresenceMember[], changed: PresenceMember[]): PresenceMember[] {
	const byId = new Map(changed.map((m) => [m.participantId, m]));
	const merged = list.map((m) => byId.get(m.participantId) ?? m);
	const known = new Set(list.map((m) => m.participantId));
	return [...merged, ...changed.filter((m) => !known.has(m.participantId))];
}
