/**
 * Plain value types shared by both schemas and the Store: the JSON column shapes and the enumerations the
 * database keeps as text. Kept free of drizzle so the schemas, drizzle-kit and the noun modules agree on them.
 */
import type { ImportNoteCode } from '../../studio/import/report';
import type { Lifecycle } from '../../engine/types';

/** Roles a seat can hold (facilitators are user accounts, not seats). */
export type SeatRole = 'participant' | 'observer' | 'evaluator';
export const SEAT_ROLES: readonly SeatRole[] = ['participant', 'observer', 'evaluator'];

/** HSEEP improvement-plan elements an action addresses. */
export type ImprovementElement = 'planning' | 'organization' | 'equipment' | 'training' | 'exercise';
export const IMPROVEMENT_ELEMENTS: readonly ImprovementElement[] = [
	'planning',
	'organization',
	'equipment',
	'training',
	'exercise'
];

/** Progress of an improvement action. */
export type ImprovementStatus = 'open' | 'in-progress' | 'done';
export const IMPROVEMENT_STATUSES: readonly ImprovementStatus[] = ['open', 'in-progress', 'done'];

/** Lifecycles that count as "still running" for restart purposes. */
export const ENDED_LIFECYCLE: Lifecycle = 'ended';

/** Participant feedback: scores per question id (e.g. 1..5) and free text per question id. */
export type FeedbackRatings = Record<string, number>;
export type FeedbackComments = Record<string, string>;

/** Where a scenario comes from: the shipped library (the scenarios/ folder) or the studio. */
export type ScenarioOrigin = 'library' | 'studio';

/** One note from an import, kept with the draft until it is published (see $lib/studio/import/report). */
export interface StoredImportNote {
	level: 'skipped' | 'changed' | 'not-kept';
	row?: number;
	item?: string;
	message: string;
	code?: ImportNoteCode;
	params?: Record<string, string>;
}

/**
 * What an account may do (a user may hold several): administrators manage accounts and read the audit log,
 * scenario authors publish scenario versions, facilitators create and run exercises, evaluators read reviews.
 */
export type AccountRole = 'administrator' | 'author' | 'facilitator' | 'evaluator';
export const ACCOUNT_ROLES: readonly AccountRole[] = ['administrator', 'author', 'facilitator', 'evaluator'];

/** How a session was signed in. */
export type SignInMethod = 'password' | 'password+totp' | 'oidc' | 'setup' | 'invite';

/** Free-form details of an audit entry (names, counts, the role granted…), never secrets. */
export type AuditDetail = Record<string, string | number | boolean | null | string[]>;
