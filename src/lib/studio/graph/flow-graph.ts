/**
 * A scenario's statechart as a graph for the studio: phases holding their injects, the start of the exercise,
 * regulatory clocks, and one edge per trigger (offset, after, on answer per team, on a missed deadline, on a
 * missed clock) and per clock start and stop. Built from the file as written, valid or not, so the graph follows
 * the text while it is being typed. Which teams each inject can reach is worked out per team (triggers deliver
 * per team), so injects no team can ever receive and branches that can never fire are marked.
 *
 * Injects on a scenario-time offset are drawn as one timeline from StartEx in time order (each arrow says when
 * the next one falls due), so the graph reads left to right as the exercise runs and branches hang off it.
 */
import { parseDuration } from '$lib/engine/scenario/durations';
import type { Path } from '$lib/engine/scenario/source-map';

/** One box of the graph. `line` is where it is written in the YAML (1-based). */
export interface FlowNode {
	id: string;
	kind: 'start' | 'phase' | 'inject' | 'clock';
	label: string;
	line: number;
	/** The phase box an inject sits in. */
	parent?: string;
	channel?: string;
	/** Team names that receive it, or "all teams". */
	audience?: string;
	/** A decision's prompt and its options with points. */
	decision?: { prompt: string; type: string; options: { id: string; label: string; points: number }[] };
	/** Its trigger in words ("at +30m", "SOC answers 'Act'", "released by the facilitator"). */
	trigger?: string;
	/** manual: released by the facilitator; hold: waits for release when due. */
	manual?: boolean;
	hold?: boolean;
	/** Injects: no team can ever receive it. Clocks: it can never start. */
	unreachable: boolean;
	/** Team names it can reach. */
	reaches?: string[];
}

/** One arrow: what makes the target happen. */
export interface FlowEdge {
	id: string;
	source: string;
	target: string;
	kind: 'at' | 'after' | 'answer' | 'unanswered' | 'clockMissed' | 'clockStarts' | 'clockStops';
	label: string;
	/** The arrow can never fire (no team gets both ends, an unknown option, a decision without deadline...). */
	dead: boolean;
}

/** The whole graph. */
export interface FlowModel {
	nodes: FlowNode[];
	edges: FlowEdge[];
	unreachable: number;
	deadEdges: number;
}

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined =>
	typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;

/** Node ids are namespaced, as a team, an inject and a phase may share an id in the file. */
export const nodeId = {
	start: 'start',
	phase: (id: string) => `phase:${id}`,
	inject: (id: string) => `inject:${id}`,
	clock: (id: string) => `clock:${id}`
};

interface InjectInfo {
	index: number;
	id: string;
	raw: Raw;
	audience: Set<string>;
	decisionId?: string;
	optionIds: Set<string>;
	hasDeadline: boolean;
}

function durationLabel(v: unknown): string {
	const text = str(v);
	if (text === undefined) return '?';
	return /^\d+(\.\d+)?$/.test(text) ? `${text}m` : text;
}

