/**
 * SQLite schema (the embedded default). Kept column-for-column in step with schema.pg.ts: same table and
 * property names, same value types, so the noun modules run unchanged on either dialect.
 */
import { relations } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import type { Actor, Command, ExerciseConfig, Lifecycle } from '../../engine/types';
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

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();
const updatedAt = () => integer('updated_at', { mode: 'timestamp_ms' }).notNull();

/** Staff accounts (administrators, scenario authors, facilitators, evaluators). */
export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	/** Empty for accounts that sign in only through single sign-on. */
	passwordHash: text('password_hash').notNull(),
	/** The account's roles, several allowed. */
	roles: text('roles', { mode: 'json' }).$type<AccountRole[]>().notNull().default([]),
	/** Set while an administrator has disabled the account. */
	disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
	/** "<issuer> <subject>" of the single sign-on identity the account belongs to. */
	externalId: text('external_id').unique(),
	/** The TOTP secret (base32), once enrolment started; the factor is on only when totpEnabledAt is set. */
	totpSecret: text('totp_secret'),
	totpEnabledAt: integer('totp_enabled_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt()
});
export const usersRelations = relations(users, ({ many }) => ({
	sessions: many(sessions),
	exercises: many(exercises),
	scenarios: many(scenarios)
}));

/** Login sessions; the id is the SHA-256 of the cookie token so a leaked table cannot be replayed. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** How the session was signed in, where from and with which browser (shown to administrators). */
		method: text('method').$type<SignInMethod>().notNull().default('password'),
		address: text('address'),
		userAgent: text('user_agent'),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]
);
export const sessionsRelations = relations(sessions, ({ one }) => ({
	user: one(users, { fields: [sessions.userId], references: [users.id] })
}));

/** One run of a scenario; the YAML text is frozen here so replay never depends on the file changing later. */
export const exercises = sqliteTable(
	'exercises',
	{
		id: text('id').primaryKey(),
		scenarioId: text('scenario_id').notNull(),
		scenarioVersion: text('scenario_version').notNull(),
		scenarioSource: text('scenario_source').notNull(),
		/** The published scenario version it runs (null for exercises created before versions existed). */
		scenarioVersionId: text('scenario_version_id').references(() => scenarioVersions.id),
		title: text('title').notNull(),
		/** What the facilitator calls this run (shown wherever the exercise is named); renamable. */
		name: text('name').notNull().default(''),
		orgName: text('org_name').notNull(),
		config: text('config', { mode: 'json' }).$type<ExerciseConfig>().notNull(),
		joinCode: text('join_code').notNull().unique(),
		staffCode: text('staff_code').notNull().unique(),
		lifecycle: text('lifecycle').$type<Lifecycle>().notNull().default('lobby'),
		/** Most seats (participants, observers and evaluators together) the exercise accepts. */
		seatLimit: integer('seat_limit').notNull().default(200),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('exercises_lifecycle_idx').on(t.lifecycle), index('exercises_created_idx').on(t.createdAt)]
);
export const exercisesRelations = relations(exercises, ({ one, many }) => ({
	creator: one(users, { fields: [exercises.createdBy], references: [users.id] }),
	scenarioVersion: one(scenarioVersions, {
		fields: [exercises.scenarioVersionId],
		references: [scenarioVersions.id]
	}),
	seats: many(seats),
	events: many(events),
	snapshots: many(snapshots),
	scheduledEvents: many(scheduledEvents),
	improvementActions: many(improvementActions),
	feedback: many(feedback)
}));

