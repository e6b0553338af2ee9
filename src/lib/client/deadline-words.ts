/** The deadline line under an answered decision: it speaks of the deadline in the past only once it has passed. */
import { formatDuration, formatInWorld } from './scenario-time';

/** "Deadline Tue 8 Oct 14:00, 3h 00m from now" while ahead; "Deadline was Tue 8 Oct 14:00" once passed. */
export function answeredDeadlineText(deadlineAt: number, now: number, startsAt: string): string {
	const when = formatInWorld(startsAt, deadlineAt);
	return deadlineAt > now
		? `Deadline ${when}, ${formatDuration(deadlineAt - now)} from now`
		: `Deadline was ${when}`;
}
