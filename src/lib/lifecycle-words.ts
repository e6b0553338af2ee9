/** An exercise's lifecycle state as people read it, in the current language. */
import type { Lifecycle } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

export const lifecycleWords: Record<Lifecycle, () => string> = {
	lobby: m.lifecycle_lobby,
	briefing: m.lifecycle_briefing,
	running: m.lifecycle_running,
	paused: m.lifecycle_paused,
	hotwash: m.lifecycle_hotwash,
	ended: m.lifecycle_ended
};