/** Participants, observers and evaluators who joined with a code; only the hash of their token is kept. */
export const seats = sqliteTable(
	'seats',
	{
		id: text('id').primaryKey(),
		exerciseId: text('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		role: text('role').$type<SeatRole>().notNull(),
		name: text('name').notNull(),
		teamId: text('team_id'),
		tokenHash: text('token_hash').notNull().unique(),
		createdAt: createdAt(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('seats_exercise_idx').on(t.exerciseId)]
);
export const seatsRelations = relations(seats, ({ one }) => ({
	exercise: one(exercises, { fields: [seats.exerciseId], references: [exercises.id] })
}));

/** The append-only input log; (exercise, sender, key) is unique so a retried command is stored once. */
export const events = sqliteTable(
	'events',
	{
		exerciseId: text('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		/** Who sent the input ("system", or role and id), so idempotency keys are scoped to their sender. */
		sender: text('sender').notNull().default(''),
		key: text('key').notNull(),
		at: integer('at').notNull(),
		actor: text('actor', { mode: 'json' }).$type<Actor>().notNull(),
		command: text('command', { mode: 'json' }).$type<Command>().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.exerciseId, t.seq] }),
		unique('events_sender_key_uq').on(t.exerciseId, t.sender, t.key)
	]
);
export const eventsRelations = relations(events, ({ one }) => ({
	exercise: one(exercises, { fields: [events.exerciseId], references: [exercises.id] })
}));

/** Engine state serialised by the engine (opaque text) at a sequence number, tagged with the engine version. */
export const snapshots = sqliteTable(
	'snapshots',
	{
		exerciseId: text('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		engineVersion: text('engine_version').notNull(),
		state: text('state').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.exerciseId, t.seq] })]
);
export const snapshotsRelations = relations(snapshots, ({ one }) => ({
	exercise: one(exercises, { fields: [snapshots.exerciseId], references: [exercises.id] })
}));

