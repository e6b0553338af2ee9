/**
 * The one persistence interface the server uses, identical for SQLite and PostgreSQL. Methods never rely on
 * `this`, so a noun's functions can be handed on individually (e.g. the exercise host's store slice).
 */
import type { Actor, Command, ExerciseConfig, Input, Lifecycle, TeamId } from '../../engine/types';
import type {
	FeedbackComments,
	FeedbackRatings,
	ImprovementElement,
	ImprovementStatus,
	ScenarioOrigin,
	SeatRole,
	StoredImportNote,
	AccountRole,
	AuditDetail,
	SignInMethod
} from './records';

export type {
	AccountRole,
	AuditDetail,
	SignInMethod,
	SeatRole,
	ImprovementElement,
	ImprovementStatus,
	FeedbackRatings,
	FeedbackComments,
	ScenarioOrigin,
	StoredImportNote
};
export type { Actor, Command, Input };

/** Machine-readable reasons a store call refused its input. */
export type StoreErrorCode =
	| 'user/username_taken'
	| 'user/invalid'
	| 'user/not_found'
	| 'invite/invalid'
	| 'audit/invalid'
	| 'exercise/not_found'
	| 'exercise/code_taken'
	| 'exercise/invalid'
	| 'seat/not_found'
	| 'seat/token_taken'
	| 'seat/invalid'
	| 'event/seq_conflict'
	| 'event/invalid'
	| 'improvement/not_found'
	| 'improvement/invalid'
	| 'feedback/invalid'
	| 'scenario/not_found'
	| 'scenario/id_taken'
	| 'scenario/invalid'
	| 'draft/not_found'
	| 'draft/conflict';

/** A refused store call; the message names what was wrong. */
export class StoreError extends Error {
	override name = 'StoreError';
	constructor(
		readonly code: StoreErrorCode,
		message: string
	) {
		super(message);
	}
}

/** A staff account as stored (includes the password hash and TOTP secret: keep it on the server). */
export interface UserRecord {
	id: string;
	username: string;
	displayName: string;
	/** Empty for accounts that sign in only through single sign-on. */
	passwordHash: string;
	roles: AccountRole[];
	disabledAt: Date | null;
	/** "<issuer> <subject>" of the single sign-on identity, or null for a local account. */
	externalId: string | null;
	totpSecret: string | null;
	totpEnabledAt: Date | null;
	createdAt: Date;
}

/** A login session; `id` is the SHA-256 of the cookie token. */
export interface SessionRecord {
	id: string;
	userId: string;
	expiresAt: Date;
	method: SignInMethod;
	address: string | null;
	userAgent: string | null;
	createdAt: Date;
}

/** An invitation; only the hash of its one-time token is stored. */
export interface InviteRecord {
	id: string;
	tokenHash: string;
	label: string;
	roles: AccountRole[];
	createdBy: string | null;
	expiresAt: Date;
	usedAt: Date | null;
	usedBy: string | null;
	revokedAt: Date | null;
	createdAt: Date;
}

/** One entry of the append-only audit log. */
export interface AuditRecord {
	id: string;
	at: Date;
	actorId: string | null;
	actorName: string;
	action: string;
	target: string;
	detail: AuditDetail;
	address: string | null;
}

/** What narrows an audit log listing; all given conditions must hold. */
export interface AuditFilter {
	/** An action, or an action prefix ending in "." (e.g. "auth."). */
	action?: string;
	actorId?: string;
	/** Text found in the actor name, the target or the action (case-insensitive). */
	text?: string;
	from?: Date;
	to?: Date;
}

/** An exercise as stored, with the scenario YAML frozen at creation. */
export interface ExerciseRecord {
	id: string;
	scenarioId: string;
	scenarioVersion: string;
	scenarioSource: string;
	/** The published scenario version it runs; null for exercises created before versions existed. */
	scenarioVersionId: string | null;
	title: string;
	/** What the facilitator calls this run (shown wherever the exercise is named). */
	name: string;
	orgName: string;
	config: ExerciseConfig;
	/** Canonical codes (see auth/tokens parseJoinCode). */
	joinCode: string;
	staffCode: string;
	lifecycle: Lifecycle;
	/** Most seats (participants, observers, evaluators) the exercise accepts. */
	seatLimit: number;
	createdBy: string;
	createdAt: Date;
	updatedAt: Date;
	endedAt: Date | null;
}

