/**
 * Clock checks that need no flow analysis: a deadline clock stops, a hold is breached (never both), extensions
 * move the deadline by a positive amount, and `from` names another clock.
 */
import type { CheckContext } from './catalog';
import { parseDeadline } from './durations';

/** Reports clocks whose kind and conditions do not fit together. */
export function checkClocks(ctx: CheckContext): void {
	ctx.draft.clocks.forEach((clock, i) => {
		if (!clock) return;
		const at = ['clocks', i];
		if (clock.kind === 'hold') {
			if (clock.breaches.length === 0)
				ctx.report(
					[...at, 'kind'],
					`hold "${clock.id}" needs breaches: the conditions that break the hold while it runs`
				);
			if (clock.stops.length > 0)
				ctx.report(
					[...at, 'stops'],
					`hold "${clock.id}" cannot have stops: a hold ends at its deadline; list what breaks it under breaches`
				);
		} else {
			if (clock.stops.length === 0)
				ctx.report(
					[...at, 'stops'],
					`clock "${clock.id}" needs stops: the conditions that meet it (or write kind: hold for a period that must be observed)`
				);
			if (clock.breaches.length > 0)
				ctx.report(
					[...at, 'breaches'],
					`clock "${clock.id}" is a deadline clock: breaches only apply to kind: hold`
				);
		}
		clock.extensions.forEach((extension, j) => {
			if (parseDeadline(extension.by)?.amount === 0)
				ctx.report(
					[...at, 'extensions', j, 'by'],
					`an extension must move the deadline by more than zero, found "${extension.by}"`
				);
		});
		if (clock.from?.clockStopped === clock.id)
			ctx.report(
				[...at, 'from', 'clockStopped'],
				`clock "${clock.id}" cannot count its deadline from its own stop`
			);
	});
}
