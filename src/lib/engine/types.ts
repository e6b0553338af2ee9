/**
 * The engine's vocabulary: a parsed scenario, the inputs that drive an exercise, the exercise state and the
 * per-role views. Everything here is plain JSON-serialisable data. Times:
 * - wall time is epoch milliseconds (`at` on every input);
 * - scenario time is milliseconds since the scenario's start (StartEx), advancing at `compression` × wall time
 *   while the exercise runs.
 */
import type { ModelAnswer } from './scoring/model-answer';

// ───────────────────────────── Scenario (normalised, as the parser returns it) ─────────────────────────────

export type CsfFunction = 'GV' | 'ID' | 'PR' | 'DE' | 'RS' | 'RC';

export type Channel =
	| 'email'
	| 'news'
	| 'ticket'
	| 'log'
	| 'phone'
	| 'voicemail'
	| 'regulator'
	| 'social'
	| 'memo'
	| 'chat'
	| 'briefing';

export const CHANNELS: readonly Channel[] = [
	'email',
	'news',
	'ticket',
	'log',
	'phone',
	'voicemail',
	'regulator',
	'social',
	'memo',
	'chat',
	'briefing'
];

export type TeamId = string;

export interface Source {
	id: string;
	title: string;
	url?: string;
	/** Optional quality tag such as "primary", "vendor", "news". */
	kind?: string;
}

export interface Objective {
	id: string;
	title: string;
	description: string;
	csf: { function: CsfFunction; category: string }[];
	/** HSEEP core capabilities, e.g. "Cybersecurity", "Operational Coordination". */
	hseep: string[];
	/** ATT&CK technique ids, e.g. "T1040", "T1685.006". */
	attack: string[];
	/** Source ids backing this objective. */
	sources: string[];
}

export interface TeamDef {
	id: TeamId;
	name: string;
	description: string;
	roles: string[];
}

export interface PhaseDef {
	id: string;
	title: string;
	/**
	 * Markdown scenario update shown when the phase opens. `{{phase.date}}`, `{{phase.day}}` and `{{phase.time}}`
	 * are filled with the in-world time the phase opened for the viewer.
	 */
	update: string;
	questions: string[];
	/** Facilitator and evaluator only; never in a participant's or observer's view. */
	notes?: string;
	/** Optional in-world local date-time ("2024-10-03T09:00") the console offers as a one-click time jump. */
	opensAt?: string;
}

export type Artifact =
	| { kind: 'log' | 'config' | 'diff' | 'code' | 'text'; title: string; language?: string; content: string }
	| { kind: 'table'; title: string; columns: string[]; rows: string[][] };

/** When an inject is delivered. Every `delay` is scenario ms, counted from the triggering moment. */
export type Trigger =
	/** At a scenario-time offset from StartEx. */
	| { kind: 'at'; at: number }
	/** After another inject has been delivered (per team: each team gets it `delay` after it got `inject`). */
	| { kind: 'after'; inject: string; delay: number }
	/**
	 * When a team's answer to `decision` matches: one of `options` chosen (single/multiple) or the number within
	 * `range` (numeric). Delivered to the answering team only (branching per team).
	 */
	| {
			kind: 'answer';
			decision: string;
			options?: string[];
			range?: { min?: number; max?: number };
			delay: number;
	  }
	/** When a team let `decision`'s deadline pass without answering (a contingency inject, per team). */
	| { kind: 'unanswered'; decision: string; delay: number }
	/** When a regulatory clock is missed (delivered to the clock's owner team, or the inject's audience). */
	| { kind: 'clockMissed'; clock: string; delay: number }
	/** Never scheduled: held until the facilitator releases it. */
	| { kind: 'manual' };

export type DecisionType = 'single' | 'multiple' | 'text' | 'numeric' | 'ranking';

export interface DecisionOption {
	id: string;
	label: string;
	points: number;
	rationale: string;
}

export interface RubricCriterion {
	id: string;
	label: string;
	points: number;
	/** What an evaluator should look for. Facilitator/evaluator only. */
	guidance: string;
}

/** How a ranking earns points: places exactly right, nearness to the right place, or pairwise agreement. */
export type RankingCredit = 'exact' | 'proximity' | 'kendall';

export interface NumericBand {
	min?: number;
	max?: number;
	points: number;
	rationale: string;
}

