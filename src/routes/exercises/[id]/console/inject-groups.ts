/**
 * Sorts the facilitator's inject lines into what the console shows: held (waiting for release), upcoming (by
 * earliest due time), delivered (latest first), not triggered (its branch was not taken) and skipped. An
 * inject's status differs per team, so a line is held if any team holds it, upcoming if any team still waits
 * for it, delivered once a team got it and no other waits, and not triggered when no team can get it any more.
 */
import type { InjectStatus, InjectStatusView } from '$lib/engine/types';

/** One inject line with its per-team statuses folded into one. */
export interface InjectLine {
	inject: InjectStatusView;
	status: InjectStatus;
	/** Earliest scenario ms at which a waiting team is due to get it. */
	dueAt?: number;
	/** Latest scenario ms at which a team got it. */
	deliveredAt?: number;
	/** Teams that have it, out of the teams it is meant for. */
	deliveredTo: number;
	audienceSize: number;
}

/** The console's inject lists. */
export interface InjectGroups {
	held: InjectLine[];
	upcoming: InjectLine[];
	delivered: InjectLine[];
	notTriggered: InjectLine[];
	skipped: InjectLine[];
}

function fold(inject: InjectStatusView): InjectLine {
	const teams = Object.values(inject.teams);
	const has = (s: InjectStatus) => teams.some((t) => t.status === s);
	const status: InjectStatus = has('held')
		? 'held'
		: has('upcoming')
			? 'upcoming'
			: has('delivered')
				? 'delivered'
				: has('not-triggered')
					? 'not-triggered'
					: 'skipped';
	const due = teams
		.filter((t) => t.status !== 'delivered' && t.dueAt !== undefined)
		.map((t) => t.dueAt as number);
	const delivered = teams.filter((t) => t.deliveredAt !== undefined).map((t) => t.deliveredAt as number);
	return {
		inject,
		status,
		dueAt: due.length ? Math.min(...due) : undefined,
		deliveredAt: delivered.length ? Math.max(...delivered) : undefined,
		deliveredTo: teams.filter((t) => t.status === 'delivered').length,
		audienceSize: teams.length
	};
}

const byDue = (a: InjectLine, b: InjectLine) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity);

/** Groups and orders the inject lines for the console. */
export function groupInjects(injects: InjectStatusView[]): InjectGroups {
	const lines = injects.map(fold);
	return {
		held: lines.filter((l) => l.status === 'held').sort(byDue),
		upcoming: lines.filter((l) => l.status === 'upcoming').sort(byDue),
		delivered: lines
			.filter((l) => l.status === 'delivered')
			.sort((a, b) => (b.deliveredAt ?? 0) - (a.deliveredAt ?? 0)),
		notTriggered: lines.filter((l) => l.status === 'not-triggered'),
		skipped: lines.filter((l) => l.status === 'skipped')
	};
}
