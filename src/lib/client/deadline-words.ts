/** The deadline line under an answered decision: it speaks of the deadline in the past only once it has passed. */
import { formatDuration, formatInWorld } from './scenario-time';
import { m } from '$lib/paraglide/messages';

/** "Deadline Tue 8 Oct 14:00, 3h 00m from now" while ahead; "Deadline was Tue 8 Oct 14:00" once passed. */
export function answeredDeadlineText(deadlineAt: number, now: number, startsAt: string): string {
	const when = formatInWorld(startsAt, deadlineAt);
	return deadlineAt > now
		? m.deadline_ahead({ when, duration: formatDuration(deadlineAt - now) })
		: m.deadline_was({ when });
}
