/**
 * Flow checks: which injects can ever reach a team, trigger chains that loop, and clocks that can never start
 * or never stop. Reachability is computed per team, because `after` and `when` triggers deliver per team.
 */
import { audienceOf, type CheckContext } from './catalog';
import type { BrokenRefs } from './references';
import type { RawCondition, RawGuard, RawInject } from './schema';
import { findCycles } from './cycles';

const list = (teams: Iterable<string>) => [...teams].join(', ') || 'no team';

/** Reports unreachable injects, trigger cycles and clocks that cannot start or stop. */
export function checkFlow(ctx: CheckContext, broken: BrokenRefs): void {
	const { catalog, draft } = ctx;
	const everyone = new Set(catalog.teamIds);
	const reached = new Map<string, Set<string>>();
	const starts = new Map<string, boolean>();
	const stops = new Map<string, boolean>();

	const injectReach = (id: string): Set<string> =>
		draft.brokenIds.has(id) && !catalog.injects.has(id) ? everyone : (reached.get(id) ?? new Set());
	const decisionReach = (id: string): Set<string> => {
		const entry = catalog.decisions.get(id);
		return entry ? injectReach(entry.inject.id) : everyone;
	};
	const clockFlag = (map: Map<string, boolean>, id: string) =>
		catalog.clocks.has(id) ? (map.get(id) ?? false) : true;
	// A message can always be sent: a team may write to anyone at any time.
	const happens = (event: RawCondition | RawGuard): boolean =>
		'message' in event
			? true
			: 'inject' in event
				? injectReach(event.inject).size > 0
				: 'decision' in event
					? decisionReach(event.decision).size > 0
					: 'clockRunning' in event
						? clockFlag(starts, event.clockRunning)
						: clockFlag(stops, event.clockStopped);
	const holds = (condition: RawCondition): boolean =>
		happens(condition) && (condition.requires ?? []).every(happens);

	const teamsFor = (inject: RawInject, index: number): Set<string> => {
		const audience = new Set(audienceOf(inject, catalog));
		const trigger = inject.trigger;
		if (trigger === 'manual' || 'at' in trigger || broken.has(`injects.${index}`)) return audience;
		const within = (teams: Set<string>) => new Set([...audience].filter((team) => teams.has(team)));
		if ('after' in trigger) return within(injectReach(trigger.after));
		if ('clockMissed' in trigger) return clockFlag(starts, trigger.clockMissed) ? audience : new Set();
		const id = 'when' in trigger ? trigger.when : trigger.unanswered;
		if (blockedReason(ctx, inject)) return new Set();
		return within(decisionReach(id));
	};

	for (let changed = true; changed;) {
		changed = false;
		draft.injects.forEach((inject, index) => {
			if (!inject || catalog.injects.get(inject.id)?.index !== index) return;
			const teams = teamsFor(inject, index);
			if (teams.size > (reached.get(inject.id)?.size ?? 0)) {
				reached.set(inject.id, teams);
				changed = true;
			}
		});
		draft.clocks.forEach((clock, index) => {
			if (!clock || catalog.clocks.get(clock.id)?.index !== index) return;
			const started = broken.has(`clocks.${index}.starts`) || holds(clock.starts);
			// A hold ends by itself at its deadline.
			const stopped =
				started &&
				(clock.kind === 'hold' ||
					clock.stops.some((stop, j) => broken.has(`clocks.${index}.stops.${j}`) || holds(stop)));
			if (started !== (starts.get(clock.id) ?? false) || stopped !== (stops.get(clock.id) ?? false)) {
				starts.set(clock.id, started);
				stops.set(clock.id, stopped);
				changed = true;
			}
		});
	}

	const inCycle = findCycles(ctx, (cycle, path) => {
		const chain =
			cycle.length === 1
				? `"${cycle[0]}" waits for itself, so it can never be delivered`
				: `"${cycle[0]}" waits for ${[...cycle.slice(1), cycle[0]].map((id) => `"${id}"`).join(', which waits for ')}, so none of them can ever be delivered`;
		ctx.report(path, `trigger cycle: ${chain}`);
	});

	draft.injects.forEach((inject, index) => {
		if (!inject || catalog.injects.get(inject.id)?.index !== index || inCycle.has(inject.id)) return;
		if (broken.has(`injects.${index}`) || (reached.get(inject.id)?.size ?? 0) > 0) return;
		const trigger = inject.trigger;
		if (trigger === 'manual' || 'at' in trigger) return;
		const at = ['injects', index, 'trigger'];
		const audience = list(audienceOf(inject, catalog));
		if ('after' in trigger) {
			const teams = injectReach(trigger.after);
			const why =
				teams.size === 0
					? `it waits for inject "${trigger.after}", which can never be delivered`
					: `inject "${trigger.after}" reaches only ${list(teams)}, and this inject is for ${audience}`;
			ctx.report([...at, 'after'], `can never be delivered: ${why}`);
		} else if ('clockMissed' in trigger) {
			ctx.report(
				[...at, 'clockMissed'],
				`can never be delivered: clock "${trigger.clockMissed}" can never start`
			);
		} else {
			const key = 'when' in trigger ? 'when' : 'unanswered';
			const id = 'when' in trigger ? trigger.when : trigger.unanswered;
			const entry = catalog.decisions.get(id);
			const teams = decisionReach(id);
			const why =
				blockedReason(ctx, inject) ??
				(teams.size === 0
					? `decision "${id}" belongs to inject "${entry?.inject.id}", which can never be delivered`
					: `only teams that received decision "${id}" (${list(teams)}) can trigger it, and this inject is for ${audience}`);
			ctx.report([...at, key], `can never be delivered: ${why}`);
		}
	});

	draft.clocks.forEach((clock, index) => {
		if (!clock || catalog.clocks.get(clock.id)?.index !== index) return;
		if (!starts.get(clock.id)) {
			if (!broken.has(`clocks.${index}.starts`))
				ctx.report(
					['clocks', index, 'starts'],
					`clock "${clock.id}" can never start: ${conditionFails(clock.starts)}`
				);
			return;
		}
		const anyBroken = clock.stops.some((_, j) => broken.has(`clocks.${index}.stops.${j}`));
		if (!stops.get(clock.id) && !anyBroken && clock.stops.length > 0)
			ctx.report(
				['clocks', index, 'stops'],
				`clock "${clock.id}" can never stop: ${clock.stops.map(conditionFails).join('; ')}`
			);
	});

	function conditionFails(condition: RawCondition): string {
		if (!happens(condition)) return eventFails(condition);
		const guard = (condition.requires ?? []).find((g) => !happens(g));
		return guard ? `it requires ${guardText(guard)}, which can never happen` : '';
	}

	function guardText(guard: RawGuard): string {
		if ('inject' in guard) return `inject "${guard.inject}" to have reached a team`;
		if ('clockStopped' in guard) return `clock "${guard.clockStopped}" to have stopped`;
		if ('clockRunning' in guard) return `clock "${guard.clockRunning}" to be running`;
		return `decision "${guard.decision}" to have been answered`;
	}

	function eventFails(event: RawCondition | RawGuard): string {
		if ('message' in event) return '';
		if ('inject' in event) return `inject "${event.inject}" can never be delivered`;
		if ('clockStopped' in event) return `clock "${event.clockStopped}" can never stop`;
		if ('clockRunning' in event) return `clock "${event.clockRunning}" can never start`;
		const entry = catalog.decisions.get(event.decision);
		return `decision "${event.decision}" belongs to inject "${entry?.inject.id}", which can never be delivered`;
	}
}

/** Why an answer-driven trigger can never fire whatever the teams do, or null. */
function blockedReason(ctx: CheckContext, inject: RawInject): string | null {
	const trigger = inject.trigger;
	if (trigger === 'manual' || !('when' in trigger || 'unanswered' in trigger)) return null;
	const id = 'when' in trigger ? trigger.when : trigger.unanswered;
	const decision = ctx.catalog.decisions.get(id)?.decision;
	if (!decision) return null;
	if ('unanswered' in trigger && decision.deadline === undefined)
		return `decision "${id}" has no deadline, so it is never left unanswered`;
	if ('when' in trigger && trigger.range && decision.numeric) {
		const low = Math.max(trigger.range.min ?? -Infinity, decision.numeric.min ?? -Infinity);
		const high = Math.min(trigger.range.max ?? Infinity, decision.numeric.max ?? Infinity);
		if (low > high)
			return `range ${trigger.range.min ?? '…'}..${trigger.range.max ?? '…'} lies outside the answers decision "${id}" accepts (${decision.numeric.min ?? '…'}..${decision.numeric.max ?? '…'})`;
	}
	return null;
}
