/**
 * Which console actions the exercise accepts where it stands, so the console offers only those: after the end
 * every release, hold, skip, ad-hoc inject and answer locks (observation: 20 "Release now" buttons stayed
 * enabled after the end). The same table as the engine's lifecycle machine; a test keeps them in step.
 */
import type { Lifecycle } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

export interface ConsoleLocks {
	/** inject.release */
	release: boolean;
	/** inject.hold and inject.skip */
	holdOrSkip: boolean;
	/** inject.adhoc */
	adhoc: boolean;
	/** answer.submit for a team */
	answer: boolean;
}

const LIVE: Lifecycle[] = ['running', 'paused'];
const BEFORE_END: Lifecycle[] = ['lobby', 'briefing', 'running', 'paused'];

/** What the console may do in `lifecycle`. */
export function consoleLocks(lifecycle: Lifecycle): ConsoleLocks {
	const live = LIVE.includes(lifecycle);
	return { release: live, holdOrSkip: BEFORE_END.includes(lifecycle), adhoc: live, answer: live };
}

/** Why injects cannot be changed now, or null when they can. */
export function injectsLockedBecause(lifecycle: Lifecycle): string | null {
	if (lifecycle === 'ended') return m.console_locked_ended();
	if (lifecycle === 'hotwash') return m.console_locked_hotwash();
	return null;
}
