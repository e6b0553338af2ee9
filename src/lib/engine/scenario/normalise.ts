/** Maps a checked scenario file onto the engine's Scenario: durations to scenario ms, YAML names to engine names. */
import type {
	Artifact,
	Channel,
	ClockCondition,
	ClockDef,
	ClockGuard,
	CsfFunction,
	Decision,
	Inject,
	MessageChannel,
	MessageFilter,
	Reaction,
	ReactionAction,
	Scenario,
	Trigger
} from '../types';
import { parseDeadline, parseDuration } from './durations';
import type {
	RawClock,
	RawCondition,
	RawDecision,
	RawGuard,
	RawInject,
	RawReaction,
	RawScenario,
	RawTrigger
} from './schema';

// The checks have already validated every duration and deadline, so a null here cannot happen.
const ms = (value: string | number | undefined): number =>
	value === undefined ? 0 : (parseDuration(value) ?? 0);

function trigger(raw: RawTrigger): Trigger {
	if (raw === 'manual') return { kind: 'manual' };
	if ('at' in raw) return { kind: 'at', at: ms(raw.at) };
	if ('after' in raw) return { kind: 'after', inject: raw.after, delay: ms(raw.delay) };
	if ('unanswered' in raw) return { kind: 'unanswered', decision: raw.unanswered, delay: ms(raw.delay) };
	if ('clockMissed' in raw) return { kind: 'clockMissed', clock: raw.clockMissed, delay: ms(raw.delay) };
	return {
		kind: 'answer',
		decision: raw.when,
		...(raw.options ? { options: raw.options } : {}),
		...(raw.range ? { range: raw.range } : {}),
		delay: ms(raw.delay)
	};
}

function guard(raw: RawGuard): ClockGuard {
	if ('clockStopped' in raw) return { kind: 'clockStopped', clock: raw.clockStopped };
	if ('clockRunning' in raw) return { kind: 'clockRunning', clock: raw.clockRunning };
	if ('inject' in raw) return { kind: 'inject', inject: raw.inject };
	return { kind: 'answer', decision: raw.decision, ...(raw.options ? { options: [...raw.options] } : {}) };
}

function messageFilter(raw: { from?: string | string[]; to?: string[]; channels?: string[] }): MessageFilter {
	const { from, to, channels } = raw;
	return {
		...(from !== undefined ? { from: typeof from === 'string' ? [from] : [...from] } : {}),
		...(to ? { to: [...to] } : {}),
		...(channels ? { channels: [...channels] as MessageChannel[] } : {})
	};
}

function condition(raw: RawCondition): ClockCondition {
	const requires = raw.requires ? { requires: raw.requires.map(guard) } : {};
	if ('inject' in raw) return { kind: 'inject', inject: raw.inject, ...requires };
	if ('clockStopped' in raw) return { kind: 'clockStopped', clock: raw.clockStopped, ...requires };
	if ('message' in raw) return { kind: 'message', message: messageFilter(raw.message), ...requires };
	return {
		kind: 'answer',
		decision: raw.decision,
		...(raw.options ? { options: [...raw.options] } : {}),
		...requires
	};
}

// The checks have already validated every deadline, so the fallback cannot happen.
const deadline = (text: string) => parseDeadline(text) ?? { amount: 0, unit: 'days' as const };

function clock(raw: RawClock): ClockDef {
	return {
		id: raw.id,
		name: raw.name,
		regime: raw.regime,
		description: raw.description,
		...(raw.notes !== undefined ? { notes: raw.notes } : {}),
		visible: raw.visible,
		benchmark: raw.benchmark,
		kind: raw.kind,
		owner: raw.owner,
		start: condition(raw.starts),
		stop: raw.stops.map(condition),
		breaches: raw.breaches.map(condition),
		...(raw.from ? { from: { clock: raw.from.clockStopped } } : {}),
		extensions: raw.extensions.map((e) => ({ on: condition(e.on), by: deadline(e.by), from: e.from })),
		deadline: deadline(raw.deadline),
		scoring: { ...raw.scoring, objectives: [...raw.scoring.objectives] },
		sources: [...raw.sources]
	};
}

function decision(raw: RawDecision, injectId: string): Decision {
	return {
		id: raw.id ?? injectId,
		prompt: raw.prompt,
		type: raw.type,
		options: raw.options.map((option) => ({ ...option })),
		rubric: raw.rubric.map((criterion) => ({ ...criterion })),
		justify: raw.justify,
		shuffle: raw.shuffle,
		...(raw.numeric
			? { numeric: { ...raw.numeric, bands: raw.numeric.bands.map((band) => ({ ...band })) } }
			: {}),
		...(raw.ranking
			? {
					ranking: {
						order: [...raw.ranking.order],
						pointsPerPosition: raw.ranking.pointsPerPosition,
						credit: raw.ranking.credit
					}
				}
			: {}),
		...(raw.deadline !== undefined ? { deadline: ms(raw.deadline) } : {}),
		...(raw.timeliness ? { timeliness: { ...raw.timeliness } } : {}),
		objectives: [...raw.objectives]
	};
}

