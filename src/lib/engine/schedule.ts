/**
 * The pending queue: scheduled items as data, sorted by due scenario time and then by the order in which they
 * were scheduled (so equal due times fire deterministically). The queue only ever holds what the scenario can
 * still deliver, so copying it on change costs the scenario's size, never the input log's.
 */
import { audienceTeams } from './scenario-index';
import type { ExerciseState, Scheduled } from './state';
import type { Inject, TeamId } from './types';

type NewItem = Scheduled extends infer S ? (S extends Scheduled ? Omit<S, 'order'> : never) : never;

/** Add an item to the queue, keeping it sorted. */
export function enqueue(state: ExerciseState, item: NewItem): ExerciseState {
	const full = { ...item, order: state.nextOrder } as Scheduled;
	const pending = state.pending;
	let lo = 0;
	let hi = pending.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (pending[mid].due <= full.due) lo = mid + 1;
		else hi = mid;
	}
	const next = pending.slice();
	next.splice(lo, 0, full);
	return { ...state, pending: next, nextOrder: state.nextOrder + 1 };
}

/** Remove every item matching `drop`. */
export function dequeueWhere(state: ExerciseState, drop: (item: Scheduled) => boolean): ExerciseState {
	if (!state.pending.some(drop)) return state;
	return { ...state, pending: state.pending.filter((i) => !drop(i)) };
}

/** Queue key of an inject for a team. */
export function injectKey(injectId: string, teamId: TeamId): string {
	return `inject:${injectId}:${teamId}`;
}

/** Whether the inject has been delivered, held, skipped or is already queued for the team. */
export function injectSettled(state: ExerciseState, injectId: string, teamId: TeamId): boolean {
	if (state.delivered[teamId]?.[injectId] !== undefined) return true;
	if (state.skipped[injectId]?.[teamId] !== undefined) return true;
	if (state.held[injectId]?.[teamId] !== undefined) return true;
	const key = injectKey(injectId, teamId);
	return state.pending.some((p) => p.key === key);
}

/** Queue `inject` for `teamId` at scenario ms `due`, if the team is in its audience and has not had it. */
export function scheduleInject(
	state: ExerciseState,
	inject: Inject,
	teamId: TeamId,
	due: number
): ExerciseState {
	if (inject.trigger.kind === 'manual') return state;
	if (!audienceTeams(inject.audience, state.config.teams).includes(teamId)) return state;
	if (injectSettled(state, inject.id, teamId)) return state;
	return enqueue(state, {
		kind: 'inject',
		key: injectKey(inject.id, teamId),
		due,
		injectId: inject.id,
		teamId
	});
}

/** Set `slot[outer][inner] = value`, copying only the touched records. */
export function setNested<T>(
	record: Record<string, Record<string, T>>,
	outer: string,
	inner: string,
	value: T
): Record<string, Record<string, T>> {
	return { ...record, [outer]: { ...record[outer], [inner]: value } };
}
