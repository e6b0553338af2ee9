/**
 * Checks of the message parts of a scenario: personas (unique ids, distinct from team ids, unique reply
 * templates), approval routes and reactions (known teams, personas, injects and clocks; one trigger and one
 * action each).
 */
import type { CheckContext } from './catalog';
import type { RawCondition } from './schema';
import type { Path } from './source-map';
import { didYouMean } from './suggest';

const list = (v: string | string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

/** Reports problems in personas, approvals and reactions. */
export function checkMessages(ctx: CheckContext): void {
	const { draft, catalog } = ctx;
	const personas = new Map<string, number>();
	draft.personas.forEach((persona, i) => {
		if (!persona) return;
		const at: Path = ['personas', i];
		const first = personas.get(persona.id);
		if (first !== undefined)
			ctx.report(
				[...at, 'id'],
				`duplicate persona id "${persona.id}": already defined on line ${ctx.lineOf(['personas', first, 'id'])}`
			);
		else personas.set(persona.id, i);
		if (catalog.teams.has(persona.id))
			ctx.report(
				[...at, 'id'],
				`persona id "${persona.id}" is also a team id: recipients must be unambiguous`
			);
		const replies = new Set<string>();
		persona.replies.forEach((reply, j) => {
			if (replies.has(reply.id))
				ctx.report(
					[...at, 'replies', j, 'id'],
					`duplicate reply template id "${reply.id}" in "${persona.id}"`
				);
			replies.add(reply.id);
		});
	});
	const known = (ids: Iterable<string>, id: string, what: string, path: Path) => {
		const set = new Set(ids);
		if (set.has(id) || draft.brokenIds.has(id)) return true;
		ctx.report(path, `unknown ${what} "${id}"${didYouMean(id, set)}`);
		return false;
	};
	const team = (id: string, path: Path) => known(catalog.teams.keys(), id, 'team', path);
	const teamsAt = (raw: string | string[] | undefined, path: Path) =>
		list(raw).forEach((id, k) => team(id, typeof raw === 'string' ? path : [...path, k]));

	draft.approvals.forEach((route, i) => {
		if (!route) return;
		const at: Path = ['approvals', i];
		teamsAt(route.from, [...at, 'from']);
		(route.to ?? []).forEach((id, k) =>
			known([...personas.keys(), ...catalog.teams.keys()], id, 'persona or team', [...at, 'to', k])
		);
		team(route.by, [...at, 'by']);
		if (list(route.from).length > 0 && list(route.from).every((t) => t === route.by))
			ctx.report([...at, 'by'], `a team never needs its own approval: "${route.by}" is the only author team`);
	});

	const filterAt = (
		filter: { from?: string | string[]; to?: string[]; channels?: string[] },
		path: Path,
		empty: string
	) => {
		if (filter.from === undefined && filter.to === undefined && filter.channels === undefined)
			ctx.report(path, `${empty}: give from, to or channels`);
		teamsAt(filter.from, [...path, 'from']);
		(filter.to ?? []).forEach((id, j) =>
			known([...personas.keys(), ...catalog.teams.keys()], id, 'persona or team', [...path, 'to', j])
		);
	};

	// A message condition only breaches a hold: reactions start and stop clocks on messages.
	draft.clocks.forEach((clock, i) => {
		if (!clock) return;
		const at: Path = ['clocks', i];
		const elsewhere: [RawCondition | undefined, Path][] = [
			[clock.starts, [...at, 'starts']],
			...clock.stops.map((c, k): [RawCondition, Path] => [c, [...at, 'stops', k]]),
			...clock.extensions.map((e, k): [RawCondition, Path] => [e?.on, [...at, 'extensions', k, 'on']])
		];
		for (const [condition, path] of elsewhere)
			if (condition && 'message' in condition)
				ctx.report(
					path,
					'a message condition only breaches a hold: to start or stop a clock on a message, write a reaction'
				);
		clock.breaches.forEach((condition, k) => {
			if (!condition || !('message' in condition)) return;
			filterAt(condition.message, [...at, 'breaches', k, 'message'], 'say which messages breach the hold');
		});
	});

	const rubrics = new Map<string, number>();
	draft.messageRubrics.forEach((rubric, i) => {
		if (!rubric) return;
		const at: Path = ['messageRubrics', i];
		const first = rubrics.get(rubric.id);
		if (first !== undefined)
			ctx.report(
				[...at, 'id'],
				`duplicate message rubric id "${rubric.id}": already defined on line ${ctx.lineOf(['messageRubrics', first, 'id'])}`
			);
		else rubrics.set(rubric.id, i);
		filterAt(rubric.match, [...at, 'match'], 'say which messages the rubric marks');
		rubric.objectives.forEach((id, k) =>
			known(catalog.objectives.keys(), id, 'objective', [...at, 'objectives', k])
		);
		const criteria = new Set<string>();
		rubric.criteria.forEach((c, k) => {
			if (criteria.has(c.id))
				ctx.report([...at, 'criteria', k, 'id'], `duplicate criterion id "${c.id}" in "${rubric.id}"`);
			criteria.add(c.id);
		});
	});

	draft.reactions.forEach((reaction, i) => {
		if (!reaction) return;
		const at: Path = ['reactions', i];
		const triggers = (['when', 'unless'] as const).filter((k) => reaction[k] !== undefined);
		if (triggers.length !== 1) {
			ctx.report(at, 'a reaction needs exactly one of when or unless');
			return;
		}
		const actions = (['release', 'start', 'stop'] as const).filter((k) => reaction[k] !== undefined);
		if (actions.length !== 1) ctx.report(at, 'a reaction needs exactly one of release, start or stop');
		const key = triggers[0];
		const match = reaction[key]!;
		known(personas.keys(), match.to, 'persona', [...at, key, 'to']);
		teamsAt(match.from, [...at, key, 'from']);
		if (reaction.release !== undefined)
			known(catalog.injects.keys(), reaction.release, 'inject', [...at, 'release']);
		else if (reaction.delay !== undefined) ctx.report([...at, 'delay'], 'delay only applies to release');
		for (const k of ['start', 'stop'] as const) {
			const id = reaction[k];
			if (id === undefined || !known(catalog.clocks.keys(), id, 'clock', [...at, k])) continue;
			const clock = catalog.clocks.get(id)?.clock;
			if (k === 'stop' && clock?.kind === 'hold')
				ctx.report([...at, k], `clock "${id}" is a hold: a hold cannot be stopped, only breached`);
		}
	});
}
