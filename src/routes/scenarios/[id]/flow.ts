/**
 * Turns a parsed scenario into a readable outline for the facilitator's preview: phases → injects → how each is
 * triggered and what it leads to ("when SOC answers 'Piecemeal' → Actor returns").
 */
import { clockKindLabel } from '$lib/clock-words';
import { messageFilterText } from '$lib/engine/messages';
import type {
	ClockCondition,
	ClockDef,
	Decision,
	Inject,
	Scenario,
	TeamId,
	Trigger
} from '$lib/engine/types';
import { formatElapsed } from '$lib/client/scenario-time';
import { m } from '$lib/paraglide/messages';
import { modelAnswerText } from '$lib/model-answer-words';

export { modelAnswerText };
import { formatSpan } from '../duration';
import { fillVariables } from '../template';

/** One consequence of an inject: a later inject that its delivery or its decision sets off. */
export interface FlowBranch {
	when: string;
	injectId: string;
	title: string;
}

/** One inject as the preview shows it. */
export interface FlowInject {
	id: string;
	title: string;
	channel: string;
	audience: string;
	trigger: string;
	hold: boolean;
	decision?: {
		prompt: string;
		type: string;
		deadline?: string;
		options: { label: string; points: number }[];
		/** The model answer in words: the best option(s), the expected order of a ranking, the best band. */
		model?: string;
		/** Each team sees the options in its own shuffled order (choice and ranking decisions). */
		shuffled: boolean;
	};
	branches: FlowBranch[];
}

/** One phase with its injects in scenario order. */
export interface FlowPhase {
	id: string;
	title: string;
	injects: FlowInject[];
}

function teamNames(scenario: Scenario, audience: 'all' | TeamId[]): string {
	if (audience === 'all') return m.flow_all_teams();
	return audience.map((id) => scenario.teams.find((t) => t.id === id)?.name ?? id).join(', ');
}

function decisionOwner(scenario: Scenario, decisionId: string): { decision?: Decision; inject?: Inject } {
	const inject = scenario.injects.find((i) => i.decision?.id === decisionId);
	return { decision: inject?.decision, inject };
}

function optionLabels(decision: Decision | undefined, ids: string[]): string {
	return ids
		.map((id) => m.flow_quoted({ text: decision?.options.find((o) => o.id === id)?.label ?? id }))
		.join(` ${m.flow_or()} `);
}

function delayText(delay: number): string {
	return delay > 0 ? `, ${m.flow_later({ delay: formatSpan(delay) })}` : '';
}

function rangeText(range: { min?: number; max?: number }, unit?: string): string {
	const u = unit ? ` ${unit}` : '';
	if (range.min !== undefined && range.max !== undefined)
		return m.flow_between({ min: String(range.min), max: String(range.max), unit: u });
	if (range.min !== undefined) return m.flow_or_more({ min: String(range.min), unit: u });
	if (range.max !== undefined) return m.flow_or_less({ max: String(range.max), unit: u });
	return m.flow_any_number();
}

/** The condition of a trigger in words, naming teams, options and injects rather than ids. */
export function describeTrigger(scenario: Scenario, trigger: Trigger): string {
	switch (trigger.kind) {
		case 'at':
			return m.flow_at({ time: formatElapsed(trigger.at) });
		case 'after': {
			const source = scenario.injects.find((i) => i.id === trigger.inject);
			const title = source?.title ?? trigger.inject;
			return trigger.delay > 0
				? m.flow_after({ delay: formatSpan(trigger.delay), title })
				: m.flow_as_soon_as({ title });
		}
		case 'answer': {
			const { decision, inject } = decisionOwner(scenario, trigger.decision);
			const who =
				inject && inject.audience !== 'all' && inject.audience.length === 1
					? teamNames(scenario, inject.audience)
					: m.flow_a_team();
			const what = trigger.options?.length
				? optionLabels(decision, trigger.options)
				: trigger.range
					? rangeText(trigger.range, decision?.numeric?.unit)
					: m.flow_anything();
			return `${m.flow_when_answers({ who, what })}${delayText(trigger.delay)}`;
		}
		case 'unanswered': {
			const { inject } = decisionOwner(scenario, trigger.decision);
			return `${m.flow_unanswered({ title: inject?.title ?? trigger.decision })}${delayText(trigger.delay)}`;
		}
		case 'clockMissed': {
			const clock = scenario.clocks.find((c) => c.id === trigger.clock);
			const name = clock?.name ?? trigger.clock;
			const what =
				clock?.kind === 'hold' ? m.flow_hold_breached({ clock: name }) : m.flow_clock_missed({ clock: name });
			return `${what}${delayText(trigger.delay)}`;
		}
		case 'manual':
			return m.flow_manual();
	}
}

function consequencesOf(scenario: Scenario, source: Inject): FlowBranch[] {
	const branches: FlowBranch[] = [];
	for (const next of scenario.injects) {
		const t = next.trigger;
		const fromDelivery = t.kind === 'after' && t.inject === source.id;
		const fromDecision =
			(t.kind === 'answer' || t.kind === 'unanswered') && t.decision === source.decision?.id;
		if (fromDelivery || fromDecision) {
			branches.push({ when: describeTrigger(scenario, t), injectId: next.id, title: next.title });
		}
	}
	return branches;
}