function artifact(raw: RawInject['artifacts'][number]): Artifact {
	if (raw.kind === 'table')
		return {
			kind: 'table',
			title: raw.title,
			columns: raw.columns,
			rows: raw.rows.map((row) => row.map(String))
		};
	return {
		kind: raw.kind,
		title: raw.title,
		content: raw.content,
		...(raw.language ? { language: raw.language } : {})
	};
}

function inject(raw: RawInject): Inject {
	return {
		id: raw.id,
		phase: raw.phase,
		title: raw.title,
		body: raw.body,
		channel: raw.channel as Channel,
		...(raw.from !== undefined ? { sender: raw.from } : {}),
		audience: raw.to === 'all' ? 'all' : [...raw.to],
		artifacts: raw.artifacts.map(artifact),
		...(raw.notes !== undefined ? { facilitatorNotes: raw.notes } : {}),
		trigger: trigger(raw.trigger),
		hold: raw.hold,
		...(raw.decision ? { decision: decision(raw.decision, raw.id) } : {})
	};
}

const teams = (raw: string | string[] | undefined) =>
	raw === undefined ? undefined : typeof raw === 'string' ? [raw] : [...raw];

function reaction(raw: RawReaction): Reaction {
	const action: ReactionAction =
		raw.release !== undefined
			? { kind: 'release', inject: raw.release, delay: ms(raw.delay) }
			: raw.start !== undefined
				? { kind: 'start', clock: raw.start }
				: { kind: 'stop', clock: raw.stop! };
	const m = (raw.when ?? raw.unless)!;
	const from = teams(m.from);
	const match = {
		to: m.to,
		...(from ? { from } : {}),
		...(m.channel ? { channel: m.channel as MessageChannel } : {})
	};
	return raw.unless
		? { kind: 'unless', match, by: ms(raw.unless.by), action }
		: { kind: 'when', match, action };
}

/** The engine's Scenario for a file that passed every check. */
export function normalise(raw: RawScenario): Scenario {
	return {
		id: raw.id,
		version: raw.version,
		title: raw.title,
		summary: raw.summary,
		audience: raw.audience,
		durationMinutes: ms(raw.duration) / 60_000,
		defaultCompression: raw.compression,
		startsAt: raw.startsAt,
		holidays: [...raw.holidays],
		...(raw.attackVersion !== undefined ? { attackVersion: raw.attackVersion } : {}),
		sources: raw.sources.map((source) => ({ ...source })),
		objectives: raw.objectives.map((objective) => ({
			...objective,
			csf: objective.csf.map((category) => ({ function: category.split('.')[0] as CsfFunction, category })),
			hseep: [...objective.hseep],
			attack: [...objective.attack],
			sources: [...objective.sources]
		})),
		teams: raw.teams.map((team) => ({ ...team, roles: [...team.roles] })),
		phases: raw.phases.map((phase) => ({ ...phase, questions: [...phase.questions] })),
		variables: Object.fromEntries(
			Object.entries(raw.variables).map(([name, variable]) => [name, { ...variable }])
		),
		injects: raw.injects.map(inject),
		clocks: raw.clocks.map(clock),
		personas: raw.personas.map((p) => ({
			...p,
			channel: p.channel as MessageChannel,
			replies: p.replies.map((r) => ({ ...r }))
		})),
		approvals: raw.approvals.map((a) => ({
			...(a.from ? { from: teams(a.from) } : {}),
			...(a.to ? { to: [...a.to] } : {}),
			...(a.channels ? { channels: a.channels as MessageChannel[] } : {}),
			by: a.by
		})),
		reactions: raw.reactions.map(reaction),
		messageRubrics: raw.messageRubrics.map((r) => ({
			id: r.id,
			title: r.title,
			match: messageFilter(r.match),
			objectives: [...r.objectives],
			criteria: r.criteria.map((c) => ({ ...c }))
		})),
		debrief: { ...raw.debrief },
		...(raw.guide
			? {
					guide: {
						overview: raw.guide.overview,
						timing: raw.guide.timing,
						strongAnswers: raw.guide.strongAnswers,
						hotwashQuestions: [...raw.guide.hotwash]
					}
				}
			: {})
	};
}