/** The columns of an exercise worth listing (no YAML, no config). */
export type ExerciseSummary = Omit<ExerciseRecord, 'scenarioSource' | 'config'> & { teams: TeamId[] };

/** A participant, observer or evaluator seat. */
export interface SeatRecord {
	id: string;
	exerciseId: string;
	role: SeatRole;
	name: string;
	teamId: TeamId | null;
	tokenHash: string;
	createdAt: Date;
	lastSeenAt: Date;
}

/** A pending engine timer, replaced with every appended input. */
export interface ScheduledEvent {
	itemId: string;
	kind: string;
	/** Scenario ms at which it falls due. */
	dueScenario: number;
	/** Wall ms at which it falls due while the clock runs; null while paused. */
	dueWall: number | null;
}

/**
 * Who sent an input, as the scope of its idempotency key: "system" for the exercise's own timer, otherwise the
 * actor's role and id ("participant:<seat>", "facilitator:<user>").
 */
export function senderOf(actor: Actor): string {
	return actor.role === 'system' ? 'system' : `${actor.role}:${actor.userId ?? ''}`;
}

/** Outcome of appendInput: a retried key is reported with the seq it was stored under, not thrown. */
export type AppendResult = { duplicate: false } | { duplicate: true; seq: number };

/** A snapshot of engine state, serialised by the engine. */
export interface SnapshotRecord {
	exerciseId: string;
	seq: number;
	engineVersion: string;
	state: string;
	createdAt: Date;
}

/** One item of an after-action improvement plan. */
export interface ImprovementActionRecord {
	id: string;
	exerciseId: string;
	orgName: string;
	objectiveId: string | null;
	capability: string;
	issue: string;
	action: string;
	element: ImprovementElement;
	owner: string;
	/** YYYY-MM-DD, or null when no date was agreed. */
	dueDate: string | null;
	status: ImprovementStatus;
	createdAt: Date;
	updatedAt: Date;
}

/** Feedback left by a seat after the exercise. */
export interface FeedbackRecord {
	id: string;
	exerciseId: string;
	seatId: string;
	ratings: FeedbackRatings;
	comments: FeedbackComments;
	createdAt: Date;
}

/** Staff accounts. Usernames are trimmed and lower-cased on the way in and out. */
export interface UsersStore {
	count(): Promise<number>;
	create(input: {
		username: string;
		displayName: string;
		/** Empty (or omitted) for a single sign-on account. */
		passwordHash?: string;
		roles?: AccountRole[];
		externalId?: string | null;
	}): Promise<UserRecord>;
	byUsername(username: string): Promise<UserRecord | null>;
	byId(id: string): Promise<UserRecord | null>;
	byExternalId(externalId: string): Promise<UserRecord | null>;
	/** Every account, by username. */
	list(): Promise<UserRecord[]>;
	/** Replaces the account's roles; throws user/not_found. */
	setRoles(id: string, roles: AccountRole[]): Promise<UserRecord>;
	/** Disables (a date) or enables (null) the account; throws user/not_found. */
	setDisabled(id: string, at: Date | null): Promise<UserRecord>;
	setPasswordHash(id: string, passwordHash: string): Promise<void>;
	setDisplayName(id: string, displayName: string): Promise<void>;
	/** Second-factor fields, changed together; throws user/not_found. */
	setTotp(id: string, totp: { secret: string | null; enabledAt: Date | null }): Promise<void>;
	/** Replaces the account's recovery codes (their hashes); an empty list removes them all. */
	replaceRecoveryCodes(id: string, codeHashes: string[]): Promise<void>;
	/** How many unused recovery codes the account has. */
	recoveryCodesLeft(id: string): Promise<number>;
	/** Deletes one recovery code; false when it was not there (wrong or used already), so each works once. */
	useRecoveryCode(id: string, codeHash: string): Promise<boolean>;
}

