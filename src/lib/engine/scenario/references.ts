/**
 * Reference checks: every id a scenario mentions (phase, team, inject, decision, option, clock, objective,
 * source) must be defined in it. {{variables}} are checked in template-fields.ts.
 */
import type { CheckContext, DecisionEntry } from './catalog';
import type { RawCondition, RawGuard, RawTrigger } from './schema';
import type { Path } from './source-map';
import { didYouMean } from './suggest';

type Kind = 'team' | 'phase' | 'objective' | 'source' | 'inject' | 'clock' | 'decision';
const COLLECTION = {
	team: 'teams',
	phase: 'phases',
	objective: 'objectives',
	source: 'sources',
	inject: 'injects',
	clock: 'clocks',
	decision: 'injects'
} as const;

/** Paths whose reference is broken; the flow checks do not report these a second time. */
export type BrokenRefs = Set<string>;

/** Reports unknown references; returns the paths (as text) of triggers and clock conditions that refer to nothing. */
export function checkReferences(ctx: CheckContext): BrokenRefs {
	const { draft, catalog } = ctx;
	const broken: BrokenRefs = new Set();
	const defined: Record<Kind, Map<string, unknown>> = {
		team: catalog.teams,
		phase: catalog.phases,
		objective: catalog.objectives,
		source: catalog.sources,
		inject: catalog.injects,
		clock: catalog.clocks,
		decision: catalog.decisions
	};
	/** True when the id resolves (or cannot be judged because its definition is itself broken). */
	const known = (kind: Kind, id: string, path: Path): boolean => {
		if (defined[kind].has(id) || draft.brokenIds.has(id) || draft.missing.has(COLLECTION[kind])) return true;
		ctx.report(path, `unknown ${kind} "${id}"${didYouMean(id, defined[kind].keys())}`);
		return false;
	};
	const each = (kind: Kind, ids: string[], path: Path) =>
		ids.forEach((id, i) => known(kind, id, [...path, i]));

	draft.objectives.forEach(
		(objective, i) => objective && each('source', objective.sources, ['objectives', i, 'sources'])
	);
	draft.injects.forEach((inject, i) => {
		if (!inject) return;
		const at: Path = ['injects', i];
		known('phase', inject.phase, [...at, 'phase']);
		if (inject.to !== 'all') each('team', inject.to, [...at, 'to']);
		if (inject.decision) each('objective', inject.decision.objectives, [...at, 'decision', 'objectives']);
		if (!checkTrigger(ctx, inject.trigger, [...at, 'trigger'], known)) broken.add(`injects.${i}`);
	});
	draft.clocks.forEach((clock, i) => {
		if (!clock) return;
		const at: Path = ['clocks', i];
		known('team', clock.owner, [...at, 'owner']);
		if (!checkCondition(ctx, clock.starts, [...at, 'starts'], known)) broken.add(`clocks.${i}.starts`);
		for (const key of ['stops', 'breaches'] as const)
			clock[key].forEach((condition, j) => {
				if (!checkCondition(ctx, condition, [...at, key, j], known)) broken.add(`clocks.${i}.${key}.${j}`);
			});
		clock.extensions.forEach((extension, j) => {
			if (!checkCondition(ctx, extension.on, [...at, 'extensions', j, 'on'], known))
				broken.add(`clocks.${i}.extensions.${j}.on`);
		});
		if (clock.from) known('clock', clock.from.clockStopped, [...at, 'from', 'clockStopped']);
		each('objective', clock.scoring.objectives, [...at, 'scoring', 'objectives']);
		each('source', clock.sources, [...at, 'sources']);
	});
	return broken;
}

type Known = (kind: Kind, id: string, path: Path) => boolean;

function checkTrigger(ctx: CheckContext, trigger: RawTrigger, path: Path, known: Known): boolean {
	if (trigger === 'manual' || 'at' in trigger) return true;
	if ('after' in trigger) return known('inject', trigger.after, [...path, 'after']);
	if ('clockMissed' in trigger) return known('clock', trigger.clockMissed, [...path, 'clockMissed']);
	if ('unanswered' in trigger) return known('decision', trigger.unanswered, [...path, 'unanswered']);
	if (!known('decision', trigger.when, [...path, 'when'])) return false;
	const entry = ctx.catalog.decisions.get(trigger.when);
	if (!entry) return true;
	const type = entry.decision.type;
	if (trigger.options && type !== 'single' && type !== 'multiple') {
		ctx.report(
			[...path, 'options'],
			`decision "${entry.id}" is a ${type} decision: options in a trigger only apply to single and multiple decisions`
		);
		return false;
	}
	if (trigger.range && type !== 'numeric') {
		ctx.report(
			[...path, 'range'],
			`decision "${entry.id}" is a ${type} decision: range only applies to numeric decisions`
		);
		return false;
	}
	return optionsExist(ctx, entry, trigger.options ?? [], [...path, 'options']);
}

function checkCondition(ctx: CheckContext, condition: RawCondition, path: Path, known: Known): boolean {
	const guardsKnown = (condition.requires ?? []).map((guard, i) =>
		checkGuard(ctx, guard, [...path, 'requires', i], known)
	);
	return checkEvent(ctx, condition, path, known) && guardsKnown.every(Boolean);
}

function checkGuard(ctx: CheckContext, guard: RawGuard, path: Path, known: Known): boolean {
	if ('clockRunning' in guard) return known('clock', guard.clockRunning, [...path, 'clockRunning']);
	return checkEvent(ctx, guard, path, known);
}

function checkEvent(
	ctx: CheckContext,
	condition: RawCondition | Exclude<RawGuard, { clockRunning: string }>,
	path: Path,
	known: Known
): boolean {
	if ('inject' in condition) return known('inject', condition.inject, [...path, 'inject']);
	// Message filters name personas, which messages.ts checks with the other message parts.
	if ('message' in condition) return true;
	if ('clockStopped' in condition) return known('clock', condition.clockStopped, [...path, 'clockStopped']);
	if (!known('decision', condition.decision, [...path, 'decision'])) return false;
	const entry = ctx.catalog.decisions.get(condition.decision);
	return !entry || optionsExist(ctx, entry, condition.options ?? [], [...path, 'options']);
}

function optionsExist(ctx: CheckContext, entry: DecisionEntry, options: string[], path: Path): boolean {
	const ids = entry.decision.options.map((option) => option.id);
	let ok = true;
	options.forEach((option, i) => {
		if (ids.includes(option)) return;
		ok = false;
		const listed = ids.length ? ` (its options: ${ids.join(', ')})` : ' (it has no options)';
		ctx.report(
			[...path, i],
			`decision "${entry.id}" has no option "${option}"${didYouMean(option, ids) || listed}`
		);
	});
	return ok;
}