export interface Decision {
	id: string;
	prompt: string;
	type: DecisionType;
	/** single, multiple and ranking. */
	options: DecisionOption[];
	/**
	 * text: criteria an evaluator marks (partial credit allowed). Choice decisions with `justify`: criteria for
	 * the team's reasoning, scored as a separate entry.
	 */
	rubric: RubricCriterion[];
	/** Choice decisions (single, multiple, ranking, numeric): the team must give its reasoning. Absent = false. */
	justify?: boolean;
	/**
	 * Options shown in a per-exercise, per-team order (see option-order.ts). Absent = true; false keeps the
	 * authored order for everyone.
	 */
	shuffle?: boolean;
	/** numeric: scoring bands, first match wins. */
	numeric?: { unit?: string; min?: number; max?: number; bands: NumericBand[] };
	/**
	 * ranking: the expected order of option ids, points per item, and how partial orders earn credit
	 * (absent = exact).
	 */
	ranking?: { order: string[]; pointsPerPosition: number; credit?: RankingCredit };
	/** Scenario ms after delivery by which the team should answer. */
	deadline?: number;
	/** Points added for an answer before the deadline, or for one after it. */
	timeliness?: { onTime: number; late: number };
	/** Objective ids this decision evidences. */
	objectives: string[];
}

export interface Inject {
	id: string;
	phase: string;
	title: string;
	/** Markdown with {{variable}} templates. */
	body: string;
	channel: Channel;
	sender?: string;
	/** Teams that receive it. */
	audience: 'all' | TeamId[];
	artifacts: Artifact[];
	/** Facilitator/evaluator only; never in a participant's view. */
	facilitatorNotes?: string;
	trigger: Trigger;
	/** When true the inject becomes due but waits for the facilitator to release it. */
	hold: boolean;
	decision?: Decision;
}

/** A guard on a clock condition: something that must hold at the moment the condition happens. */
export type ClockGuard =
	/** That clock is met (a hold: observed), or was stopped after missing its deadline. */
	| { kind: 'clockStopped'; clock: string }
	| { kind: 'clockRunning'; clock: string }
	/** The inject has reached at least one team. */
	| { kind: 'inject'; inject: string }
	/** At least one team answered the decision (with one of the options, if given). */
	| { kind: 'answer'; decision: string; options?: string[] };

/**
 * Which sent messages a clock condition listens for. Absent fields match any message: `from` author teams,
 * `to` recipients (persona or team ids, any one), `channels`.
 */
export interface MessageFilter {
	from?: TeamId[];
	to?: string[];
	channels?: MessageChannel[];
}

/**
 * Something that happens and moves a clock: an inject delivered, an answer given, another clock stopped, or
 * (only as a hold's breach) a matching message sent, such as a press statement or a customer notice.
 */
export type ClockCondition = (
	| { kind: 'inject'; inject: string }
	| { kind: 'answer'; decision: string; options?: string[] }
	| { kind: 'clockStopped'; clock: string }
	| { kind: 'message'; message: MessageFilter }
) & {
	/** Every guard must hold when the condition happens, or it is ignored. */
	requires?: ClockGuard[];
};

/** Who may see a clock in a participant's view (staff always see every clock). */
export type ClockVisibility = 'owner' | 'started' | 'all' | 'facilitator';

export const CLOCK_VISIBILITIES: readonly ClockVisibility[] = ['owner', 'started', 'all', 'facilitator'];

export type DeadlineSpec = {
	amount: number;
	unit: 'minutes' | 'hours' | 'days' | 'businessDays' | 'months';
};

/** A condition that moves a running clock's deadline later. */
export interface ClockExtension {
	on: ClockCondition;
	by: DeadlineSpec;
	/** Count `by` from the current deadline, or from the moment the condition happened. */
	from: 'deadline' | 'now';
}

export interface ClockDef {
	id: string;
	name: string;
	/** e.g. "FCC 47 CFR 64.2011", "SEC Form 8-K Item 1.05", "NIS2 Art. 23", "GDPR Art. 33". */
	regime: string;
	/** Player-facing text, shown to a team only when it can see the clock. */
	description: string;
	/** Facilitator and evaluator only. */
	notes?: string;
	/** Which teams see it, and from when (default `started`). */
	visible: ClockVisibility;
	/** Not a statutory deadline: every screen and export labels it as an exercise benchmark. */
	benchmark: boolean;
	/**
	 * `deadline`: met if stopped before the deadline, else missed. `hold`: a period in which something must not
	 * happen; observed (met) at the deadline, breached if a `breaches` condition happens while it runs.
	 */
	kind: 'deadline' | 'hold';
	/** The team scored for meeting or missing it. */
	owner: TeamId;
	start: ClockCondition;
	/** Deadline clocks: any one of these stops the clock (met if before the deadline). */
	stop: ClockCondition[];
	/** Hold clocks: any one of these while the hold runs breaches it. */
	breaches: ClockCondition[];
	/** Count the deadline from when this clock stopped, if it has by the start; else from the start. */
	from?: { clock: string };
	extensions: ClockExtension[];
	deadline: DeadlineSpec;
	scoring: { met: number; missed: number; objectives: string[] };
	sources: string[];
}

