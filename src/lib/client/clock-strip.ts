/**
 * The one line a participant's folded clock strip shows: how many clocks run and which deadline comes next.
 * Holds ("do not … until") count as in force, never as a deadline to race.
 */
import type { ClockView } from '$lib/engine/types';
import { formatDuration } from './scenario-time';

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
	if (clocks.length === 0) return { text: 'No clock started yet', tone: 'calm' };
	const running = clocks.filter((c) => c.status === 'running').length;
	const failed = clocks.filter((c) => c.status === 'missed' || c.status === 'breached').length;
	const parts = [
		running > 0
			? `${running} running`
			: `${clocks.length} ${clocks.length === 1 ? 'clock' : 'clocks'}, none running`
	];
	if (failed > 0) parts.push(`${failed} missed or breached`);
	const next = nextDeadline(clocks);
	if (next) {
		const left = next.deadlineAt! - now;
		parts.push(
			left > 0 ? `next: ${next.name}, ${formatDuration(left)} left` : `${next.name}: deadline reached`
		);
	}
	return { text: parts.join(' · '), tone: failed > 0 ? 'danger' : running > 0 ? 'running' : 'calm' };
}
