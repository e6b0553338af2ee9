/**
 * Putting an inject in a team's feed, and everything that follows from it: `after` injects, the decision's
 * deadline, regulatory clocks that start or stop on it. Also release, hold, skip and ad-hoc injects.
 */
import { append, mapSet } from './persistent';
import { clockEvent } from './clocks';
import { audienceTeams, indexOf } from './scenario-index';
import { dequeueWhere, enqueue, injectKey, scheduleInject, setNested } from './schedule';
import type { StepContext } from './scenario-clock';
import type { ExerciseState } from './state';
import { record } from './timeline';
import type { AdhocInject, Inject, TeamId } from './types';

function withoutTeam<T>(record: Record<string, Record<TeamId, T>>, injectId: string, teamId: TeamId) {
	const slot = record[injectId];
	if (!slot || slot[teamId] === undefined) return record;
	const { [teamId]: _gone, ...rest } = slot;
	return { ...record, [injectId]: rest };
}

/** Deliver a scenario inject to one team at scenario ms `at` and run its consequences. */
export function deliver(
	state: ExerciseState,
	inject: Inject,
	teamId: TeamId,
	at: number,
	ctx: StepContext
): ExerciseState {
	const ix = indexOf(state.scenario);
	const key = injectKey(inject.id, teamId);
	let s = dequeueWhere(state, (p) => p.key === key);
	s = {
		...s,
		held: withoutTeam(s.held, inject.id, teamId),
		delivered: setNested(s.delivered, teamId, inject.id, at),
		feeds: { ...s.feeds, [teamId]: append(s.feeds[teamId], { injectId: inject.id, scenarioAt: at }) },
		phaseIndex: Math.max(s.phaseIndex, ix.phaseIndex.get(inject.phase) ?? 0)
	};
	s = record(s, { seq: ctx.seq, at: ctx.at, scenarioAt: at, kind: 'delivered', teamId, injectId: inject.id });
	for (const next of ix.afterInject.get(inject.id) ?? []) {
		if (next.trigger.kind === 'after') s = scheduleInject(s, next, teamId, at + next.trigger.delay);
	}
	const decision = inject.decision;
	if (decision?.deadline !== undefined) {
		s = enqueue(s, {
			kind: 'deadline',
			key: `deadline:${decision.id}:${teamId}`,
			due: at + decision.deadline,
			decisionId: decision.id,
			teamId
		});
	}
	return clockEvent(s, { kind: 'inject', inject: inject.id }, at, ctx);
}

/** A due inject item: delivered, or held when the scenario or the facilitator holds it. */
export function injectDue(
	state: ExerciseState,
	injectId: string,
	teamId: TeamId,
	due: number,
	ctx: StepContext
) {
	const inject = indexOf(state.scenario).injects.get(injectId);
	if (!inject) return state;
	if (inject.hold || state.holds[injectId]) {
		const s = { ...state, held: setNested(state.held, injectId, teamId, due) };
		return record(s, { seq: ctx.seq, at: ctx.at, scenarioAt: due, kind: 'held', teamId, injectId });
	}
	return deliver(state, inject, teamId, due, ctx);
}

/** Teams in the inject's audience that have not received it. */
export function undeliveredTeams(state: ExerciseState, inject: Inject): TeamId[] {
	return audienceTeams(inject.audience, state.config.teams).filter(
		(t) => state.delivered[t]?.[inject.id] === undefined
	);
}

/** Deliver now to every audience team that has not got it; the facilitator's hold is lifted. */
export function release(state: ExerciseState, inject: Inject, ctx: StepContext): ExerciseState {
	const now = state.clock.now;
	const { [inject.id]: _lifted, ...holds } = state.holds;
	const { [inject.id]: _unskipped, ...skipped } = state.skipped;
	let s: ExerciseState = { ...state, holds, skipped };
	s = record(s, { seq: ctx.seq, at: ctx.at, scenarioAt: now, kind: 'released', injectId: inject.id });
	for (const team of undeliveredTeams(state, inject)) s = deliver(s, inject, team, now, ctx);
	return s;
}

/** Hold an inject: whatever of it falls due waits for release. */
export function hold(state: ExerciseState, inject: Inject, ctx: StepContext): ExerciseState {
	const s = { ...state, holds: { ...state.holds, [inject.id]: true as const } };
	return record(s, {
		seq: ctx.seq,
		at: ctx.at,
		scenarioAt: state.clock.now,
		kind: 'held',
		injectId: inject.id
	});
}

/** Drop the inject's pending and held items and mark it skipped for every team that has not had it. */
export function skip(state: ExerciseState, inject: Inject, ctx: StepContext): ExerciseState {
	const now = state.clock.now;
	const teams = undeliveredTeams(state, inject);
	const marks: Record<TeamId, number> = { ...state.skipped[inject.id] };
	for (const t of teams) marks[t] ??= now;
	const { [inject.id]: _released, ...held } = state.held;
	let s = dequeueWhere(state, (p) => p.kind === 'inject' && p.injectId === inject.id);
	s = { ...s, held, skipped: { ...s.skipped, [inject.id]: marks } };
	return record(s, { seq: ctx.seq, at: ctx.at, scenarioAt: now, kind: 'skipped', injectId: inject.id });
}

/** Deliver a facilitator's ad-hoc inject now to its audience. */
export function deliverAdhoc(state: ExerciseState, inject: AdhocInject, ctx: StepContext): ExerciseState {
	const now = state.clock.now;
	const phase = state.scenario.phases[state.phaseIndex]?.id ?? '';
	const feeds = { ...state.feeds };
	const teams = audienceTeams(inject.audience, state.config.teams);
	for (const t of teams)
		feeds[t] = append(feeds[t], { injectId: inject.id, scenarioAt: now, adhoc: inject, phase });
	const s = {
		...state,
		feeds,
		adhoc: mapSet(state.adhoc, inject.id, { inject, scenarioAt: now, seq: ctx.seq, phase })
	};
	return record(s, {
		seq: ctx.seq,
		at: ctx.at,
		scenarioAt: now,
		kind: 'delivered',
		injectId: inject.id,
		detail: inject.title
	});
}