/** A live session with its account, as an administrator lists it. */
export interface ActiveSession {
	session: SessionRecord;
	user: Pick<UserRecord, 'id' | 'username' | 'displayName'>;
}

/** Login sessions keyed by token hash. */
export interface SessionsStore {
	create(input: {
		id: string;
		userId: string;
		expiresAt: Date;
		method?: SignInMethod;
		address?: string | null;
		userAgent?: string | null;
	}): Promise<SessionRecord>;
	/**
	 * The session and its user when the session exists, has not expired at `now` and its account is not
	 * disabled.
	 */
	getValid(id: string, now?: Date): Promise<{ session: SessionRecord; user: UserRecord } | null>;
	/** Sessions not expired at `now`, newest first. */
	listActive(now?: Date): Promise<ActiveSession[]>;
	/** Deletes every session of an account; returns their ids. */
	deleteForUser(userId: string): Promise<string[]>;
	/** Moves the expiry (sliding sessions); false when the session is gone. */
	renew(id: string, expiresAt: Date): Promise<boolean>;
	delete(id: string): Promise<void>;
	/** Deletes sessions expired at `now`; returns how many. */
	purgeExpired(now?: Date): Promise<number>;
}

/** What creating an exercise needs; codes are drawn (and redrawn on collision) when omitted. */
export interface NewExercise {
	scenarioId: string;
	scenarioVersion: string;
	scenarioSource: string;
	/** The published version the exercise pins (its source is scenarioSource). */
	scenarioVersionId?: string | null;
	title: string;
	/** The facilitator's name for the run; at most MAX_EXERCISE_NAME characters. */
	name: string;
	orgName: string;
	/** The config without its id: the store assigns the exercise id and writes it into the config. */
	config: Omit<ExerciseConfig, 'exerciseId'>;
	createdBy: string;
	joinCode?: string;
	staffCode?: string;
	/** Most seats; 200 when omitted. */
	seatLimit?: number;
}

/** Exercises and their listing. */
export interface ExercisesStore {
	create(input: NewExercise): Promise<ExerciseRecord>;
	get(id: string): Promise<ExerciseRecord | null>;
	/** Code lookups accept what a person typed (case, dashes, look-alikes); malformed codes find nothing. */
	byJoinCode(code: string): Promise<ExerciseRecord | null>;
	byStaffCode(code: string): Promise<ExerciseRecord | null>;
	/** Looks a typed code up as a join code, then as a staff code, and says which it was. */
	byAnyCode(code: string): Promise<{ exercise: ExerciseRecord; kind: 'join' | 'staff' } | null>;
	/** Newest first; optionally only those created by one facilitator. */
	list(options?: { createdBy?: string; limit?: number }): Promise<ExerciseSummary[]>;
	/** Renames an exercise (trimmed, 1..MAX_EXERCISE_NAME characters); throws exercise/not_found. */
	rename(id: string, name: string): Promise<void>;
	/** Records the lifecycle the engine reached (and endedAt on 'ended'); throws exercise/not_found. */
	setLifecycle(id: string, lifecycle: Lifecycle, at?: Date | number): Promise<void>;
	/** Exercises not ended, to be restored after a restart. */
	running(): Promise<ExerciseRecord[]>;
}

/** Seats taken with a join or staff code. */
export interface SeatsStore {
	create(input: {
		exerciseId: string;
		role: SeatRole;
		name: string;
		teamId?: TeamId | null;
		tokenHash: string;
	}): Promise<SeatRecord>;
	byId(id: string): Promise<SeatRecord | null>;
	byTokenHash(tokenHash: string): Promise<SeatRecord | null>;
	listForExercise(exerciseId: string): Promise<SeatRecord[]>;
	/** Moves a seat to another team (null for none); throws seat/not_found. */
	setTeam(id: string, teamId: TeamId | null): Promise<SeatRecord>;
	touch(id: string, at?: Date): Promise<void>;
}

