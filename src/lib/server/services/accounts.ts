/**
 * What an administrator does with accounts: invite people with a one-time link, change roles, disable and
 * enable accounts (disabling ends their sessions and open sockets), and see and end live sessions. Every
 * change is recorded in the audit log. An invited person opens the link and chooses a username and password.
 */
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { newPasswordProblem } from '../auth/password-policy';
import { hasRole, parseRoles, ROLE_LABELS, type AccountRole } from '../auth/roles';
import { hashToken, isWellFormedToken, newToken } from '../auth/tokens';
import type { InviteRecord, Store, UserRecord } from '../db/store';
import { StoreError } from '../db/store';
import { fault } from '../errors';
import { CommandQueue } from '../exercise/command-queue';
import type { AuditLog } from './audit-log';
import { clientAddress, type RequestLike } from './request';
import { hashNewPassword, type Facilitator, type Sessions } from './sessions';

/** How long an invitation link works. */
export const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

/** An account as the administrator page lists it (no hashes, no secrets). */
export interface AccountRow {
	id: string;
	username: string;
	name: string;
	roles: AccountRole[];
	disabled: boolean;
	signIn: 'password' | 'single sign-on';
	secondFactor: boolean;
	sessions: number;
	createdAt: Date;
}

/** An invitation as listed. */
export interface InviteRow {
	id: string;
	label: string;
	roles: AccountRole[];
	state: 'open' | 'used' | 'expired' | 'revoked';
	expiresAt: Date;
	createdAt: Date;
}

/** A live session as listed. */
export interface SessionRow {
	id: string;
	account: string;
	username: string;
	method: string;
	address: string | null;
	browser: string | null;
	startedAt: Date;
	expiresAt: Date;
	/** The administrator's own session on this request. */
	current: boolean;
}

const inviteForm = z.object({
	label: z
		.string()
		.trim()
		.min(1, 'Say who the invitation is for (a name or an email address).')
		.max(120, 'Use at most 120 characters for who the invitation is for.')
});

const accountForm = z.object({
	name: z.string().trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters for the name.'),
	username: z
		.string()
		.trim()
		.toLowerCase()
		.regex(
			/^[a-z0-9._-]{3,64}$/,
			'Use 3 to 64 letters, digits, dots, dashes or underscores for the username.'
		)
});

const actor = (u: Facilitator) => ({ userId: u.userId, name: u.name });

/** Account administration. Every method taking `admin` checks the administrator role itself. */
export class Accounts {
	readonly #accepting = new CommandQueue();
	readonly #changing = new CommandQueue();

	constructor(
		private readonly store: Store,
		private readonly sessions: Sessions,
		private readonly audit: AuditLog,
		private readonly now: () => number
	) {}