/** In-world channels a team writes on (kinds of message). */
export type MessageChannel = 'email' | 'phone' | 'press' | 'filing' | 'chat';

export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['email', 'phone', 'press', 'filing', 'chat'];

/** A reply the control cell can send as a persona in one click. */
export interface ReplyTemplate {
	id: string;
	label: string;
	/** Plain text; {{variables}} allowed. */
	body: string;
}

/** An outside party the control cell plays: the FBI field office, a reporter, a regulator. */
export interface Persona {
	id: string;
	name: string;
	/** The channel teams reach it on by default. */
	channel: MessageChannel;
	/** e-mail address, phone number or filing portal, as teams see it. */
	address: string;
	/** Player-facing: who this is. */
	description?: string;
	/** Facilitator and evaluator only: how to play it. */
	notes?: string;
	replies: ReplyTemplate[];
}

/**
 * Messages matching a route need the approving team's approval before they go out. Absent fields match any
 * message: `from` author teams, `to` recipients (persona or team ids, any one), `channels`.
 */
export interface ApprovalRoute {
	from?: TeamId[];
	to?: string[];
	channels?: MessageChannel[];
	by: TeamId;
}

/** Which messages a reaction listens for: sent to `to` (a persona), by one of `from` (any team), on `channel`. */
export interface MessageMatch {
	to: string;
	from?: TeamId[];
	channel?: MessageChannel;
}

/** What a reaction does, for the team whose message (or silence) caused it. */
export type ReactionAction =
	/** Deliver the inject to that team (if in its audience), `delay` scenario ms later. */
	| { kind: 'release'; inject: string; delay: number }
	| { kind: 'start'; clock: string }
	| { kind: 'stop'; clock: string };

/**
 * A scripted reaction of the world to messages. `when`: as soon as a matching message is sent. `unless`: at
 * scenario ms `by` after StartEx, for each team (of `from`, else every team) that has not sent a matching one.
 */
export type Reaction =
	| { kind: 'when'; match: MessageMatch; action: ReactionAction }
	| { kind: 'unless'; match: MessageMatch; by: number; action: ReactionAction };

/**
 * Criteria evaluators mark a sent message against (content, timing, recipient, approval followed...). A sent
 * message is marked against the first rubric whose `match` it meets; teams named in `match.from` are expected
 * to send one (scored 0 of the maximum if they never do).
 */
export interface MessageRubric {
	id: string;
	/** What the expected message is, e.g. "The CPNI breach report". */
	title: string;
	match: MessageFilter;
	/** Objectives the marks count towards. */
	objectives: string[];
	criteria: RubricCriterion[];
}

export interface VariableDef {
	label: string;
	default: string;
	/** Help text shown under the field on the new-exercise form. */
	description?: string;
	maxLength?: number;
	/** A regular expression (JavaScript syntax) a value must match as a whole. */
	pattern?: string;
}

/** What a team's view carries once the exercise has ended, besides its own score without rationale. */
export interface DebriefSettings {
	/** The rationale of options and bands in the team's own score entries. */
	rationale: boolean;
	/** Per decision the team received: the best option(s), the model order, the best band. */
	modelAnswers: boolean;
	/** Other teams' names, totals and final objective ratings (never their answers). */
	otherTeams: boolean;
}

export interface FacilitatorGuide {
	/** Markdown sections shown on the scenario page. */
	overview: string;
	timing: string;
	strongAnswers: string;
	hotwashQuestions: string[];
}