/** The engine's pending timers, replaced together with each appended input. */
export const scheduledEvents = sqliteTable(
	'scheduled_events',
	{
		exerciseId: text('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		kind: text('kind').notNull(),
		dueScenario: integer('due_scenario').notNull(),
		dueWall: integer('due_wall')
	},
	(t) => [primaryKey({ columns: [t.exerciseId, t.kind, t.itemId] })]
);
export const scheduledEventsRelations = relations(scheduledEvents, ({ one }) => ({
	exercise: one(exercises, { fields: [scheduledEvents.exerciseId], references: [exercises.id] })
}));

/** After-action improvement plan items, followed up across exercises of the same organisation. */
export const improvementActions = sqliteTable(
	'improvement_actions',
	{
		id: text('id').primaryKey(),
		exerciseId: text('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		orgName: text('org_name').notNull(),
		objectiveId: text('objective_id'),
		capability: text('capability').notNull(),
		issue: text('issue').notNull(),
		action: text('action').notNull(),
		element: text('element').$type<ImprovementElement>().notNull(),
		owner: text('owner').notNull(),
		dueDate: text('due_date'),
		status: text('status').$type<ImprovementStatus>().notNull().default('open'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('improvement_actions_exercise_idx').on(t.exerciseId),
		index('improvement_actions_org_idx').on(t.orgName, t.status)
	]
);
export const improvementActionsRelations = relations(improvementActions, ({ one }) => ({
	exercise: one(exercises, { fields: [improvementActions.exerciseId], references: [exercises.id] })
}));

/** Post-exercise feedback from a seat. */
export const feedback = sqliteTable(
	'feedback',
	{
		id: text('id').primaryKey(),
		exerciseId: text('exercise_id')
			.notNull()
			.references(() => exercises.id, { onDelete: 'cascade' }),
		seatId: text('seat_id')
			.notNull()
			.references(() => seats.id, { onDelete: 'cascade' }),
		ratings: text('ratings', { mode: 'json' }).$type<FeedbackRatings>().notNull(),
		comments: text('comments', { mode: 'json' }).$type<FeedbackComments>().notNull(),
		createdAt: createdAt()
	},
	(t) => [index('feedback_exercise_idx').on(t.exerciseId)]
);
export const feedbackRelations = relations(feedback, ({ one }) => ({
	exercise: one(exercises, { fields: [feedback.exerciseId], references: [exercises.id] }),
	seat: one(seats, { fields: [feedback.seatId], references: [seats.id] })
}));

/** Scenarios of the library and the studio; the id is the scenario's own `id`, unique across both. */
export const scenarios = sqliteTable(
	'scenarios',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		origin: text('origin').$type<ScenarioOrigin>().notNull(),
		/** The file in scenarios/ a library scenario is read from. */
		libraryFile: text('library_file'),
		/** Who created a studio scenario (null for the library, or once the account is gone). */
		ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('scenarios_owner_idx').on(t.ownerId)]
);
export const scenariosRelations = relations(scenarios, ({ one, many }) => ({
	owner: one(users, { fields: [scenarios.ownerId], references: [users.id] }),
	versions: many(scenarioVersions),
	draft: one(scenarioDrafts)
}));

/** Published versions, never changed once written: the YAML text exactly as published, who, when and why. */
export const scenarioVersions = sqliteTable(
	'scenario_versions',
	{
		id: text('id').primaryKey(),
		scenarioId: text('scenario_id')
			.notNull()
			.references(() => scenarios.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		source: text('source').notNull(),
		/** SHA-256 of the source, so re-importing an unchanged library file adds nothing. */
		sourceHash: text('source_hash').notNull(),
		title: text('title').notNull(),
		/** The scenario's own `version` field. */
		label: text('label').notNull(),
		note: text('note').notNull(),
		publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
		/** The publisher's name as it was ("Shipped library" for files), kept if the account goes. */
		publishedByName: text('published_by_name').notNull(),
		createdAt: createdAt()
	},
	(t) => [unique('scenario_versions_number_uq').on(t.scenarioId, t.number)]
);
export const scenarioVersionsRelations = relations(scenarioVersions, ({ one }) => ({
	scenario: one(scenarios, { fields: [scenarioVersions.scenarioId], references: [scenarios.id] })
}));

/** The one working copy of a scenario; `revision` counts saves so two editors cannot overwrite each other. */
export const scenarioDrafts = sqliteTable('scenario_drafts', {
	scenarioId: text('scenario_id')
		.primaryKey()
		.references(() => scenarios.id, { onDelete: 'cascade' }),
	source: text('source').notNull(),
	revision: integer('revision').notNull(),
	/** The version number the draft started from, if any. */
	basedOn: integer('based_on'),
	importNotes: text('import_notes', { mode: 'json' }).$type<StoredImportNote[]>(),
	updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});
export const scenarioDraftsRelations = relations(scenarioDrafts, ({ one }) => ({
	scenario: one(scenarios, { fields: [scenarioDrafts.scenarioId], references: [scenarios.id] })
}));

/** Invitations an administrator sent: a one-time link (only its hash is kept) that creates an account. */
export const invites = sqliteTable(
	'invites',
	{
		id: text('id').primaryKey(),
		tokenHash: text('token_hash').notNull().unique(),
		/** Who the invitation is for, as the administrator wrote it (shown on the invitation page). */
		label: text('label').notNull(),
		roles: text('roles', { mode: 'json' }).$type<AccountRole[]>().notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('invites_created_idx').on(t.createdAt)]
);

/** The append-only audit log of privileged actions; the store offers no update or delete. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: text('id').primaryKey(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		/** The account that acted (null for the system or an unknown account). */
		actorId: text('actor_id'),
		/** Who acted as they were named then (kept when the account changes). */
		actorName: text('actor_name').notNull(),
		/** What happened, e.g. "auth.sign_in", "role.grant", "exercise.start". */
		action: text('action').notNull(),
		/** What it happened to, in words (an account, an exercise title…). */
		target: text('target').notNull(),
		detail: text('detail', { mode: 'json' }).$type<AuditDetail>().notNull(),
		address: text('address')
	},
	(t) => [index('audit_log_at_idx').on(t.at), index('audit_log_action_idx').on(t.action, t.at)]
);

/** Unused second-factor recovery codes (SHA-256 hashes); using one deletes its row. */
export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.codeHash] })]
);
