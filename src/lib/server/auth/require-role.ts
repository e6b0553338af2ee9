/**
 * The route guard: `await requireRole(event, 'facilitator')` in a load function, action or endpoint returns the
 * signed-in user, sends a signed-out browser to /login (or /setup), and answers 403 with a clear message when
 * the account lacks every role named.
 */
import { error } from '@sveltejs/kit';
import { app } from '../app';
import type { RequestLike } from '../services/request';
import type { Facilitator } from '../services/sessions';
import { hasAnyRole, missingRoleMessage, type AccountRole } from './roles';

/** The signed-in user when they hold one of `roles`; otherwise a redirect to sign in or a 403. */
export async function requireRole(
	event: RequestLike,
	...roles: [AccountRole, ...AccountRole[]]
): Promise<Facilitator> {
	const user = await app().sessions.require(event);
	if (!hasAnyRole(user, roles)) error(403, missingRoleMessage(roles));
	return user;
}