	#requireAdmin(user: Facilitator): void {
		if (!hasRole(user, 'administrator')) {
			fault('auth/forbidden', 'Only an administrator can manage accounts.', 403);
		}
	}

	async #account(id: string): Promise<UserRecord> {
		const user = await this.store.users.byId(id);
		if (!user) fault('account/not_found', 'That account does not exist (any more).', 404);
		return user;
	}

	/** Accounts, invitations and live sessions for the administrator page. */
	async overview(admin: Facilitator): Promise<{
		accounts: AccountRow[];
		invites: InviteRow[];
		sessions: SessionRow[];
	}> {
		this.#requireAdmin(admin);
		const now = new Date(this.now());
		const [users, invites, live] = await Promise.all([
			this.store.users.list(),
			this.store.invites.list(),
			this.store.sessions.listActive(now)
		]);
		const perUser = new Map<string, number>();
		for (const s of live) perUser.set(s.user.id, (perUser.get(s.user.id) ?? 0) + 1);
		return {
			accounts: users.map((u) => ({
				id: u.id,
				username: u.username,
				name: u.displayName,
				roles: u.roles,
				disabled: u.disabledAt !== null,
				signIn: u.externalId ? 'single sign-on' : 'password',
				secondFactor: u.totpEnabledAt !== null,
				sessions: u.disabledAt ? 0 : (perUser.get(u.id) ?? 0),
				createdAt: u.createdAt
			})),
			invites: invites.map((i) => ({
				id: i.id,
				label: i.label,
				roles: i.roles,
				state: inviteState(i, now),
				expiresAt: i.expiresAt,
				createdAt: i.createdAt
			})),
			sessions: live
				.filter((s) => !users.find((u) => u.id === s.user.id)?.disabledAt)
				.map((s) => ({
					id: s.session.id,
					account: s.user.displayName,
					username: s.user.username,
					method: METHOD_LABELS[s.session.method] ?? s.session.method,
					address: s.session.address,
					browser: s.session.userAgent,
					startedAt: s.session.createdAt,
					expiresAt: s.session.expiresAt,
					current: s.session.id === admin.sessionId
				}))
		};
	}

	/** Creates an invitation and returns its one-time link (shown once; only its hash is stored). */
	async invite(
		event: RequestLike,
		admin: Facilitator,
		form: { label: string; roles: string[] }
	): Promise<{ link: string; expiresAt: Date }> {
		this.#requireAdmin(admin);
		const parsed = inviteForm.safeParse(form);
		if (!parsed.success) fault('form/invalid', parsed.error.issues[0].message);
		const roles = readRoles(form.roles);
		if (roles.length === 0) fault('form/invalid', m.admin_err_no_role());
		const token = newToken();
		const expiresAt = new Date(this.now() + INVITE_TTL_MS);
		await this.store.invites.create({
			tokenHash: hashToken(token),
			label: parsed.data.label,
			roles,
			createdBy: admin.userId,
			expiresAt
		});
		await this.audit.record(
			actor(admin),
			'account.invite',
			parsed.data.label,
			{ roles },
			clientAddress(event)
		);
		return { link: new URL(`/invite/${token}`, event.url).href, expiresAt };
	}

	/** Revokes an open invitation. */
	async revokeInvite(event: RequestLike, admin: Facilitator, inviteId: string): Promise<void> {
		this.#requireAdmin(admin);
		const invite = (await this.store.invites.list()).find((i) => i.id === inviteId);
		if (!invite) fault('invite/not_found', m.invite_err_not_found(), 404);
		if (!(await this.store.invites.revoke(inviteId, new Date(this.now())))) {
			fault('invite/closed', m.invite_err_closed({ label: invite.label }), 409);
		}
		await this.audit.record(actor(admin), 'account.invite_revoked', invite.label, {}, clientAddress(event));
	}

	/** The open invitation behind a link, or null (unknown, used, expired or revoked). */
	async openInvite(token: string): Promise<InviteRecord | null> {
		if (!isWellFormedToken(token)) return null;
		const invite = await this.store.invites.byTokenHash(hashToken(token));
		return invite && inviteState(invite, new Date(this.now())) === 'open' ? invite : null;
	}

	/** Creates the invited person's account with the invitation's roles and signs them in. */
	acceptInvite(
		event: RequestLike,
		token: string,
		form: { name: string; username: string; password: string }
	): Promise<Facilitator> {
		return this.#accepting.run(async () => {
			const invite = await this.openInvite(token);
			if (!invite) {
				fault(
					'invite/closed',
					'This invitation link is no longer valid: it was used, expired or revoked. Ask an administrator for a new one.',
					410
				);
			}
			const parsed = accountForm.safeParse(form);
			if (!parsed.success) fault('form/invalid', parsed.error.issues[0].message);
			const problem = await newPasswordProblem(form.password, {
				username: parsed.data.username,
				name: parsed.data.name
			});
			if (problem) fault('password/weak', problem);
			const user = await this.store.users
				.create({
					username: parsed.data.username,
					displayName: parsed.data.name,
					passwordHash: await hashNewPassword(form.password),
					roles: invite.roles
				})
				.catch((e: unknown) => {
					if (e instanceof StoreError && e.code === 'user/username_taken') fault('form/invalid', e.message);
					throw e;
				});
			await this.store.invites.markUsed(invite.id, user.id, new Date(this.now()));
			await this.audit.record(
				{ userId: user.id, name: user.displayName },
				'account.created',
				user.username,
				{ invitation: invite.label, roles: invite.roles },
				clientAddress(event)
			);
			return this.sessions.signIn(event, user, 'invite');
		});
	}

	/** Replaces an account's roles; the last enabled administrator keeps the administrator role. */
	setRoles(event: RequestLike, admin: Facilitator, userId: string, roles: string[]): Promise<AccountRole[]> {
		return this.#changing.run(async () => {
			this.#requireAdmin(admin);
			const user = await this.#account(userId);
			const next = readRoles(roles);
			if (hasRole(user, 'administrator') && !next.includes('administrator')) {
				await this.#keepAnAdministrator(user, 'remove the Administrator role from');
			}
			const updated = await this.store.users.setRoles(userId, next);
			await this.audit.record(
				actor(admin),
				'account.roles',
				user.username,
				{ before: user.roles, after: updated.roles },
				clientAddress(event)
			);
			return updated.roles;
		});
	}

	/** Disables (ending every session and open socket of the account) or enables an account. */
	setDisabled(event: RequestLike, admin: Facilitator, userId: string, disabled: boolean): Promise<void> {
		return this.#changing.run(async () => {
			this.#requireAdmin(admin);
			const user = await this.#account(userId);
			if (disabled && user.id === admin.userId) {
				fault('account/self', m.admin_err_self(), 409);
			}
			if (disabled && hasRole(user, 'administrator')) await this.#keepAnAdministrator(user, 'disable');
			await this.store.users.setDisabled(userId, disabled ? new Date(this.now()) : null);
			const ended = disabled ? await this.sessions.endAllFor(userId) : 0;
			await this.audit.record(
				actor(admin),
				disabled ? 'account.disabled' : 'account.enabled',
				user.username,
				disabled ? { sessionsEnded: ended } : {},
				clientAddress(event)
			);
		});
	}

	/** Ends one live session (its cookie stops working and its open sockets close). */
	async endSession(event: RequestLike, admin: Facilitator, sessionId: string): Promise<void> {
		this.#requireAdmin(admin);
		const live = await this.store.sessions.listActive(new Date(this.now()));
		const found = live.find((s) => s.session.id === sessionId);
		if (!found) fault('session/not_found', 'That session has already ended.', 404);
		await this.sessions.end([sessionId]);
		await this.audit.record(
			actor(admin),
			'session.ended',
			found.user.username,
			{ method: found.session.method, own: sessionId === admin.sessionId },
			clientAddress(event)
		);
	}

	async #keepAnAdministrator(user: UserRecord, doing: string): Promise<void> {
		const others = (await this.store.users.list()).filter(
			(u) => u.id !== user.id && !u.disabledAt && hasRole(u, 'administrator')
		);
		if (others.length === 0) {
			fault(
				'account/last_administrator',
				`You cannot ${doing} ${user.displayName}: they are the only administrator. Make someone else an administrator first.`,
				409
			);
		}
	}
}

const METHOD_LABELS: Record<string, string> = {
	get password() {
		return m.admin_method_password();
	},
	get 'password+totp'() {
		return m.admin_method_totp();
	},
	get oidc() {
		return m.admin_method_oidc();
	},
	get setup() {
		return m.admin_method_setup();
	},
	get invite() {
		return m.admin_method_invite();
	}
};

function inviteState(i: InviteRecord, now: Date): InviteRow['state'] {
	if (i.usedAt) return 'used';
	if (i.revokedAt) return 'revoked';
	return i.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

function readRoles(values: string[]): AccountRole[] {
	try {
		return parseRoles(values);
	} catch (e) {
		fault('form/invalid', (e as Error).message);
	}
}

export { ROLE_LABELS };
