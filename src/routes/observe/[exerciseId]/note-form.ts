/** Reading the observer's note form into a `note.add` command, with a message when something is off. */
import type { WireCommand } from '$lib/realtime/contract';
import { m } from '$lib/paraglide/messages';

/** The longest note the server accepts. */
export const MAX_NOTE = 8000;

/** The note command, or what is wrong with the draft. */
export function buildNote(draft: {
	text: string;
	teamId: string;
	objectiveId: string;
}): { command: WireCommand } | { error: string } {
	const text = draft.text.trim();
	if (!text) return { error: m.observe_note_empty_error() };
	if (text.length > MAX_NOTE)
		return { error: m.observe_note_too_long({ length: text.length, max: MAX_NOTE }) };
	return {
		command: {
			type: 'note.add',
			text,
			...(draft.teamId ? { teamId: draft.teamId } : {}),
			...(draft.objectiveId ? { objectiveId: draft.objectiveId } : {})
		}
	};
}

/** The rubric command once every criterion has a mark (a fraction 0..1 of its points), or what is missing. */
export function buildRubricMark(
	decisionId: string,
	teamId: string,
	criteria: { id: string; label: string }[],
	marks: Record<string, number | undefined>,
	note: string
): { command: WireCommand } | { error: string } {
	const missing = criteria.filter((c) => marks[c.id] === undefined);
	if (missing.length > 0)
		return { error: m.observe_mark_missing({ criteria: missing.map((c) => c.label).join(', ') }) };
	const complete: Record<string, number> = {};
	for (const c of criteria) {
		const value = marks[c.id] as number;
		if (!(value >= 0 && value <= 1)) return { error: m.observe_mark_range({ criterion: c.label }) };
		complete[c.id] = value;
	}
	const trimmed = note.trim();
	return {
		command: {
			type: 'rubric.mark',
			decisionId,
			teamId,
			marks: complete,
			...(trimmed ? { note: trimmed } : {})
		}
	};
}
