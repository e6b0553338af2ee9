/**
 * Replay and snapshots. The state at log position N is the fold of applyInput over inputs 1..N, so a snapshot
 * plus the inputs after it gives the same state as the live exercise. Snapshots carry ENGINE_VERSION and the
 * scenario's id and version; a snapshot from another engine or scenario version is refused (replay the log
 * instead), because the meaning of stored fields may have changed.
 */
import { applyInput } from './apply';
import { listFrom, listToArray, mapEntries, mapFrom, type PList } from './persistent';
import { createExercise, type ExerciseState } from './state';
import type { ExerciseConfig, Input, Scenario } from './types';

/** Bumped whenever the meaning or shape of ExerciseState changes. */
export const ENGINE_VERSION = 3;

/** The state after applying `inputs` in order (rejected inputs are left out, as the live exercise did). */
export function replay(
	scenario: Scenario,
	config: ExerciseConfig,
	inputs: readonly Input[],
	from?: { state: ExerciseState }
): ExerciseState {
	let state = from?.state ?? createExercise(scenario, config);
	for (const input of inputs) {
		const r = applyInput(state, input);
		if (r.ok) state = r.state;
	}
	return state;
}

/** A JSON snapshot of the state (the scenario itself is referenced by id and version, not copied). */
export function serializeState(state: ExerciseState): string {
	const { scenario, feeds, notes, noteIds, timeline, adhoc, messages, ...rest } = state;
	const lists = (r: Record<string, PList<unknown>>) =>
		Object.fromEntries(Object.entries(r).map(([k, v]) => [k, listToArray(v)]));
	return JSON.stringify({
		engineVersion: ENGINE_VERSION,
		scenario: { id: scenario.id, version: scenario.version },
		state: {
			...rest,
			feeds: lists(feeds),
			notes: listToArray(notes),
			noteIds: mapEntries(noteIds).map(([k]) => k),
			timeline: listToArray(timeline),
			adhoc: mapEntries(adhoc),
			messages: mapEntries(messages)
		}
	});
}

/** Rebuild a state from `serializeState` output. Throws a RangeError naming the mismatch for stale snapshots. */
export function deserializeState(json: string, scenario: Scenario): ExerciseState {
	let doc: {
		engineVersion?: unknown;
		scenario?: { id?: unknown; version?: unknown };
		state?: Record<string, unknown>;
	};
	try {
		doc = JSON.parse(json);
	} catch {
		throw new RangeError('snapshot is not valid JSON');
	}
	if (!doc || typeof doc !== 'object' || !doc.state) throw new RangeError('snapshot has no state');
	if (doc.engineVersion !== ENGINE_VERSION)
		throw new RangeError(
			`snapshot was written by engine version ${String(doc.engineVersion)}, this is ${ENGINE_VERSION}: replay the log`
		);
	if (doc.scenario?.id !== scenario.id || doc.scenario?.version !== scenario.version)
		throw new RangeError(
			`snapshot is for scenario ${String(doc.scenario?.id)}@${String(doc.scenario?.version)}, not ${scenario.id}@${scenario.version}`
		);
	const s = doc.state as Record<string, never>;
	const feeds = Object.fromEntries(
		Object.entries(s.feeds as Record<string, unknown[]>).map(([k, v]) => [k, listFrom(v)])
	);
	return {
		...(s as unknown as ExerciseState),
		scenario,
		feeds: feeds as ExerciseState['feeds'],
		notes: listFrom(s.notes),
		noteIds: mapFrom((s.noteIds as string[]).map((k) => [k, true as const])),
		timeline: listFrom(s.timeline),
		adhoc: mapFrom(s.adhoc),
		messages: mapFrom(s.messages)
	};
}
