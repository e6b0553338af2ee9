/**
 * The credit levels staff mark a rubric criterion with, the one to show for a mark already given, and which
 * answers have a rubric to mark (free text, and the reasoning behind justified choices).
 */
import type { Decision } from '$lib/engine/types';
import { formatNumber, formatPercent } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';

/** Whether a decision has a rubric to mark: a text decision, or a justified choice with a rubric. */
export function hasRubric(decision: Decision): boolean {
	return decision.rubric.length > 0 && (decision.type === 'text' || decision.justify === true);
}

/** The score entry a rubric marks: the answer of a text decision, the reasoning of a justified choice. */
export function rubricEntryId(decision: Pick<Decision, 'id' | 'type'>, teamId: string): string {
	return `${decision.type === 'text' ? 'decision' : 'justification'}:${decision.id}:${teamId}`;
}

/** The levels the marking forms offer: none, half or full credit of a criterion's points. */
export const CREDIT_LEVELS = [0, 0.5, 1] as const;

/**
 * The levels to offer for a criterion whose current mark is `current`: the usual three, plus the current mark
 * when it is off that scale (given by an answer script or the API), so it shows and saving again keeps it.
 */
export function creditLevels(current: number | undefined): number[] {
	const levels: number[] = [...CREDIT_LEVELS];
	if (current !== undefined && !levels.includes(current)) levels.push(current);
	return levels.sort((a, b) => a - b);
}

/** A credit level in words, the same on the console and the evaluator page: "No credit", "Half credit"… */
export function creditName(mark: number): string {
	if (mark === 0) return m.console_credit_none();
	if (mark === 0.5) return m.console_credit_half();
	if (mark === 1) return m.console_credit_full();
	return m.console_credit_other({ percent: formatPercent(Math.round(mark * 100)) });
}

/** Where an answer's marking stands, as one sentence shared by the console and the evaluator page. */
export function markState(state: {
	/** Marked points, once the entry is no longer waiting for marks. */
	marked?: { points: number; maxPoints: number } | null;
	/** Marks were saved (by anyone). */
	hasMarks: boolean;
	markedBy?: string;
}): string {
	const name = state.markedBy;
	if (state.marked) {
		const points = { points: formatNumber(state.marked.points), max: formatNumber(state.marked.maxPoints) };
		return name ? m.console_mark_done_by({ ...points, name }) : m.console_mark_done(points);
	}
	if (state.hasMarks) return name ? m.console_mark_some_by({ name }) : m.console_mark_some();
	return m.console_mark_waiting();
}
