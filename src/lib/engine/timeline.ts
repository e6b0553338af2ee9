/**
 * The exercise's timeline of what happened. Records are stored compactly while the exercise runs; their
 * human-readable text is only written when a view asks for it.
 */
import { listToArray, append } from './persistent';
import { formatDuration } from './calendar';
import { indexOf } from './scenario-index';
import type { ExerciseState, TimelineRecord } from './state';
import type { TimelineEntry } from './types';

/** Append a record to the timeline. */
export function record(state: ExerciseState, rec: TimelineRecord): ExerciseState {
	return { ...state, timeline: append(state.timeline, rec) };
}

function injectTitle(state: ExerciseState, id: string | undefined): string {
	if (!id) return '';
	return indexOf(state.scenario).injects.get(id)?.title ?? id;
}

function describe(state: ExerciseState, r: TimelineRecord): string {
	const team = r.teamId ? ` (${r.teamId})` : '';
	const title = injectTitle(state, r.injectId);
	switch (r.kind) {
		case 'lifecycle':
			return `Exercise ${r.detail}`;
		case 'speed':
			return `Compression set to ${r.detail}×`;
		case 'delivered':
			return `Delivered "${r.detail ?? title}"${team}`;
		case 'held':
			return `Held "${title}"${team}`;
		case 'released':
			return `Released "${title}"`;
		case 'skipped':
			return `Skipped "${title}"`;
		case 'answered':
			return `${r.teamId} answered ${r.decisionId}${r.detail ? `: ${r.detail}` : ''}`;
		case 'marked':
			return `Rubric marked for ${r.decisionId}${team}`;
		case 'clock': {
			const name = indexOf(state.scenario).clocks.get(r.clockId ?? '')?.name ?? r.clockId;
			return `${name}: ${r.detail}`;
		}
		case 'override':
			return `Score entry ${r.detail}${team} overridden`;
		case 'note':
			return `Note added${team}`;
	}
}

/** The timeline with its text, oldest first. */
export function timelineOf(state: ExerciseState): TimelineEntry[] {
	return listToArray(state.timeline).map((r) => {
		const { detail: _detail, ...rest } = r;
		return { ...rest, text: describe(state, r) };
	});
}

/** "started", "late by 2h", used in clock records. */
export function lateText(ms: number): string {
	return `stopped late by ${formatDuration(ms)}`;
}
