/**
 * Who may do what with scenarios. Facilitators run published scenarios, duplicate them into drafts of their own
 * and edit and try those drafts; publishing a version takes the scenario author role (see auth/roles).
 */
import { hasAnyRole, hasRole, type AccountRole } from '../auth/roles';
import type { ScenarioRecord } from '../db/store';
import type { Facilitator } from './sessions';

/** Roles that may start drafts (duplicate a published scenario, upload or import one). */
export const DRAFT_ROLES: readonly [AccountRole, ...AccountRole[]] = [
	'author',
	'administrator',
	'facilitator'
];

/** True when the account may start drafts of its own: scenario authors, administrators and facilitators. */
export function canDraft(user: Facilitator): boolean {
	return hasAnyRole(user, DRAFT_ROLES);
}

/** True when the account may publish scenario versions: it holds the scenario author role. */
export function canAuthor(user: Facilitator): boolean {
	return hasRole(user, 'author');
}

/** True when the account may open, edit and try this scenario's draft: its owner, or a scenario author. */
export function canEditDraft(user: Facilitator, scenario: Pick<ScenarioRecord, 'ownerId'>): boolean {
	return (scenario.ownerId === user.userId && canDraft(user)) || canAuthor(user);
}