/** The input log and the timers that go with it. */
export interface EventsStore {
	/**
	 * Appends one input and replaces the exercise's scheduled events in one transaction, committed when the
	 * promise resolves. `input.seq` must be the next seq (else event/seq_conflict); a key the same sender already
	 * stored answers `{ duplicate: true, seq }` and changes nothing. Keys are scoped to their sender, so one
	 * sender's key never collides with another's.
	 */
	appendInput(exerciseId: string, input: Input, scheduled: ScheduledEvent[]): Promise<AppendResult>;
	/** Inputs with seq > `seq`, in seq order. */
	inputsAfter(exerciseId: string, seq: number): Promise<Input[]>;
	/** The input stored under a key, by one sender (see senderOf) or, without `sender`, by anyone. */
	inputByKey(exerciseId: string, key: string, sender?: string): Promise<Input | null>;
	hasInputKey(exerciseId: string, key: string, sender?: string): Promise<boolean>;
	/** Highest stored seq, 0 when the log is empty. */
	lastSeq(exerciseId: string): Promise<number>;
	/** Pending timers, soonest first. */
	scheduled(exerciseId: string): Promise<ScheduledEvent[]>;
}

/** Engine state snapshots. */
export interface SnapshotsStore {
	/** Saves (or replaces) the snapshot at `seq`. */
	save(exerciseId: string, seq: number, engineVersion: string, state: string): Promise<void>;
	/** Seqs of the stored snapshots of an exercise, newest first. */
	seqs(exerciseId: string): Promise<number[]>;
	/** Deletes all but the `keep` newest snapshots of an exercise; returns how many went. */
	prune(exerciseId: string, keep: number): Promise<number>;
	/** The snapshot with the highest seq, optionally only one written by `engineVersion`. */
	latest(exerciseId: string, engineVersion?: string): Promise<SnapshotRecord | null>;
}

/** Fields of an improvement action a reviewer fills in. */
export interface ImprovementActionInput {
	objectiveId?: string | null;
	capability: string;
	issue: string;
	action: string;
	element: ImprovementElement;
	owner: string;
	dueDate?: string | null;
	status?: ImprovementStatus;
}

/** The improvement plan, per exercise and per organisation. */
export interface ImprovementActionsStore {
	/** orgName is copied from the exercise so follow-ups survive across exercises. */
	create(exerciseId: string, input: ImprovementActionInput): Promise<ImprovementActionRecord>;
	update(id: string, patch: Partial<ImprovementActionInput>): Promise<ImprovementActionRecord>;
	listForExercise(exerciseId: string): Promise<ImprovementActionRecord[]>;
	/** Actions not done for an organisation, across all its exercises, oldest first. */
	listOpenForOrg(orgName: string): Promise<ImprovementActionRecord[]>;
}

/** Post-exercise feedback. */
export interface FeedbackStore {
	add(input: {
		exerciseId: string;
		seatId: string;
		ratings: FeedbackRatings;
		comments: FeedbackComments;
	}): Promise<FeedbackRecord>;
	list(exerciseId: string): Promise<FeedbackRecord[]>;
}

/** Everything the server persists, behind one async interface for both dialects. */
/** A scenario of the library or the studio (its YAML lives in versions and the draft). */
export interface ScenarioRecord {
	id: string;
	title: string;
	origin: ScenarioOrigin;
	libraryFile: string | null;
	ownerId: string | null;
	createdAt: Date;
	updatedAt: Date;
}

/** A published version: the YAML exactly as published, never changed afterwards. */
export interface ScenarioVersionRecord {
	id: string;
	scenarioId: string;
	number: number;
	source: string;
	sourceHash: string;
	title: string;
	/** The scenario's own `version` field. */
	label: string;
	note: string;
	publishedBy: string | null;
	publishedByName: string;
	createdAt: Date;
}

/** A version without its YAML, for lists. */
export type ScenarioVersionSummary = Omit<ScenarioVersionRecord, 'source'>;

/** The working copy of a scenario. */
export interface ScenarioDraftRecord {
	scenarioId: string;
	source: string;
	revision: number;
	basedOn: number | null;
	importNotes: StoredImportNote[] | null;
	updatedBy: string | null;
	createdAt: Date;
	updatedAt: Date;
}

/** A scenario as the library lists it: its latest published version and whether it has a draft. */
export interface ScenarioListing extends ScenarioRecord {
	latest: ScenarioVersionSummary | null;
	draft: { revision: number; updatedAt: Date; updatedBy: string | null } | null;
}