/** The whole scenario as phases of injects, each with its trigger and branches in words ({{variables}} filled). */
export function flowOutline(raw: Scenario): FlowPhase[] {
	const scenario = withFilledTitles(raw);
	return scenario.phases.map((phase) => ({
		id: phase.id,
		title: phase.title,
		injects: scenario.injects
			.filter((i) => i.phase === phase.id)
			.map((i) => ({
				id: i.id,
				title: i.title,
				channel: i.channel,
				audience: teamNames(scenario, i.audience),
				trigger: describeTrigger(scenario, i.trigger),
				hold: i.hold,
				decision: i.decision && {
					prompt: i.decision.prompt,
					type: DECISION_TYPE_WORDS[i.decision.type](),
					deadline: i.decision.deadline === undefined ? undefined : formatSpan(i.decision.deadline),
					options: i.decision.options.map((o) => ({ label: o.label, points: o.points })),
					model: modelAnswerText(i.decision),
					shuffled: i.decision.options.length > 1 && i.decision.shuffle !== false
				},
				branches: consequencesOf(scenario, i)
			}))
	}));
}

/** A regulatory clock's start or stop condition in words. */
export function describeClockCondition(scenario: Scenario, condition: ClockCondition): string {
	switch (condition.kind) {
		case 'inject': {
			const inject = scenario.injects.find((i) => i.id === condition.inject);
			return m.flow_delivered({ title: inject?.title ?? condition.inject });
		}
		case 'answer': {
			const { decision, inject } = decisionOwner(scenario, condition.decision);
			const what = condition.options?.length ? optionLabels(decision, condition.options) : m.flow_anything();
			return m.flow_team_answers({ what, title: inject?.title ?? condition.decision });
		}
		case 'clockStopped': {
			const clock = scenario.clocks.find((c) => c.id === condition.clock);
			return m.flow_clock_stops({ clock: clock?.name ?? condition.clock });
		}
		case 'message':
			return messageFilterText(scenario, condition.message);
	}
}

type CountWords = (inputs: { count: string }) => string;
const UNIT_WORDS: Record<ClockDef['deadline']['unit'], [CountWords, CountWords]> = {
	minutes: [m.flow_unit_minutes_one, m.flow_unit_minutes_many],
	hours: [m.flow_unit_hours_one, m.flow_unit_hours_many],
	days: [m.flow_unit_days_one, m.flow_unit_days_many],
	businessDays: [m.flow_unit_business_days_one, m.flow_unit_business_days_many],
	months: [m.flow_unit_months_one, m.flow_unit_months_many]
};

const DECISION_TYPE_WORDS: Record<Decision['type'], () => string> = {
	single: m.flow_type_single,
	multiple: m.flow_type_multiple,
	text: m.flow_type_text,
	numeric: m.flow_type_numeric,
	ranking: m.flow_type_ranking
};

/** A clock's deadline as "7 business days" or "1 hour". */
export function describeDeadline(deadline: ClockDef['deadline']): string {
	const [one, many] = UNIT_WORDS[deadline.unit];
	return (deadline.amount === 1 ? one : many)({ count: String(deadline.amount) });
}

/** A copy whose inject titles, prompts and option labels read as they will in the exercise. */
function withFilledTitles(scenario: Scenario): Scenario {
	const fill = (text: string) => fillVariables(text, scenario.variables);
	return {
		...scenario,
		injects: scenario.injects.map((i) => ({
			...i,
			title: fill(i.title),
			decision: i.decision && {
				...i.decision,
				prompt: fill(i.decision.prompt),
				options: i.decision.options.map((o) => ({ ...o, label: fill(o.label) }))
			}
		}))
	};
}

/** One regulatory clock as the scenario guide lists it. */
export interface ClockRow {
	id: string;
	name: string;
	regime: string;
	/** "Deadline", "Hold" or the benchmark label (clock-words.ts). */
	kind: string;
	owner: string;
	deadline: string;
	starts: string;
	stops: string;
	points: string;
}

/** The scenario's regulatory clocks in words: owner team, deadline, start and stop conditions, points. */
export function clockRows(raw: Scenario): ClockRow[] {
	const scenario = withFilledTitles(raw);
	return scenario.clocks.map((clock) => ({
		id: clock.id,
		name: clock.name,
		regime: clock.regime,
		kind: clockKindLabel(clock),
		owner: scenario.teams.find((t) => t.id === clock.owner)?.name ?? clock.owner,
		deadline: describeDeadline(clock.deadline),
		starts: describeClockCondition(scenario, clock.start),
		stops:
			clock.stop.map((c) => describeClockCondition(scenario, c)).join(m.flow_stop_or()) || m.flow_never(),
		points: `${clock.scoring.met} / ${clock.scoring.missed}`
	}));
}
