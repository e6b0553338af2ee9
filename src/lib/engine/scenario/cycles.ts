/** Trigger cycles: injects that wait on each other through after, when, unanswered or clockMissed triggers. */
import type { CheckContext } from './catalog';
import type { Path } from './source-map';

/** Inject ids a trigger waits for (through a decision's inject, or the inject that starts a clock). */
function dependencies(ctx: CheckContext, injectId: string): string[] {
	const { catalog } = ctx;
	const trigger = catalog.injects.get(injectId)?.inject.trigger;
	if (!trigger || trigger === 'manual' || 'at' in trigger) return [];
	if ('after' in trigger) return [trigger.after];
	const decisionInject = (id: string) => catalog.decisions.get(id)?.inject.id;
	if ('when' in trigger) return [decisionInject(trigger.when) ?? ''];
	if ('unanswered' in trigger) return [decisionInject(trigger.unanswered) ?? ''];
	const starts = catalog.clocks.get(trigger.clockMissed)?.clock.starts;
	if (!starts) return [];
	return [
		'inject' in starts ? starts.inject : 'decision' in starts ? (decisionInject(starts.decision) ?? '') : ''
	];
}

/** Calls `report` once per cycle with its inject ids (each waits for the next, the last for the first) and the path of its first member's trigger; returns all members. */
export function findCycles(ctx: CheckContext, report: (cycle: string[], path: Path) => void): Set<string> {
	const { catalog } = ctx;
	const members = new Set<string>();
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (id: string) => {
		state.set(id, 'open');
		stack.push(id);
		for (const next of dependencies(ctx, id)) {
			if (!catalog.injects.has(next)) continue;
			if (state.get(next) === 'open') {
				const cycle = stack.slice(stack.indexOf(next));
				if (cycle.some((member) => members.has(member))) continue;
				cycle.forEach((member) => members.add(member));
				// Start the cycle at its earliest inject in the file so the message does not depend on visit order.
				const first = cycle.reduce((a, b) =>
					catalog.injects.get(a)!.index <= catalog.injects.get(b)!.index ? a : b
				);
				const start = cycle.indexOf(first);
				report(
					[...cycle.slice(start), ...cycle.slice(0, start)],
					['injects', catalog.injects.get(first)!.index, 'trigger']
				);
			} else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(id, 'done');
	};
	for (const id of catalog.injects.keys()) if (!state.has(id)) visit(id);
	return members;
}
