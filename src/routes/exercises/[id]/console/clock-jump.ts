/**
 * The "Jump the scenario clock" control's logic: quick picks of in-world times ("the next morning, 08:00"), the
 * preview of what a jump fires on its way, and the words of the confirmation. Pure, so it is tested without a page.
 */
import { formatInWorld, inWorldIso, parseLocalDateTime } from '$lib/client/scenario-time';
import type { JumpTarget, JumpTo, UpcomingItem } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One in-world time the console offers with one click. */
export interface QuickPick {
	/** "The next morning (08:00)" */
	label: string;
	/** The in-world local date-time the jump goes to, "2024-10-02T08:00". */
	at: string;
}

/** One choice of the control: a target the engine offers, or an in-world time. */
export interface JumpChoice {
	/** Stable key for the radio group. */
	key: string;
	label: string;
	to: JumpTo;
	/** Scenario ms the jump goes to. */
	atMs: number;
}

/** Scenario ms of an in-world local date-time, or null when it is not one (or the scenario has no start date). */
export function scenarioMsAt(startsAt: string, local: string): number | null {
	const start = parseLocalDateTime(startsAt);
	const at = parseLocalDateTime(local);
	return start === null || at === null ? null : at - start;
}

/** The first time of day `hour`:00 strictly after scenario ms `now`, as scenario ms. */
function nextHourOfDay(startsAt: string, now: number, hour: number): number | null {
	const start = parseLocalDateTime(startsAt);
	if (start === null) return null;
	const world = start + now;
	const dayStart = world - (((world % DAY) + DAY) % DAY);
	const sameDay = dayStart + hour * HOUR;
	return (sameDay > world ? sameDay : sameDay + DAY) - start;
}

/** Quick picks from scenario ms `now`: one hour on, this evening (18:00) from 08:00 until it comes, the next morning. */
export function quickPicks(startsAt: string, now: number): QuickPick[] {
	const picks: QuickPick[] = [];
	const add = (label: string, ms: number | null) => {
		const at = ms === null ? undefined : inWorldIso(startsAt, ms);
		if (at !== undefined && !picks.some((p) => p.at === at)) picks.push({ label, at });
	};
	const wholeMinute = Math.floor(now / 60_000) * 60_000;
	add(m.console_jump_one_hour(), wholeMinute + HOUR);
	const evening = nextHourOfDay(startsAt, now, 18);
	if (evening !== null && evening - now <= 10 * HOUR) add(m.console_jump_evening(), evening);
	add(m.console_jump_morning(), nextHourOfDay(startsAt, now, 8));
	return picks;
}

/** The engine's targets as choices, each once (a phase opening that is also the next phase is offered once). */
export function targetChoices(targets: JumpTarget[]): JumpChoice[] {
	const seen = new Set<number>();
	const out: JumpChoice[] = [];
	for (const t of targets) {
		const key = t.to.kind === 'phase' ? `phase:${t.to.phase}` : t.to.kind;
		if (t.to.kind === 'phase' && seen.has(t.at)) continue;
		seen.add(t.at);
		out.push({ key, label: targetLabel(t), to: t.to, atMs: t.at });
	}
	return out;
}

/** An in-world time as a choice, or why it cannot be one. */
export function timeChoice(
	startsAt: string,
	now: number,
	local: string
): { choice: JumpChoice } | { error: string } {
	if (!local.trim()) return { error: m.console_jump_err_empty() };
	const atMs = scenarioMsAt(startsAt, local);
	if (atMs === null) return { error: m.console_jump_err_invalid({ value: local }) };
	if (atMs <= now) return { error: m.console_jump_err_past({ now: formatInWorld(startsAt, now) }) };
	const at = inWorldIso(startsAt, atMs)!;
	return { choice: { key: `at:${at}`, label: formatInWorld(startsAt, atMs), to: { kind: 'at', at }, atMs } };
}

/** What a jump to scenario ms `at` fires on its way: everything scheduled up to and including `at`. */
export function firedBy(upcoming: UpcomingItem[], at: number): UpcomingItem[] {
	return upcoming.filter((u) => u.at <= at);
}

/** The preview line before a jump: "To Mon 30 Sept, 11:00: 3 scheduled items on the way, …". */
export function jumpPreview(when: string, n: number): string {
	if (n === 0) return m.console_jump_preview_none({ when });
	return n === 1 ? m.console_jump_preview_one({ when }) : m.console_jump_preview_many({ when, count: n });
}

/** The confirmation shown once the server has accepted a jump. */
export function jumpNotice(startsAt: string, choice: JumpChoice, fired: number): string {
	const when = formatInWorld(startsAt, choice.atMs);
	if (fired === 0) return m.console_jump_done_none({ when });
	return fired === 1 ? m.console_jump_done_one({ when }) : m.console_jump_done_many({ when, count: fired });
}

/** A jump target in the page's language: the engine gives the inject's or phase's title, not the words. */
function targetLabel(t: JumpTarget): string {
	if (t.to.kind === 'next-inject') return m.console_jump_next_inject({ title: t.title });
	if (t.to.kind === 'next-phase') return m.console_jump_next_phase({ title: t.title });
	if (t.to.kind === 'phase') return m.console_jump_phase_opens({ title: t.title });
	return t.label;
}
