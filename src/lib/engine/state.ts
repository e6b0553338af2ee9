/**
 * The exercise state: the machine's context. It is immutable; every input yields a new object that shares
 * everything it did not touch with the previous one. Per-team records are keyed by team, then by inject or
 * decision, so an update copies one small slot; collections that grow with the input log (feeds, notes,
 * ad-hoc injects, the timeline) are persistent lists and maps.
 */
import { parseLocal } from './calendar';
import type { MessageRecord } from './messages/record';
import { EMPTY_LIST, EMPTY_MAP, type PList, type PMap } from './persistent';
import type {
	AdhocInject,
	AnswerValue,
	Confidence,
	ClockStatus,
	DebriefSettings,
	ExerciseConfig,
	HseepRating,
	Lifecycle,
	NoteView,
	Scenario,
	TeamId,
	TimelineEntry
} from './types';

/** Wall ↔ scenario time anchoring; re-anchored on every pause, resume and speed change. */
export interface ClockState {
	/** Wall ms of the anchor. */
	anchorWall: number;
	/** Scenario ms at the anchor. */
	anchorScenario: number;
	/** Scenario minutes per wall minute. */
	compression: number;
	running: boolean;
	/** Latest input time seen; earlier inputs are clamped to it. */
	lastAt: number;
	/** Scenario time reached at `lastAt`. */
	now: number;
}

/** Something due at a scenario time: an inject for a team, a team's decision deadline, a clock deadline. */
export type Scheduled =
	| { kind: 'inject'; key: string; due: number; order: number; injectId: string; teamId: TeamId }
	| { kind: 'deadline'; key: string; due: number; order: number; decisionId: string; teamId: TeamId }
	| { kind: 'clock'; key: string; due: number; order: number; clockId: string }
	/** An `unless` reaction for a team that has not sent the message it waits for (index into `reactions`). */
	| { kind: 'silence'; key: string; due: number; order: number; reaction: number; teamId: TeamId };

/** One item of a team's feed, in delivery order. */
export interface FeedItem {
	injectId: string;
	scenarioAt: number;
	/** Present for ad-hoc injects (their definition lives only in the log). */
	adhoc?: AdhocInject;
	/** Ad-hoc injects: the phase current when it was sent. */
	phase?: string;
}

/** A team's answer to a decision. */
export interface AnswerRecord {
	value: AnswerValue;
	/** The team's reasoning (justified decisions require it). */
	justification?: string;
	confidence?: Confidence;
	scenarioAt: number;
	by?: string;
	onTime: boolean | null;
}

/** An evaluator's marks for a free-text answer. */
export interface MarkRecord {
	marks: Record<string, number>;
	note?: string;
	by?: string;
	scenarioAt: number;
}

/** An evaluator's (or the facilitator's) HSEEP rating of a team on an objective. */
export interface RatingRecord {
	rating: HseepRating;
	reason: string;
	evidence: string[];
	by?: string;
	/** Wall ms. */
	at: number;
	scenarioAt: number;
}

/** A facilitator's replacement of one score entry's points. */
export interface OverrideRecord {
	points: number;
	reason: string;
	by?: string;
}

/** A regulatory clock's progress. */
export interface ClockRun {
	status: ClockStatus;
	startedAt?: number;
	deadlineAt?: number;
	/** The deadline before the first extension moved it. */
	originalDeadlineAt?: number;
	/** Indexes of the clock's extensions already applied (each applies once). */
	extended?: number[];
	/** Met or breached at, or (missed) stopped late at. */
	stoppedAt?: number;
	/** Scenario ms past the deadline when a missed clock was stopped later. */
	lateBy?: number;
	/** Phase current when the clock was met or missed (for scoring by phase). */
	phase?: string;
}

/** A timeline record; its human text is derived in views. */
export type TimelineRecord = Omit<TimelineEntry, 'text'> & { detail?: string };

