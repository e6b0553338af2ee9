/**
 * Lookups over a scenario, built once per scenario object: injects and decisions by id, and which injects or
 * clocks react to a delivery, an answer, a deadline or a clock. They keep each input's work independent of
 * the scenario's size.
 */
import type { ClockCondition, ClockDef, Decision, Inject, Scenario } from './types';

/** One place a clock listens for an event: its start, a stop, a breach or an extension's `on`. */
export interface ClockHook {
	clock: ClockDef;
	role: 'start' | 'stop' | 'breach' | 'extend';
	condition: ClockCondition;
	/** For `extend`: the index of the extension in `clock.extensions`. */
	extension?: number;
}

/** Clock hooks by the event that may fire them, keyed by inject, decision or clock id. */
export interface ClockHooks {
	inject: Map<string, ClockHook[]>;
	answer: Map<string, ClockHook[]>;
	clockStopped: Map<string, ClockHook[]>;
	/** Every hook listening for sent messages, under the key `message`. */
	message: Map<string, ClockHook[]>;
}

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
	/** Starts first, then stops, breaches and extensions, each in scenario order. */
	clockHooks: ClockHooks;
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
		clockHooks: { inject: new Map(), answer: new Map(), clockStopped: new Map(), message: new Map() }
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
	const hook = (h: ClockHook) => {
		const c = h.condition;
		const [map, key] =
			c.kind === 'inject'
				? [ix.clockHooks.inject, c.inject]
				: c.kind === 'answer'
					? [ix.clockHooks.answer, c.decision]
					: c.kind === 'message'
						? [ix.clockHooks.message, 'message']
						: [ix.clockHooks.clockStopped, c.clock];
		push(map, key, h);
	};
	for (const clock of scenario.clocks) {
		ix.clocks.set(clock.id, clock);
		hook({ clock, role: 'start', condition: clock.start });
	}
	for (const clock of scenario.clocks) {
		for (const condition of clock.stop) hook({ clock, role: 'stop', condition });
		for (const condition of clock.breaches) hook({ clock, role: 'breach', condition });
		clock.extensions.forEach((e, i) => hook({ clock, role: 'extend', condition: e.on, extension: i }));
	}
	cache.set(scenario, ix);
	return ix;
}

/** The exercise teams an inject goes to: its audience ∩ the teams taking part. */
export function audienceTeams(audience: 'all' | readonly string[], teams: readonly string[]): string[] {
	return audience === 'all' ? teams.slice() : teams.filter((t) => audience.includes(t));
}
