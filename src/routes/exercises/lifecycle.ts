/** How an exercise's lifecycle reads in lists and headers, and which facilitator page fits it best. */
import type { Lifecycle } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

/** Lifecycle names as shown to facilitators. */
export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
	get lobby() {
		return m.lifecycle_in_lobby();
	},
	get briefing() {
		return m.lifecycle_briefing();
	},
	get running() {
		return m.lifecycle_running();
	},
	get paused() {
		return m.lifecycle_paused();
	},
	get hotwash() {
		return m.lifecycle_hotwash();
	},
	get ended() {
		return m.lifecycle_ended();
	}
};

/** The facilitator pages of an exercise. */
export type ExercisePage = 'lobby' | 'console' | 'review';

/** The page a facilitator most likely wants for an exercise in this state. */
export function mainPage(lifecycle: Lifecycle): ExercisePage {
	if (lifecycle === 'lobby' || lifecycle === 'briefing') return 'lobby';
	if (lifecycle === 'ended') return 'review';
	return 'console';
}
