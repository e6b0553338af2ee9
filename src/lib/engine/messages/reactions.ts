/**
 * The world reacting to messages (the scenario's `reactions`). A `when` reaction acts as soon as a matching
 * message is sent, for the sending team; an `unless` reaction is a pending item per team, scheduled at StartEx
 * for its `by` time and dropped when the team sends a matching message first, so it fires only for a team that
 * stayed silent. Both are data in the pending queue, never timers.
 */
import { startClock, stopClock } from '../clocks';
import { clockName, injectName, teamName } from '../labels';
import { fill } from '../templates';
import { recipientName } from './names';
import { audienceTeams, indexOf } from '../scenario-index';
import { dequeueWhere, enqueue, injectKey, injectSettled } from '../schedule';
import type { StepContext } from '../scenario-clock';
import type { ExerciseState } from '../state';
import type { MessageMatch, Reaction, ReactionAction, TeamId } from '../types';
import type { MessageRecord } from './record';
import { messageReachesClocks } from './hold-breaches';

function matches(match: MessageMatch, m: Pick<MessageRecord, 'to' | 'teamId' | 'channel'>): boolean {
	if (!m.to.includes(match.to)) return false;
	if (match.from && !match.from.includes(m.teamId)) return false;
	return !match.channel || match.channel === m.channel;
}

/** Perform a reaction's action for `teamId` at scenario ms `at`. */
function act(
	state: ExerciseState,
	action: ReactionAction,
	teamId: TeamId,
	at: number,
	ctx: StepContext
): ExerciseState {
	const ix = indexOf(state.scenario);
	if (action.kind === 'release') {
		const inject = ix.injects.get(action.inject);
		if (!inject || !audienceTeams(inject.audience, state.config.teams).includes(teamId)) return state;
		if (injectSettled(state, inject.id, teamId)) return state;
		return enqueue(state, {
			kind: 'inject',
			key: injectKey(inject.id, teamId),
			due: at + action.delay,
			injectId: inject.id,
			teamId
		});
	}
	const clock = ix.clocks.get(action.clock);
	if (!clock) return state;
	return action.kind === 'start' ? startClock(state, clock, at, ctx) : stopClock(state, clock, at, ctx);
}

/**
 * A message went out at `at`: `when` reactions act for its team, its `unless` reactions are called off, and
 * holds it breaches are breached.
 */
export function messageSent(
	state: ExerciseState,
	m: MessageRecord,
	at: number,
	ctx: StepContext
): ExerciseState {
	const reactions = state.scenario.reactions ?? [];
	let s = dequeueWhere(state, (p) => {
		if (p.kind !== 'silence' || p.teamId !== m.teamId) return false;
		const r = reactions[p.reaction];
		return r !== undefined && matches(r.match, m);
	});
	for (const r of reactions)
		if (r.kind === 'when' && matches(r.match, m)) s = act(s, r.action, m.teamId, at, ctx);
	return messageReachesClocks(s, m, at, ctx);
}

/** At StartEx: one pending item per `unless` reaction and team it concerns. */
export function scheduleSilences(state: ExerciseState): ExerciseState {
	let s = state;
	(state.scenario.reactions ?? []).forEach((r, i) => {
		if (r.kind !== 'unless') return;
		for (const teamId of r.match.from ?? state.config.teams) {
			if (!state.config.teams.includes(teamId)) continue;
			s = enqueue(s, { kind: 'silence', key: `silence:${i}:${teamId}`, due: r.by, reaction: i, teamId });
		}
	});
	return s;
}

/** A team stayed silent until an `unless` reaction's time: it acts for that team. */
export function silenceDue(
	state: ExerciseState,
	reaction: number,
	teamId: TeamId,
	due: number,
	ctx: StepContext
): ExerciseState {
	const r: Reaction | undefined = state.scenario.reactions?.[reaction];
	return r ? act(state, r.action, teamId, due, ctx) : state;
}

/** "If Communications has not written to the reporter: "The story runs" reaches Communications", for the console. */
export function silenceText(
	state: ExerciseState,
	reaction: number,
	teamId: TeamId,
	vars: Record<string, string>
): string {
	const r = state.scenario.reactions?.[reaction];
	if (!r) return 'A scripted reaction';
	const team = teamName(state, teamId);
	const lead = `If ${team} has not written to ${fill(recipientName(state, r.match.to), vars)}`;
	const a = r.action;
	if (a.kind === 'release') return `${lead}: ${injectName(state, a.inject, vars)} reaches ${team}`;
	return `${lead}: ${clockName(state, a.clock, vars)} ${a.kind === 'start' ? 'starts' : 'stops'}`;
}