export interface Scenario {
	id: string;
	version: string;
	title: string;
	summary: string;
	audience: string;
	/** Expected duration in wall minutes at the default compression. */
	durationMinutes: number;
	/** Scenario minutes per wall minute. */
	defaultCompression: number;
	/** ISO local date-time of StartEx in scenario (in-world) time, e.g. "2024-10-07T08:00"; used for business days. */
	startsAt: string;
	/** Non-working dates (YYYY-MM-DD) besides weekends, for business-day clocks. */
	holidays: string[];
	/** The MITRE ATT&CK release the objectives' technique ids were checked against, e.g. "19". */
	attackVersion?: string;
	sources: Source[];
	objectives: Objective[];
	teams: TeamDef[];
	phases: PhaseDef[];
	variables: Record<string, VariableDef>;
	injects: Inject[];
	clocks: ClockDef[];
	guide?: FacilitatorGuide;
	/** Outside parties teams can write to (absent in scenarios written before messages existed). */
	personas?: Persona[];
	/** Which messages need another team's approval before they go out. */
	approvals?: ApprovalRoute[];
	/** How the world reacts to messages: release injects, start or stop clocks. */
	reactions?: Reaction[];
	/** Criteria sent messages are marked against (absent in scenarios written before message rubrics). */
	messageRubrics?: MessageRubric[];
	/** What teams see after EndEx; the facilitator may change it in hotwash or after the end. */
	debrief: DebriefSettings;
}

/** One problem found in a scenario file. */
export interface ScenarioIssue {
	file: string;
	line: number;
	/** e.g. "injects[7].trigger.after" */
	path: string;
	message: string;
}

// ───────────────────────────── Inputs: the event log ─────────────────────────────

export type Role = 'facilitator' | 'participant' | 'observer' | 'evaluator' | 'system';

export interface Actor {
	role: Role;
	/** For participants: their team. */
	teamId?: TeamId;
	userId?: string;
	name?: string;
}

export type AnswerValue =
	| { type: 'single'; option: string }
	| { type: 'multiple'; options: string[] }
	| { type: 'text'; text: string }
	| { type: 'numeric'; value: number }
	| { type: 'ranking'; order: string[] };

/** How sure a team said it was of an answer. Recorded and shown to staff; never scored. */
export type Confidence = 'low' | 'medium' | 'high';

export const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];

/** Fewest and most options an ad-hoc decision with options may offer. */
export const ADHOC_OPTIONS = { min: 2, max: 6 } as const;

/**
 * A question the facilitator asks with an ad-hoc inject: one of 2–6 labelled options (`single`) or free text.
 * Never scored: no points, no objective, no rubric. Its definition lives only in the log, like the inject's.
 */
export interface AdhocDecision {
	id: string;
	prompt: string;
	type: 'single' | 'text';
	/** single: the options in the order the facilitator wrote them. Absent for text. */
	options?: { id: string; label: string }[];
	/** Scenario ms after delivery by which the team should answer. */
	deadline?: number;
	/** single only: the team must give its reasoning. */
	justify?: boolean;
}

export interface AdhocInject {
	id: string;
	title: string;
	body: string;
	channel: Channel;
	sender?: string;
	audience: 'all' | TeamId[];
	facilitatorNotes?: string;
	/** A question the addressed teams answer (not scored). */
	decision?: AdhocDecision;
}

