/**
 * Sorts the facilitator's inject lines into what the console shows: held (waiting for release), upcoming (by
 * earliest due time), delivered (latest first), not triggered (its branch was not taken), skipped, and not for
 * the teams playing (its audience is only teams left out of this exercise). An inject's status differs per
 * team, so a line is held if any team holds it, upcoming if any team still waits for it, delivered once a team
 * got it and no other waits, and not triggered when no team can get it any more. Each line also has one state
 * in words for its badge, "Will hold when due" for an upcoming inject that waits for the facilitator.
 */
import type { InjectStatus, InjectStatusView } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

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
	/** The line's state as its badge says it. */
	state: LineState;
}

/** Every state a console line can be in. */
export type LineState =
	'upcoming' | 'will-hold' | 'held' | 'delivered' | 'skipped' | 'not-triggered' | 'not-playing';

/** A line's state in words. */
export const LINE_STATE_WORDS: Record<LineState, string> = {
	get upcoming() {
		return m.console_state_upcoming();
	},
	get 'will-hold'() {
		return m.console_state_will_hold();
	},
	get held() {
		return m.console_state_held();
	},
	get delivered() {
		return m.console_state_delivered();
	},
	get skipped() {
		return m.console_state_skipped();
	},
	get 'not-triggered'() {
		return m.console_state_not_triggered();
	},
	get 'not-playing'() {
		return m.console_state_not_playing();
	}
};

/** The console's inject lists. */
export interface InjectGroups {
	held: InjectLine[];
	upcoming: InjectLine[];
	delivered: InjectLine[];
	notTriggered: InjectLine[];
	skipped: InjectLine[];
	/** Injects only for teams left out of this exercise: nobody playing can get them. */
	notPlaying: InjectLine[];
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
	const state: LineState =
		teams.length === 0 ? 'not-playing' : status === 'upcoming' && inject.hold ? 'will-hold' : status;
	return {
		state,
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
	const all = injects.map(fold);
	const lines = all.filter((l) => l.state !== 'not-playing');
	return {
		held: lines.filter((l) => l.status === 'held').sort(byDue),
		upcoming: lines.filter((l) => l.status === 'upcoming').sort(byDue),
		delivered: lines
			.filter((l) => l.status === 'delivered')
			.sort((a, b) => (b.deliveredAt ?? 0) - (a.deliveredAt ?? 0)),
		notTriggered: lines.filter((l) => l.status === 'not-triggered'),
		skipped: lines.filter((l) => l.status === 'skipped'),
		notPlaying: all.filter((l) => l.state === 'not-playing')
	};
}