/** Builds the graph from the parsed YAML value (as written) and a line lookup. */
export function flowModel(value: unknown, lineOf: (path: Path) => number): FlowModel {
	const root = isMap(value) ? value : {};
	const teams = list(root.teams).filter(isMap);
	const teamIds = teams.map((t) => str(t.id)).filter((id): id is string => !!id);
	const teamName = (id: string) => str(teams.find((t) => str(t.id) === id)?.name) ?? id;
	const names = (ids: Iterable<string>) => [...ids].map(teamName);
	const nodes: FlowNode[] = [
		{ id: nodeId.start, kind: 'start', label: 'StartEx', line: lineOf(['startsAt']), unreachable: false }
	];
	const edges: FlowEdge[] = [];

	const phases = list(root.phases).filter(isMap);
	phases.forEach((p, i) => {
		const id = str(p.id);
		if (id)
			nodes.push({
				id: nodeId.phase(id),
				kind: 'phase',
				label: str(p.title) ?? id,
				line: lineOf(['phases', i]),
				unreachable: false
			});
	});
	const phaseIds = new Set(phases.map((p) => str(p.id)));

	const injects = new Map<string, InjectInfo>();
	const decisions = new Map<string, InjectInfo>();
	list(root.injects).forEach((item, index) => {
		if (!isMap(item)) return;
		const id = str(item.id);
		if (!id || injects.has(id)) return;
		const to = item.to;
		const audience = new Set(Array.isArray(to) ? to.map(String).filter((t) => teamIds.includes(t)) : teamIds);
		const decision = isMap(item.decision) ? item.decision : undefined;
		const info: InjectInfo = {
			index,
			id,
			raw: item,
			audience,
			decisionId: decision ? (str(decision.id) ?? id) : undefined,
			optionIds: new Set(
				list(decision?.options)
					.filter(isMap)
					.map((o) => str(o.id) ?? '')
			),
			hasDeadline: decision?.deadline !== undefined
		};
		injects.set(id, info);
		if (info.decisionId && !decisions.has(info.decisionId)) decisions.set(info.decisionId, info);
	});
	const clocks = list(root.clocks).filter(isMap);

	// Which teams each inject can reach, and whether each clock can start: a fixpoint, as triggers chain.
	const reach = new Map<string, Set<string>>();
	const clockStarts = new Map<string, boolean>();
	const reachOf = (id: string | undefined) => (id ? (reach.get(id) ?? new Set<string>()) : new Set<string>());
	const within = (audience: Set<string>, teams: Set<string>) =>
		new Set([...audience].filter((t) => teams.has(t)));
	const conditionHolds = (c: unknown): boolean => {
		if (!isMap(c)) return false;
		if ('inject' in c) return reachOf(str(c.inject)).size > 0;
		if ('decision' in c) return reachOf(decisions.get(str(c.decision) ?? '')?.id).size > 0;
		if ('clockStopped' in c) return clockStarts.get(str(c.clockStopped) ?? '') ?? false;
		return false;
	};
	const teamsFor = (info: InjectInfo): Set<string> => {
		const t = info.raw.trigger;
		if (t === 'manual' || !isMap(t) || 'at' in t) return info.audience;
		if ('after' in t) return within(info.audience, reachOf(str(t.after)));
		if ('clockMissed' in t) return clockStarts.get(str(t.clockMissed) ?? '') ? info.audience : new Set();
		const source = decisions.get(str(t.when ?? t.unanswered) ?? '');
		if (!source) return new Set();
		if ('unanswered' in t && !source.hasDeadline) return new Set();
		if (
			'when' in t &&
			list(t.options).length > 0 &&
			!list(t.options).some((o) => source.optionIds.has(String(o)))
		)
			return new Set();
		return within(info.audience, reachOf(source.id));
	};
	for (let changed = true, rounds = 0; changed && rounds <= injects.size + clocks.length + 1; rounds++) {
		changed = false;
		for (const info of injects.values()) {
			const teams = teamsFor(info);
			if (teams.size > reachOf(info.id).size) {
				reach.set(info.id, teams);
				changed = true;
			}
		}
		for (const c of clocks) {
			const id = str(c.id) ?? '';
			const starts = conditionHolds(c.starts);
			if (starts !== (clockStarts.get(id) ?? false)) {
				clockStarts.set(id, starts);
				changed = true;
			}
		}
	}

	let unreachable = 0;
	const timed: { id: string; at: number; label: string }[] = [];
	for (const info of injects.values()) {
		const { raw, id, index } = info;
		const trigger = raw.trigger;
		const phase = str(raw.phase);
		const decision = isMap(raw.decision) ? raw.decision : undefined;
		const reached = reachOf(id);
		const dead = reached.size === 0;
		if (dead) unreachable++;
		nodes.push({
			id: nodeId.inject(id),
			kind: 'inject',
			label: str(raw.title) ?? id,
			line: lineOf(['injects', index]),
			parent: phase && phaseIds.has(phase) ? nodeId.phase(phase) : undefined,
			channel: str(raw.channel),
			audience: Array.isArray(raw.to) ? names(info.audience).join(', ') || 'no known team' : 'all teams',
			decision: decision && {
				prompt: str(decision.prompt) ?? '',
				type: str(decision.type) ?? '',
				options: list(decision.options)
					.filter(isMap)
					.map((o) => ({
						id: str(o.id) ?? '',
						label: str(o.label) ?? '',
						points: Number(o.points ?? 0) || 0
					}))
			},
			manual: trigger === 'manual',
			hold: raw.hold === true,
			unreachable: dead,
			reaches: names(reached)
		});
		const target = nodeId.inject(id);
		const edge = (source: string, kind: FlowEdge['kind'], label: string, live: boolean) =>
			edges.push({ id: `${kind}:${source}>${target}`, source, target, kind, label, dead: !live });
		if (!isMap(trigger)) continue;
		const delay = trigger.delay !== undefined ? `, +${durationLabel(trigger.delay)}` : '';
		if ('at' in trigger) {
			const at = parseDuration(trigger.at as string | number);
			timed.push({ id, at: at ?? Infinity, label: `at +${durationLabel(trigger.at)}` });
		} else if ('after' in trigger) {
			const from = str(trigger.after) ?? '';
			if (injects.has(from)) edge(nodeId.inject(from), 'after', `after${delay}`, !dead);
		} else if ('when' in trigger || 'unanswered' in trigger) {
			const source = decisions.get(str(trigger.when ?? trigger.unanswered) ?? '');
			if (!source) continue;
			const who = names(within(info.audience, reachOf(source.id))).join(', ') || 'no team';
			const options = list(trigger.options).map((o) => {
				const option = list(isMap(source.raw.decision) ? source.raw.decision.options : [])
					.filter(isMap)
					.find((x) => str(x.id) === String(o));
				return option ? `'${str(option.label) ?? o}'` : `unknown option "${String(o)}"`;
			});
			if ('when' in trigger)
				edge(
					nodeId.inject(source.id),
					'answer',
					`${who} answers ${options.length ? options.join(' or ') : trigger.range ? 'in range' : 'anything'}${delay}`,
					!dead
				);
			else
				edge(
					nodeId.inject(source.id),
					'unanswered',
					`${who}: deadline missed${delay}${source.hasDeadline ? '' : ' (no deadline)'}`,
					!dead
				);
		} else if ('clockMissed' in trigger) {
			const clock = str(trigger.clockMissed) ?? '';
			if (clocks.some((c) => str(c.id) === clock))
				edge(nodeId.clock(clock), 'clockMissed', `clock missed${delay}`, !dead);
		}
	}

	timed.sort((a, b) => a.at - b.at);
	timed.forEach((t, i) => {
		const source = i === 0 ? nodeId.start : nodeId.inject(timed[i - 1].id);
		edges.push({
			id: `at:${source}>${t.id}`,
			source,
			target: nodeId.inject(t.id),
			kind: 'at',
			label: t.label,
			dead: false
		});
	});
	const incoming = new Map(edges.map((e) => [e.target, e.label]));
	for (const node of nodes)
		if (node.kind === 'inject')
			node.trigger = node.manual
				? 'released by the facilitator'
				: (incoming.get(node.id) ?? 'trigger not understood yet');

	clocks.forEach((c, index) => {
		const id = str(c.id);
		if (!id) return;
		const starts = clockStarts.get(id) ?? false;
		nodes.push({
			id: nodeId.clock(id),
			kind: 'clock',
			label: `${str(c.name) ?? id} (${str(c.deadline) ?? '?'})`,
			line: lineOf(['clocks', index]),
			audience: teamName(str(c.owner) ?? ''),
			unreachable: !starts
		});
		const link = (condition: unknown, kind: 'clockStarts' | 'clockStops', n = 0) => {
			if (!isMap(condition)) return;
			const holds = conditionHolds(condition);
			const word = kind === 'clockStarts' ? 'starts' : 'stops';
			if ('inject' in condition && injects.has(str(condition.inject) ?? ''))
				edges.push({
					id: `${kind}${n}:${id}`,
					source: nodeId.inject(str(condition.inject)!),
					target: nodeId.clock(id),
					kind,
					label: `${word} the clock`,
					dead: !holds
				});
			else if ('decision' in condition && decisions.has(str(condition.decision) ?? ''))
				edges.push({
					id: `${kind}${n}:${id}`,
					source: nodeId.inject(decisions.get(str(condition.decision)!)!.id),
					target: nodeId.clock(id),
					kind,
					label: `answer ${word} the clock`,
					dead: !holds
				});
			else if ('clockStopped' in condition && clocks.some((x) => str(x.id) === str(condition.clockStopped)))
				edges.push({
					id: `${kind}${n}:${id}`,
					source: nodeId.clock(str(condition.clockStopped)!),
					target: nodeId.clock(id),
					kind,
					label: `stopping it ${word} this clock`,
					dead: !holds
				});
		};
		link(c.starts, 'clockStarts');
		list(c.stops).forEach((stop, n) => link(stop, 'clockStops', n));
	});

	return { nodes, edges, unreachable, deadEdges: edges.filter((e) => e.dead).length };
}