/** What a new version needs besides the scenario it belongs to. */
export interface NewScenarioVersion {
	source: string;
	sourceHash: string;
	title: string;
	label: string;
	note: string;
	publishedBy: string | null;
	publishedByName: string;
}

/** Scenarios, their published versions and drafts. Ids are unique across the library and the studio. */
export interface ScenariosStore {
	list(): Promise<ScenarioListing[]>;
	get(id: string): Promise<ScenarioRecord | null>;
	/** Creates a studio scenario with its first draft; `scenario/id_taken` when the id is used. */
	createWithDraft(input: {
		id: string;
		title: string;
		ownerId: string;
		source: string;
		importNotes?: StoredImportNote[] | null;
	}): Promise<ScenarioRecord>;
	/**
	 * Records a library file: creates the scenario, or adds a version when the text changed since the latest one.
	 * `scenario/id_taken` when a studio scenario or another library file already has the id.
	 */
	upsertLibrary(input: {
		id: string;
		file: string;
		version: Omit<NewScenarioVersion, 'note' | 'publishedBy' | 'publishedByName'>;
	}): Promise<'created' | 'updated' | 'unchanged'>;
	draft(scenarioId: string): Promise<ScenarioDraftRecord | null>;
	/** Starts a draft from the latest version; `draft/conflict` when one exists. */
	startDraft(scenarioId: string, by: string): Promise<ScenarioDraftRecord>;
	/** Saves a draft over `revision`; `draft/conflict` when someone saved since. Returns the new revision. */
	saveDraft(input: {
		scenarioId: string;
		source: string;
		title: string;
		revision: number;
		by: string;
	}): Promise<ScenarioDraftRecord>;
	/** Drops the draft; a scenario that was never published goes with it. */
	discardDraft(scenarioId: string): Promise<void>;
	/** Publishes the draft at `revision` as the next version and removes the draft, in one transaction. */
	publishDraft(
		scenarioId: string,
		revision: number,
		version: NewScenarioVersion
	): Promise<ScenarioVersionRecord>;
	/** Newest first, without sources. */
	versions(scenarioId: string): Promise<ScenarioVersionSummary[]>;
	/** One version by number, or the latest when `number` is omitted. */
	version(scenarioId: string, number?: number): Promise<ScenarioVersionRecord | null>;
	versionById(id: string): Promise<ScenarioVersionRecord | null>;
}

/** Invitations to create an account. */
export interface InvitesStore {
	create(input: {
		tokenHash: string;
		label: string;
		roles: AccountRole[];
		createdBy: string | null;
		expiresAt: Date;
	}): Promise<InviteRecord>;
	byTokenHash(tokenHash: string): Promise<InviteRecord | null>;
	/** Newest first. */
	list(): Promise<InviteRecord[]>;
	/**
	 * Marks the invitation used by `userId` if it is still open at `now` (not used, revoked or expired); false
	 * otherwise, so one link creates one account even when two people submit it at once.
	 */
	markUsed(id: string, userId: string, now: Date): Promise<boolean>;
	/** Revokes an open invitation; false when it was not open. */
	revoke(id: string, now: Date): Promise<boolean>;
}

/** The append-only audit log: entries are added and read, never changed or removed. */
export interface AuditStore {
	append(entry: Omit<AuditRecord, 'id'>): Promise<AuditRecord>;
	/** Newest first. */
	list(filter: AuditFilter, page: { limit: number; offset: number }): Promise<AuditRecord[]>;
	count(filter: AuditFilter): Promise<number>;
}

export interface Store {
	readonly dialect: 'sqlite' | 'postgres';
	users: UsersStore;
	sessions: SessionsStore;
	exercises: ExercisesStore;
	seats: SeatsStore;
	events: EventsStore;
	snapshots: SnapshotsStore;
	improvementActions: ImprovementActionsStore;
	feedback: FeedbackStore;
	scenarios: ScenariosStore;
	invites: InvitesStore;
	audit: AuditStore;
	/** Exercises whose lifecycle is not 'ended' (same as exercises.running). */
	runningExercises(): Promise<ExerciseRecord[]>;
	close(): Promise<void>;
}