export type Command =
	| { type: 'exercise.brief' }
	| { type: 'exercise.start' }
	| { type: 'exercise.pause' }
	| { type: 'exercise.resume' }
	| { type: 'exercise.setCompression'; compression: number }
	| { type: 'exercise.hotwash' }
	| { type: 'exercise.end' }
	/** Advance time to the input's `at`, firing whatever fell due. */
	| { type: 'clock.tick' }
	/** Move scenario time forward to a target, firing everything due up to it at its own time. */
	| { type: 'clock.jump'; to: JumpTo }
	| { type: 'inject.release'; injectId: string }
	| { type: 'inject.hold'; injectId: string }
	| { type: 'inject.skip'; injectId: string }
	| { type: 'inject.adhoc'; inject: AdhocInject }
	| {
			type: 'answer.submit';
			decisionId: string;
			teamId: TeamId;
			answer: AnswerValue;
			/** The team's reasoning; required by decisions with `justify`. */
			justification?: string;
			confidence?: Confidence;
	  }
	/**
	 * An evaluator marks rubric criteria of a free-text answer, or of the reasoning behind a justified choice:
	 * fraction 0..1 of each criterion's points.
	 */
	| { type: 'rubric.mark'; decisionId: string; teamId: TeamId; marks: Record<string, number>; note?: string }
	/** Evaluators and facilitators: mark a sent message against its rubric (the latest marks count). */
	| { type: 'message.mark'; messageId: string; marks: Record<string, number>; note?: string }
	/** Replace the points of one score entry, keeping the original and the reason. */
	| { type: 'score.override'; teamId: TeamId; entryId: string; points: number; reason: string }
	| { type: 'note.add'; noteId: string; teamId?: TeamId; objectiveId?: string; text: string }
	/** What teams see after EndEx (hotwash and ended only). */
	| { type: 'debrief.set'; debrief: DebriefSettings }
	/** Create or edit a team's draft (any member; the last editor is kept). */
	| { type: 'message.save'; messageId: string; teamId: TeamId; draft: MessageDraft }
	/** Ask the approving team of the message's route to approve it. */
	| { type: 'message.submit'; messageId: string; teamId: TeamId }
	/** The approving team (`teamId`) approves a submitted message, or sends it back with a comment. */
	| { type: 'message.approve'; messageId: string; teamId: TeamId; comment?: string }
	| { type: 'message.return'; messageId: string; teamId: TeamId; comment: string }
	/** Send a draft that needs no approval, or an approved one. */
	| { type: 'message.send'; messageId: string; teamId: TeamId }
	/** The control cell answers a sent message as one of its recipient personas. */
	| { type: 'message.reply'; messageId: string; persona: string; body: string; template?: string }

	/**
	 * An evaluator (or the facilitator) rates a team on an objective. The last rating wins; the log keeps them all.
	 * `evidence` cites score entry ids, note ids or short free text.
	 */
	| {
			type: 'rating.set';
			teamId: TeamId;
			objectiveId: string;
			rating: HseepRating;
			reason: string;
			evidence: string[];
	  };

/** What a team writes: channel, recipients (persona or team ids), subject, body, attached feed items. */
export interface MessageDraft {
	channel: MessageChannel;
	to: string[];
	subject: string;
	body: string;
	/** Ids of injects in the team's own feed. */
	attachments?: string[];
}

/** Where a time jump goes; resolved by the engine from the state it applies to. */
export type JumpTo =
	/** The earliest scheduled inject. */
	| { kind: 'next-inject' }
	/** The next phase's declared opening (`opensAt`), else its earliest scheduled inject. */
	| { kind: 'next-phase' }
	/** A phase's declared opening time. */
	| { kind: 'phase'; phase: string }
	/** An in-world local date-time, "2024-10-01T08:00". */
	| { kind: 'at'; at: string };

export interface Input {
	/** 1-based position in the exercise's log. */
	seq: number;
	/** Wall time (epoch ms) at which the server accepted the input. */
	at: number;
	/** Idempotency key: a retried command carries the same key and is stored once. */
	key: string;
	actor: Actor;
	command: Command;
}

// ───────────────────────────── Exercise configuration and state ─────────────────────────────

export interface ExerciseConfig {
	exerciseId: string;
	/** Teams taking part (a subset of the scenario's). */
	teams: TeamId[];
	compression: number;
	/** Values for the scenario's {{variables}}, e.g. { org: "Northwind Telecom" }. */
	variables: Record<string, string>;
}

export type Lifecycle = 'lobby' | 'briefing' | 'running' | 'paused' | 'hotwash' | 'ended';

export type EngineErrorCode =
	| 'command/forbidden'
	| 'command/invalid_state'
	| 'command/invalid'
	| 'inject/not_found'
	| 'decision/not_found'
	| 'decision/not_delivered'
	| 'decision/already_answered'
	| 'answer/invalid'
	| 'team/not_in_exercise'
	| 'message/not_found';

export interface EngineError {
	code: EngineErrorCode;
	/** The refusal in English, for logs, scripts and tests. */
	message: string;
	/** What was refused and why, as data: the server words it in the reader's language (src/lib/refusal-words.ts). */
	refusal?: Refusal;
}

/** A refusal as a kind and its parameters (names as people read them, never ids), for wording in any language. */
export type Refusal =
	| { kind: 'not-now'; command: Command['type']; lifecycle: Lifecycle }
	| { kind: 'inject-not-found' }
	| { kind: 'inject-reached-all' | 'inject-already-held' | 'inject-already-skipped'; inject: string }
	| { kind: 'decision-not-found' }
	| { kind: 'decision-not-delivered' | 'decision-answered'; decision: string; team: string }
	| { kind: 'team-not-playing'; team: string }
	| { kind: 'team-unknown' };

// ───────────────────────────── Scores ─────────────────────────────

