/** How an exercise's lifecycle reads in lists and headers, and which facilitator page fits it best. */
import type { Lifecycle } from '$lib/engine/types';

/** Lifecycle names as shown to facilitators. */
export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
	lobby: 'In lobby',
	briefing: 'Briefing',
	running: 'Running',
	paused: 'Paused',
	hotwash: 'Hot wash',
	ended: 'Ended'
};

/** The page a facilitator most likely wants for an exercise in this state. */
export function mainPage(id: string, lifecycle: Lifecycle): { href: string; label: string } {
	if (lifecycle === 'lobby' || lifecycle === 'briefing') return { href: `/exercises/${id}/lobby`, label: 'Lobby' };
	if (lifecycle === 'ended') return { href: `/exercises/${id}/review`, label: 'Review' };
	return { href: `/exercises/${id}/console`, label: 'Console' };
}
