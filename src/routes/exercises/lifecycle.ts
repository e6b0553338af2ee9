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

/** The facilitator pages of an exercise. */
export type ExercisePage = 'lobby' | 'console' | 'review';

/** The page a facilitator most likely wants for an exercise in this state. */
export function mainPage(lifecycle: Lifecycle): ExercisePage {
	if (lifecycle === 'lobby' || lifecycle === 'briefing') return 'lobby';
	if (lifecycle === 'ended') return 'review';
	return 'console';
}
