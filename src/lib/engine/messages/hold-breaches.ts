/**
 * Messages that breach a hold. A hold clock may list `{ message: { from?, to?, channels? } }` among its
 * `breaches`: a matching message sent while the hold is in force (a press statement, a customer notice)
 * breaches it at the send time, exactly as a breaching answer would. The message keeps which holds it broke,
 * for the control cell, the review and the exports, and the timeline says so.
 */
import { clockEvent } from '../clocks';
import { mapGet, mapSet } from '../persistent';
import type { StepContext } from '../scenario-clock';
import type { ExerciseState } from '../state';
import { record } from '../timeline';
import { CHANNEL_LABELS, type MessageRecord } from './record';
import type { MessageFilter, Scenario } from '../types';

/** A sent message reaches the clocks: holds it matches while in force are breached, and it records them. */
export function messageReachesClocks(
	state: ExerciseState,
	m: MessageRecord,
	at: number,
	ctx: StepContext
): ExerciseState {
	const event = { kind: 'message', teamId: m.teamId, channel: m.channel, to: m.to } as const;
	let s = clockEvent(state, event, at, ctx);
	const broken = Object.keys(s.clocks).filter(
		(id) => s.clocks[id].status === 'breached' && state.clocks[id]?.status !== 'breached'
	);
	if (broken.length === 0) return s;
	const current = mapGet(s.messages, m.id) ?? m;
	s = { ...s, messages: mapSet(s.messages, m.id, { ...current, breaches: broken }) };
	for (const clockId of broken)
		s = record(s, {
			seq: ctx.seq,
			at: ctx.at,
			scenarioAt: at,
			kind: 'message',
			teamId: m.teamId,
			detail: `breach\t${m.id}\t${clockId}`
		});
	return s;
}

/** A message filter in words: "a press statement is sent", "a message from Legal to Customers is sent". */
export function messageFilterText(scenario: Scenario, filter: MessageFilter): string {
	const teamName = (id: string) => scenario.teams.find((t) => t.id === id)?.name ?? id;
	const name = (id: string) => (scenario.personas ?? []).find((p) => p.id === id)?.name ?? teamName(id);
	const what = filter.channels?.length
		? `a ${filter.channels.map((c) => CHANNEL_LABELS[c].toLowerCase()).join(' or ')}`
		: 'a message';
	const from = filter.from?.length ? ` from ${filter.from.map(teamName).join(' or ')}` : '';
	const to = filter.to?.length ? ` to ${filter.to.map(name).join(' or ')}` : '';
	return `${what}${from}${to} is sent`;
}