export interface ScoreEntry {
	/**
	 * Stable id, e.g. "decision:d-evict:soc", "justification:d-evict:soc" (the reasoning of a justified choice),
	 * "timeliness:d-evict:soc", "clock:fcc-64-2011".
	 */
	id: string;
	teamId: TeamId;
	/** What rule produced it, in words: "Option 'Coordinated eviction'", "FCC 64.2011 notice met". */
	rule: string;
	/**
	 * Why the chosen option or band earns its points (the author's rationale), kept apart from `rule` so a
	 * view can leave it out.
	 */
	rationale?: string;
	/** What the team did that earned it (answer text, timing). */
	evidence: string;
	points: number;
	/** Best possible points for this rule (for percentages and ratings). */
	maxPoints: number;
	phase: string;
	objectives: string[];
	scenarioAt: number;
	override?: { originalPoints: number; reason: string; by?: string };
	/** Free-text answer not yet marked by an evaluator. */
	pending?: boolean;
}

export type HseepRating = 'P' | 'S' | 'M' | 'U';

export const HSEEP_RATINGS: readonly HseepRating[] = ['P', 'S', 'M', 'U'];

/**
 * A team's result on one objective: its points, the computed suggestion (null unless the objective was
 * exercised) and the evaluator's rating (null until someone sets it), with who set it, why and on what evidence.
 */
export interface ObjectiveResult extends Totals {
	suggestion: HseepRating | null;
	rating: HseepRating | null;
	ratedBy?: string;
	reason?: string;
	evidence?: string[];
	/** Wall ms at which the rating was set. */
	ratedAt?: number;
	/**
	 * The team received at least half of the objective's decisions in its audience and answered one, or a clock
	 * evidencing the objective resolved for it.
	 */
	exercised: boolean;
}

/** One rating as it was given, for the history staff see beside the current rating (from the timeline). */
export interface RatingEvent {
	teamId: TeamId;
	objectiveId: string;
	rating: HseepRating;
	by?: string;
	/** Wall ms. */
	at: number;
	scenarioAt: number;
}

/** How much of the scenario a team played: what the executive summary states instead of a blanket rating. */
export interface Coverage {
	/** Decisions whose inject is addressed to the team (branches included). */
	decisionsInScope: number;
	decisionsDelivered: number;
	decisionsAnswered: number;
	/** Phases up to the furthest one the team reached. */
	phasesReached: number;
	phasesTotal: number;
	/** Scenario time played as a share (0..1) of the scenario's length (duration × default compression). */
	scenarioPlayed: number;
	/** The exercise ended while injects were still due to reach the team. */
	endedEarly: boolean;
}

export interface Totals {
	points: number;
	maxPoints: number;
}

export interface TeamScore {
	teamId: TeamId;
	entries: ScoreEntry[];
	total: Totals;
	byPhase: Record<string, Totals>;
	byObjective: Record<string, ObjectiveResult>;
	coverage: Coverage;
	byCapability: Record<string, Totals>;
	byCsf: Record<CsfFunction, Totals>;
}

// ───────────────────────────── Views (what each role's browser receives) ─────────────────────────────

/** Who a view is computed for. */
export type Viewer =
	| { role: 'facilitator' }
	| { role: 'participant'; teamId: TeamId }
	| { role: 'observer' }
	| { role: 'evaluator' };

/** Enough for a browser to tick the scenario clock locally between updates. */
export interface ClockAnchor {
	/** Wall ms at which `scenario` was the scenario time. */
	wall: number;
	scenario: number;
	compression: number;
	running: boolean;
}

export interface ExerciseHeader {
	exerciseId: string;
	scenarioId: string;
	title: string;
	lifecycle: Lifecycle;
	anchor: ClockAnchor;
	/** In-world ISO date-time of StartEx. */
	startsAt: string;
	/** The phase of the latest delivered inject (or the first phase), with its update and questions. */
	currentPhase: PhaseDef | null;
	/** Number of inputs applied; the client compares versions to detect gaps. */
	version: number;
}

export type ClockStatus = 'idle' | 'running' | 'met' | 'missed' | 'breached';

export interface ClockView {
	id: string;
	name: string;
	regime: string;
	description: string;
	owner: TeamId;
	/** For a hold: running = in force, met = observed, breached = broken while in force. */
	status: ClockStatus;
	kind: 'deadline' | 'hold';
	/** An exercise benchmark, not a legal deadline. */
	benchmark: boolean;
	/** e.g. "7 business days", "72 hours". */
	deadlineLabel: string;
	startedAt?: number;
	deadlineAt?: number;
	/** Set when an extension moved the deadline: the deadline before the first extension. */
	originalDeadlineAt?: number;
	stoppedAt?: number;
	/** Facilitator and evaluator views only. */
	notes?: string;
	/** Facilitator and evaluator views only: who may see it. */
	visible?: ClockVisibility;
}

