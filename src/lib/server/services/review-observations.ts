/**
 * Evaluator observations are notes in the exercise's own log (`note.add`), so they replay and export with it.
 * A note whose text opens with "Strength:", "Area for improvement:", "Root cause:" or "Hot wash:" is filed
 * under that heading; any other note is a general observation. The prefix keeps the note readable on its own.
 */
import type { NoteView } from '$lib/engine/types';

/** The headings an observation can be filed under. */
export type ObservationKind = 'strength' | 'improvement' | 'rootCause' | 'hotwash' | 'general';

/** Kinds a reviewer can choose when writing an observation. */
export const OBSERVATION_KINDS: readonly Exclude<ObservationKind, 'general'>[] = [
	'strength',
	'improvement',
	'rootCause',
	'hotwash'
];

/** The prefix written before each kind's text. */
export const OBSERVATION_PREFIX: Record<Exclude<ObservationKind, 'general'>, string> = {
	strength: 'Strength',
	improvement: 'Area for improvement',
	rootCause: 'Root cause',
	hotwash: 'Hot wash'
};

/** A note read as an observation: its kind and the text without the prefix. */
export interface Observation extends NoteView {
	kind: ObservationKind;
	body: string;
}

const PATTERNS: [ObservationKind, RegExp][] = [
	['strength', /^\s*strength\s*:\s*/i],
	['improvement', /^\s*(?:area for improvement|improvement|afi)\s*:\s*/i],
	['rootCause', /^\s*root cause\s*:\s*/i],
	['hotwash', /^\s*hot[- ]?wash\s*:\s*/i]
];

/** Files a note under its heading. */
export function readObservation(note: NoteView): Observation {
	for (const [kind, pattern] of PATTERNS) {
		const match = pattern.exec(note.text);
		if (match) return { ...note, kind, body: note.text.slice(match[0].length).trim() };
	}
	return { ...note, kind: 'general', body: note.text.trim() };
}

/** The note text for an observation of `kind`. */
export function observationText(kind: Exclude<ObservationKind, 'general'>, body: string): string {
	return `${OBSERVATION_PREFIX[kind]}: ${body.trim()}`;
}
