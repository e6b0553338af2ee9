/**
 * Who may do what with scenarios. Facilitators run published scenarios, duplicate them into drafts of their own
 * and edit and try those drafts; publishing a version takes the scenario author role.
 *
 * The account role model (administrator, scenario author, facilitator, evaluator) comes with the identity work;
 * until it exists every account counts as a scenario author, as every account is an administrator today.
 */
import type { ScenarioRecord } from '../db/store';
import type { Facilitator } from './sessions';

/** True when the account may publish scenario versions. */
export function canAuthor(_user: Facilitator): boolean {
	return true;
}

/** True when the account may open, edit and try this scenario's draft: its owner, or a scenario author. */
export function canEditDraft(user: Facilitator, scenario: Pick<ScenarioRecord, 'ownerId'>): boolean {
	return scenario.ownerId === user.userId || canAuthor(user);
}