export interface DeliveredInjectView {
	id: string;
	title: string;
	/** Markdown with variables filled in (render sanitized). */
	body: string;
	channel: Channel;
	sender?: string;
	phase: string;
	artifacts: Artifact[];
	scenarioAt: number;
	adhoc: boolean;
	decisionId?: string;
}

export interface AnswerView {
	decisionId: string;
	teamId: TeamId;
	value: AnswerValue;
	/** The team's reasoning, when it gave one. */
	justification?: string;
	confidence?: Confidence;
	by?: string;
	scenarioAt: number;
	/** null when the decision has no deadline. */
	onTime: boolean | null;
}

export interface DecisionView {
	id: string;
	injectId: string;
	prompt: string;
	type: DecisionType;
	/**
	 * Labels only, in the order this team is shown them (see option-order.ts): points and rationale are never
	 * sent to participants. For a ranking this is also the starting order.
	 */
	options: { id: string; label: string }[];
	/** The team must give its reasoning with the answer. */
	justify?: boolean;
	numeric?: { unit?: string; min?: number; max?: number };
	deliveredAt: number;
	deadlineAt?: number;
	answer?: AnswerView;
	/** Asked with an ad-hoc inject: never scored (no points, no objective). */
	adhoc?: true;
	/**
	 * Facilitator and evaluator views only, once the answer is marked: the current rubric marks by criterion id
	 * (fraction 0..1 of its points), so marking controls start from them. Never in a participant's or observer's view.
	 */
	marks?: Record<string, number>;
	/** With `marks`: the marker's note, if any. */
	markNote?: string;
	/** With `marks`: who marked last. */
	markedBy?: string;
}

/** `not-triggered`: the inject's trigger can no longer fire for the team (the branch was not taken). */
export type InjectStatus = 'upcoming' | 'held' | 'delivered' | 'skipped' | 'not-triggered';

/** The facilitator's line for one inject on the timeline. */
export interface InjectStatusView {
	id: string;
	title: string;
	channel: Channel;
	phase: string;
	audience: 'all' | TeamId[];
	triggerLabel: string;
	hold: boolean;
	adhoc: boolean;
	facilitatorNotes?: string;
	/** Per team taking part (teams outside the audience are absent). */
	teams: Record<TeamId, { status: InjectStatus; dueAt?: number; deliveredAt?: number }>;
}

export interface NoteView {
	id: string;
	teamId?: TeamId;
	objectiveId?: string;
	text: string;
	by?: string;
	scenarioAt: number;
	at: number;
}

export interface TimelineEntry {
	seq: number;
	at: number;
	scenarioAt: number;
	kind:
		| 'lifecycle'
		| 'delivered'
		| 'answered'
		| 'marked'
		| 'clock'
		| 'held'
		| 'released'
		| 'skipped'
		| 'override'
		| 'note'
		| 'speed'
		| 'jump'
		| 'debrief'
		| 'rated'
		| 'message';
	teamId?: TeamId;
	injectId?: string;
	decisionId?: string;
	clockId?: string;
	objectiveId?: string;
	text: string;
}

export type MessageStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'sent';

/** One timestamped step of a message: drafted, submitted, approved, sent back, sent, or a persona's reply. */
export interface MessageStepView {
	kind: 'drafted' | 'submitted' | 'approved' | 'returned' | 'sent' | 'reply';
	scenarioAt: number;
	/** Who did it (a person's name), when known. */
	by?: string;
	/** The team that did it (approvals); absent for replies. */
	teamId?: TeamId;
	comment?: string;
	/** Replies: the persona that answered, and the text. */
	persona?: string;
	personaName?: string;
	body?: string;
}

