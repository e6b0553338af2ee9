/**
 * The scenario's flow as data for the library's preview: phases → injects, each with its trigger and the injects
 * its delivery or its decision sets off (branches), so a page can draw or list it without knowing the engine.
 */
import type { Channel, DecisionType, Scenario, TeamId, Trigger } from '$lib/engine/types';

/** One inject in the preview. */
export interface FlowInject {
	id: string;
	title: string;
	channel: Channel;
	audience: 'all' | TeamId[];
	trigger: Trigger;
	triggerLabel: string;
	hold: boolean;
	decision?: { id: string; prompt: string; type: DecisionType; options: { id: string; label: string }[] };
	/** Injects whose trigger points at this inject or its decision. */
	leadsTo: { injectId: string; label: string }[];
}

/** A phase with its injects in file order. */
export interface FlowPhase {
	id: string;
	title: string;
	injects: FlowInject[];
}

function minutes(ms: number): string {
	const m = Math.round(ms / 60_000);
	if (m % 1440 === 0 && m > 0) return `${m / 1440}d`;
	if (m >= 60) return m % 60 ? `${Math.floor(m / 60)}h${m % 60}m` : `${m / 60}h`;
	return `${m}m`;
}

const later = (delay: number) => (delay > 0 ? ` +${minutes(delay)}` : '');

/** A short label for a trigger, e.g. "at +30m", "10m after fbi-call", "when d-evict = piecemeal". */
export function triggerLabel(t: Trigger): string {
	switch (t.kind) {
		case 'at':
			return `at +${minutes(t.at)}`;
		case 'after':
			return t.delay > 0 ? `${minutes(t.delay)} after ${t.inject}` : `after ${t.inject}`;
		case 'answer': {
			const what = t.options?.length
				? t.options.join(' or ')
				: `${t.range?.min ?? '−∞'}..${t.range?.max ?? '∞'}`;
			return `when ${t.decision} = ${what}${later(t.delay)}`;
		}
		case 'unanswered':
			return `when ${t.decision} goes unanswered${later(t.delay)}`;
		case 'clockMissed':
			return `when clock ${t.clock} is missed${later(t.delay)}`;
		case 'manual':
			return 'released by the facilitator';
	}
}

/** Builds the preview of a parsed scenario. */
export function flowPreview(scenario: Scenario): FlowPhase[] {
	const decisionOf = new Map<string, string>();
	for (const inject of scenario.injects) if (inject.decision) decisionOf.set(inject.decision.id, inject.id);

	const leadsTo = new Map<string, { injectId: string; label: string }[]>();
	const link = (from: string | undefined, injectId: string, label: string) => {
		if (!from) return;
		const list = leadsTo.get(from) ?? [];
		list.push({ injectId, label });
		leadsTo.set(from, list);
	};
	for (const inject of scenario.injects) {
		const t = inject.trigger;
		if (t.kind === 'after') link(t.inject, inject.id, triggerLabel(t));
		if (t.kind === 'answer' || t.kind === 'unanswered')
			link(decisionOf.get(t.decision), inject.id, triggerLabel(t));
	}

	return scenario.phases.map((phase) => ({
		id: phase.id,
		title: phase.title,
		injects: scenario.injects
			.filter((i) => i.phase === phase.id)
			.map((i) => ({
				id: i.id,
				title: i.title,
				channel: i.channel,
				audience: i.audience,
				trigger: i.trigger,
				triggerLabel: triggerLabel(i.trigger),
				hold: i.hold,
				decision: i.decision && {
					id: i.decision.id,
					prompt: i.decision.prompt,
					type: i.decision.type,
					options: i.decision.options.map((o) => ({ id: o.id, label: o.label }))
				},
				leadsTo: leadsTo.get(i.id) ?? []
			}))
	}));
}