/** Everything an exercise is, derived only from the scenario, the config and the input log. */
export interface ExerciseState {
	scenario: Scenario;
	config: ExerciseConfig;
	lifecycle: Lifecycle;
	/** Number of inputs applied. */
	version: number;
	clock: ClockState;
	/** Future items, sorted by due time then scheduling order. Bounded by the scenario's size. */
	pending: readonly Scheduled[];
	nextOrder: number;
	/** injectId → team → scenario ms at which it became due and was held. */
	held: Record<string, Record<TeamId, number>>;
	/** Injects the facilitator put on hold. */
	holds: Record<string, true>;
	/** injectId → team → scenario ms at which it was skipped. */
	skipped: Record<string, Record<TeamId, number>>;
	/** team → injectId → scenario ms of delivery (scenario injects only). */
	delivered: Record<TeamId, Record<string, number>>;
	feeds: Record<TeamId, PList<FeedItem>>;
	/** Ad-hoc inject id → the inject and when it went out. */
	adhoc: PMap<{ inject: AdhocInject; scenarioAt: number; seq: number; phase: string }>;
	answers: Record<TeamId, Record<string, AnswerRecord>>;
	marks: Record<TeamId, Record<string, MarkRecord>>;
	overrides: Record<TeamId, Record<string, OverrideRecord>>;
	/** team → objective → the latest rating (earlier ones stay in the input log and the timeline). */
	ratings: Record<TeamId, Record<string, RatingRecord>>;
	clocks: Record<string, ClockRun>;
	/** Index of the furthest scenario phase any team has reached. */
	phaseIndex: number;
	notes: PList<NoteView>;
	noteIds: PMap<true>;
	timeline: PList<TimelineRecord>;
	/** Message id → the message (drafts included). */
	messages: PMap<MessageRecord>;
	/** The facilitator's debrief choice; the scenario's `debrief` applies until one is made. */
	debrief?: DebriefSettings;
}

function perTeam<T>(teams: readonly TeamId[], make: () => T): Record<TeamId, T> {
	const out: Record<TeamId, T> = {};
	for (const t of teams) out[t] = make();
	return out;
}

/** Why a config cannot run a scenario, or null when it can. */
export function configProblem(scenario: Scenario, config: ExerciseConfig): string | null {
	const known = new Set(scenario.teams.map((t) => t.id));
	if (config.teams.length === 0) return 'config.teams is empty: an exercise needs at least one team';
	const unknown = config.teams.filter((t) => !known.has(t));
	if (unknown.length) return `config.teams has teams the scenario does not define: ${unknown.join(', ')}`;
	if (new Set(config.teams).size !== config.teams.length) return 'config.teams lists a team twice';
	if (!Number.isFinite(config.compression) || config.compression <= 0)
		return `config.compression must be a positive number, got ${config.compression}`;
	try {
		parseLocal(scenario.startsAt);
	} catch (e) {
		return `scenario.startsAt: ${(e as Error).message}`;
	}
	return null;
}

/** A new exercise in the lobby (version 0). Throws a RangeError naming the problem for an unusable config. */
export function createExercise(scenario: Scenario, config: ExerciseConfig): ExerciseState {
	const problem = configProblem(scenario, config);
	if (problem) throw new RangeError(problem);
	const teams = config.teams;
	return {
		scenario,
		config,
		lifecycle: 'lobby',
		version: 0,
		clock: {
			anchorWall: 0,
			anchorScenario: 0,
			compression: config.compression,
			running: false,
			lastAt: 0,
			now: 0
		},
		pending: [],
		nextOrder: 0,
		held: {},
		holds: {},
		skipped: {},
		delivered: perTeam(teams, () => ({})),
		feeds: perTeam(teams, () => EMPTY_LIST),
		adhoc: EMPTY_MAP,
		answers: perTeam(teams, () => ({})),
		marks: perTeam(teams, () => ({})),
		overrides: perTeam(teams, () => ({})),
		ratings: perTeam(teams, () => ({})),
		clocks: Object.fromEntries(scenario.clocks.map((c) => [c.id, { status: 'idle' }])),
		phaseIndex: 0,
		notes: EMPTY_LIST,
		noteIds: EMPTY_MAP,
		timeline: EMPTY_LIST,
		messages: EMPTY_MAP
	};
}
