/**
 * Lookups over a scenario, built once per scenario object: injects and decisions by id, and which injects or
 * clocks react to a delivery, an answer, a deadline or a clock. They keep each input's work independent of
 * the scenario's size.
 */
import type { ClockDef, Decision, Inject, Scenario } from './types';

/** Reverse indexes from events to the injects and clocks they trigger. */
export interface ScenarioIndex {
	injects: Map<string, Inject>;
	decisions: Map<string, { decision: Decision; inject: Inject }>;
	clocks: Map<string, ClockDef>;
	phaseIndex: Map<string, number>;
	afterInject: Map<string, Inject[]>;
	onAnswer: Map<string, Inject[]>;
	onUnanswered: Map<string, Inject[]>;
	onClockMissed: Map<string, Inject[]>;
	atStart: Inject[];
	clocksStartingOnInject: Map<string, ClockDef[]>;
	clocksStartingOnAnswer: Map<string, ClockDef[]>;
	clocksStartingOnClock: Map<string, ClockDef[]>;
	clocksStoppingOnInject: Map<string, ClockDef[]>;
	clocksStoppingOnAnswer: Map<string, ClockDef[]>;
	clocksStoppingOnClock: Map<string, ClockDef[]>;
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** The (memoised) index of `scenario`. */
export function indexOf(scenario: Scenario): ScenarioIndex {
	const hit = cache.get(scenario);
	if (hit) return hit;
	const ix: ScenarioIndex = {
		injects: new Map(),
		decisions: new Map(),
		clocks: new Map(),
		phaseIndex: new Map(scenario.phases.map((p, i) => [p.id, i])),
		afterInject: new Map(),
		onAnswer: new Map(),
		onUnanswered: new Map(),
		onClockMissed: new Map(),
		atStart: [],
		clocksStartingOnInject: new Map(),
		clocksStartingOnAnswer: new Map(),
		clocksStartingOnClock: new Map(),
		clocksStoppingOnInject: new Map(),
		clocksStoppingOnAnswer: new Map(),
		clocksStoppingOnClock: new Map()
	};
	for (const inject of scenario.injects) {
		ix.injects.set(inject.id, inject);
		if (inject.decision) ix.decisions.set(inject.decision.id, { decision: inject.decision, inject });
		const t = inject.trigger;
		if (t.kind === 'at') ix.atStart.push(inject);
		else if (t.kind === 'after') push(ix.afterInject, t.inject, inject);
		else if (t.kind === 'answer') push(ix.onAnswer, t.decision, inject);
		else if (t.kind === 'unanswered') push(ix.onUnanswered, t.decision, inject);
		else if (t.kind === 'clockMissed') push(ix.onClockMissed, t.clock, inject);
	}
	for (const clock of scenario.clocks) {
		ix.clocks.set(clock.id, clock);
		const s = clock.start;
		if (s.kind === 'inject') push(ix.clocksStartingOnInject, s.inject, clock);
		else if (s.kind === 'answer') push(ix.clocksStartingOnAnswer, s.decision, clock);
		else push(ix.clocksStartingOnClock, s.clock, clock);
		for (const stop of clock.stop) {
			if (stop.kind === 'inject') push(ix.clocksStoppingOnInject, stop.inject, clock);
			else if (stop.kind === 'answer') push(ix.clocksStoppingOnAnswer, stop.decision, clock);
			else push(ix.clocksStoppingOnClock, stop.clock, clock);
		}
	}
	cache.set(scenario, ix);
	return ix;
}

/** The exercise teams an inject goes to: its audience ∩ the teams taking part. */
export function audienceTeams(audience: 'all' | readonly string[], teams: readonly string[]): string[] {
	return audience === 'all' ? teams.slice() : teams.filter((t) => audience.includes(t));
}