/** A message as a viewer may see it. */
export interface MessageView {
	id: string;
	/** The author team and its name. */
	teamId: TeamId;
	teamName: string;
	channel: MessageChannel;
	to: { id: string; name: string; kind: 'persona' | 'team' }[];
	subject: string;
	body: string;
	attachments: { id: string; title: string }[];
	status: MessageStatus;
	/** The team whose approval the message needs (by its route), if any. */
	approval?: { teamId: TeamId; teamName: string };
	lastEditor?: string;
	editedAt: number;
	sentAt?: number;
	steps: MessageStepView[];
	/** Staff only: the holds this message breached when it went out. */
	breaches?: { clockId: string; name: string }[];
	/** Evaluators and facilitators only: the rubric a sent message is marked against, guidance included. */
	rubric?: { id: string; title: string; criteria: RubricCriterion[] };
	/** Evaluators and facilitators only: the latest marks, with the points they earn. */
	mark?: {
		marks: Record<string, number>;
		note?: string;
		by?: string;
		scenarioAt: number;
		points: number;
		maxPoints: number;
	};
}

/** A persona as teams see it (no notes, no reply templates). */
export interface PersonaView {
	id: string;
	name: string;
	channel: MessageChannel;
	address: string;
	description?: string;
}

export interface TeamView {
	kind: 'team';
	header: ExerciseHeader;
	team: TeamDef;
	feed: DeliveredInjectView[];
	decisions: DecisionView[];
	clocks: ClockView[];
	/** The outside parties the team can write to. */
	personas: PersonaView[];
	/** The teams taking part, by name (other teams can be written to). */
	teams: { id: TeamId; name: string }[];
	/**
	 * The team's own messages (drafts included), messages other teams sent it, and messages submitted to it for
	 * approval (never another team's unsubmitted drafts).
	 */
	messages: MessageView[];
	/**
	 * Only once the exercise has ended: this team's own score with its explanation (option and band rationale
	 * only when the debrief settings allow it).
	 */
	score?: TeamScore;
	/** Only once the exercise has ended: what the debrief settings share with teams. */
	debrief?: TeamDebrief;
}

/** The best answer to one decision the team received, for the debrief (scoring/model-answer.ts). */
export interface DebriefAnswer {
	prompt: string;
	answer: ModelAnswer;
}

/** What a team's view carries after EndEx besides its own score. */
export interface TeamDebrief {
	settings: DebriefSettings;
	modelAnswers?: DebriefAnswer[];
	otherTeams?: { teamId: TeamId; name: string; total: Totals; ratings: Record<string, HseepRating | null> }[];
}

/** A time jump the console offers, with what it would fire. */
export interface JumpTarget {
	to: JumpTo;
	/** "Next inject: "Reporter's deadline"", "Phase 3 opens". */
	label: string;
	/** The inject's or phase's own title, for pages that word the label in their language. */
	title: string;
	/** Scenario ms the jump goes to. */
	at: number;
}

/** One item the clock will fire when time reaches it (for the jump confirmation). */
export interface UpcomingItem {
	at: number;
	text: string;
}

export interface TeamPanel {
	team: TeamDef;
	feed: DeliveredInjectView[];
	decisions: DecisionView[];
}

export interface ObserverView {
	kind: 'observer' | 'evaluator';
	header: ExerciseHeader;
	objectives: Objective[];
	teams: TeamPanel[];
	clocks: ClockView[];
	notes: NoteView[];
	/** Every message that has left its team's drafts (submitted, approved, returned or sent). */
	messages: MessageView[];
	/** Evaluators only: full decision definitions (rubric guidance included) and live scores. */
	decisions?: Decision[];
	scores?: Record<TeamId, TeamScore>;
	/** Evaluators only: every rating given, oldest first (the latest per team and objective is in `scores`). */
	ratingHistory?: RatingEvent[];
}

export interface FacilitatorView {
	kind: 'facilitator';
	header: ExerciseHeader;
	objectives: Objective[];
	phases: PhaseDef[];
	teams: TeamPanel[];
	injects: InjectStatusView[];
	decisions: Decision[];
	clocks: ClockView[];
	scores: Record<TeamId, TeamScore>;
	notes: NoteView[];
	/** Every message, drafts included, oldest first. */
	messages: MessageView[];
	/** Personas with their notes and reply templates. */
	personas: Persona[];
	timeline: TimelineEntry[];
	/** Every rating given, oldest first (the latest per team and objective is in `scores`). */
	ratingHistory: RatingEvent[];
	/** Wall ms of the next scheduled event, or null. */
	nextDueAt: number | null;
	/** Time jumps the console offers (running or paused only) and what is scheduled, soonest first. */
	jump: { targets: JumpTarget[]; upcoming: UpcomingItem[] };
	debrief: DebriefSettings;
}

export type View = TeamView | ObserverView | FacilitatorView;
