/**
 * The exercise's timeline of what happened. Records are stored compactly while the exercise runs; their
 * human-readable text (team names, inject titles, decision prompts, option labels) is only written when a view
 * asks for it.
 */
import { listToArray, append } from './persistent';
import { formatDuration } from './calendar';
import {
	clockName,
	decisionName,
	injectName,
	objectiveName,
	scoreEntryName,
	shorten,
	teamName
} from './labels';
import type { ExerciseState, TimelineRecord } from './state';
import { messageStepText } from './messages';
import { fill, variablesOf } from './templates';
import type { TimelineEntry } from './types';

type Vars = Record<string, string>;

/** Append a record to the timeline. */
export function record(state: ExerciseState, rec: TimelineRecord): ExerciseState {
	return { ...state, timeline: append(state.timeline, rec) };
}

function describe(state: ExerciseState, r: TimelineRecord, vars: Vars): string {
	const team = r.teamId ? teamName(state, r.teamId) : '';
	const inject = r.injectId ? injectName(state, r.injectId, vars) : '';
	const decision = r.decisionId ? decisionName(state, r.decisionId, vars) : '';
	switch (r.kind) {
		case 'lifecycle':
			return `Exercise ${r.detail}`;
		case 'speed':
			return `Compression set to ${r.detail}×`;
		case 'delivered':
			return team ? `Delivered ${inject} to ${team}` : `Delivered ${inject}`;
		case 'held':
			return team ? `Held ${inject} for ${team}` : `Put ${inject} on hold`;
		case 'released':
			return `Released ${inject}`;
		case 'skipped':
			return `Skipped ${inject}`;
		case 'answered':
			return `${team} answered ${decision}${r.detail ? `: ${shorten(fill(r.detail, vars))}` : ''}`;
		case 'marked':
			return `Rubric marked for ${team} on ${decision}`;
		case 'clock':
			return `${clockName(state, r.clockId ?? '', vars)}: ${r.detail}`;
		case 'override': {
			const what = scoreEntryName(state, r.detail ?? '', vars);
			return `Score overridden${team ? ` for ${team}` : ''}: ${what}`;
		}
		case 'note':
			return team ? `Note added about ${team}` : 'Note added';
		case 'jump':
			return `Scenario time jumped to ${r.detail}`;
		case 'debrief':
			return `Debrief set: ${r.detail}`;
		case 'message':
			return fill(messageStepText(state, r.detail ?? ''), vars);
		case 'rated': {
			const objective = objectiveName(state, r.objectiveId ?? '', vars);
			const [rating, by] = (r.detail ?? '').split('\t');
			return `Rated ${team} ${rating} on ${objective}${by ? ` (by ${by})` : ''}`;
		}
	}
}

/** The timeline with its text, oldest first. */
export function timelineOf(state: ExerciseState): TimelineEntry[] {
	const vars = variablesOf(state);
	return listToArray(state.timeline).map((r) => {
		const { detail: _detail, ...rest } = r;
		return { ...rest, text: describe(state, r, vars) };
	});
}

/** "started", "late by 2h", used in clock records. */
export function lateText(ms: number): string {
	return `stopped late by ${formatDuration(ms)}`;
}
