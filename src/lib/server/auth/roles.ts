/**
 * Account roles: what each lets an account do, and the checks routes and services use. A user may hold several.
 *
 * - administrator: the /admin page (accounts, invitations, roles, sessions, audit log).
 * - author: publishes scenario versions in the studio.
 * - facilitator: creates, runs and reviews exercises (pages and the facilitator socket).
 * - evaluator: reads exercise reviews, exports and trends.
 */
import { m } from '$lib/paraglide/messages';
import { ACCOUNT_ROLES, type AccountRole } from '../db/records';

export { ACCOUNT_ROLES, type AccountRole };

/** How a role is named to people. */
export const ROLE_LABELS: Readonly<Record<AccountRole, string>> = {
	get administrator() {
		return m.admin_role_administrator();
	},
	get author() {
		return m.admin_role_author();
	},
	get facilitator() {
		return m.admin_role_facilitator();
	},
	get evaluator() {
		return m.admin_role_evaluator();
	}
};

/** Roles of the account made at first setup: a one-person install can do everything with it. */
export const FIRST_ACCOUNT_ROLES: readonly AccountRole[] = ['administrator', 'author', 'facilitator'];

/** Anything that carries an account's roles (a signed-in user, a stored account). */
export interface HasRoles {
	roles: readonly AccountRole[];
}

/** True when the user holds `role`. */
export function hasRole(user: HasRoles | null | undefined, role: AccountRole): boolean {
	return !!user && user.roles.includes(role);
}

/** True when the user holds at least one of `roles`. */
export function hasAnyRole(user: HasRoles | null | undefined, roles: readonly AccountRole[]): boolean {
	return roles.some((role) => hasRole(user, role));
}

/** "Facilitator", "Facilitator or Evaluator", … for messages. */
export function roleNames(roles: readonly AccountRole[]): string {
	const names = roles.map((r) => ROLE_LABELS[r]);
	return names.length <= 1
		? (names[0] ?? '')
		: m.admin_roles_or({ first: names.slice(0, -1).join(', '), last: names.at(-1) ?? '' });
}

/** The message shown when an account lacks the role a page or action needs. */
export function missingRoleMessage(roles: readonly AccountRole[]): string {
	return m.admin_missing_role({ roles: roleNames(roles) });
}

/** Reads roles from form values or a claim, refusing unknown names with a message that names them. */
export function parseRoles(values: readonly unknown[]): AccountRole[] {
	const unknown = values.filter((v) => !ACCOUNT_ROLES.includes(v as AccountRole));
	if (unknown.length > 0) {
		throw new Error(
			`Unknown role ${unknown.map((v) => JSON.stringify(v)).join(', ')}: use ${ACCOUNT_ROLES.join(', ')}.`
		);
	}
	return ACCOUNT_ROLES.filter((r) => values.includes(r));
}
