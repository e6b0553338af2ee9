/**
 * The one line a participant's folded clock strip shows: how many clocks run and which deadline comes next.
 * Holds ("do not … until") count as in force, never as a deadline to race.
 */
import type { ClockView } from '$lib/engine/types';
import { formatDuration } from './scenario-time';
import { m } from '$lib/paraglide/messages';

type StripClock = Pick<ClockView, 'name' | 'status' | 'kind' | 'deadlineAt'>;

/** How urgent the strip looks: a missed or breached clock, a deadline running, or nothing pressing. */
export type StripTone = 'danger' | 'running' | 'calm';

export interface StripSummary {
	/** e.g. "2 running · next: CPNI breach report, 6d 23h left". */
	text: string;
	tone: StripTone;
}

/** The running deadline due first (holds excluded), or undefined. */
export function nextDeadline<C extends StripClock>(clocks: readonly C[]): C | undefined {
	return clocks
		.filter((c) => c.status === 'running' && c.kind === 'deadline' && c.deadlineAt !== undefined)
		.sort((a, b) => a.deadlineAt! - b.deadlineAt! || a.name.localeCompare(b.name))[0];
}

/** The strip's line and tone for the clocks a team sees at scenario ms `now`. */
export function clockStripSummary(clocks: readonly StripClock[], now: number): StripSummary {
	if (clocks.length === 0) return { text: m.strip_none(), tone: 'calm' };
	const running = clocks.filter((c) => c.status === 'running').length;
	const failed = clocks.filter((c) => c.status === 'missed' || c.status === 'breached').length;
	const parts = [
		running > 0
			? m.strip_running({ count: running })
			: clocks.length === 1
				? m.strip_one_none_running()
				: m.strip_many_none_running({ count: clocks.length })
	];
	if (failed > 0) parts.push(m.strip_failed({ count: failed }));
	const next = nextDeadline(clocks);
	if (next) {
		const left = next.deadlineAt! - now;
		parts.push(
			left > 0
				? m.strip_next({ name: next.name, duration: formatDuration(left) })
				: m.strip_reached({ name: next.name })
		);
	}
	return { text: parts.join(' · '), tone: failed > 0 ? 'danger' : running > 0 ? 'running' : 'calm' };
}
