/**
 * Facilitator accounts and sessions: first-run setup (only while no facilitator exists), login with a per-IP
 * failure limit, logout, and the session cookie → facilitator lookup used by pages and the socket handshake.
 */
import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/locale-format';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { HashingBusy, hashPassword, verifyPassword } from '../auth/password';
import { newPasswordProblem } from '../auth/password-policy';
import type { RateLimiter } from '../auth/rate-limit';
import { hashToken, isWellFormedToken, newToken } from '../auth/tokens';
import { clearAuthCookie, SESSION_COOKIE, SESSION_MAX_AGE_S, setAuthCookie } from '../cookies';
import type { AccountRole, SignInMethod, Store, UserRecord } from '../db/store';
import { FIRST_ACCOUNT_ROLES } from '../auth/roles';
import { fault, ServiceError } from '../errors';
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode } from '../auth/totp';
import { CommandQueue } from '../exercise/command-queue';
import type { AuditLog } from './audit-log';
import { clientAddress, type RequestLike } from './request';

/** A signed-in staff member (any account role; see auth/roles for what each role allows). */
export interface Facilitator {
	userId: string;
	username: string;
	name: string;
	/** The account's roles, read with the session on every request, so a change applies at once. */
	roles: AccountRole[];
	/** The session this request or socket was authenticated with (SHA-256 of the cookie token). */
	sessionId: string;
}

/** Cookie of a sign-in that passed the password and waits for its second factor. */
export const SECOND_FACTOR_COOKIE = 'sb_2fa';
/** How long the code step waits. */
export const SECOND_FACTOR_MS = 5 * 60 * 1000;

/** Told the ids of sessions that just ended (logout), so their open sockets can be closed. */
export type SessionsEnded = (sessionIds: string[]) => void;

const setupForm = z.object({
	name: z.string().trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters for the name.'),
	username: z
		.string()
		.trim()
		.toLowerCase()
		.regex(
			/^[a-z0-9._-]{3,64}$/,
			'Use 3 to 64 letters, digits, dots, dashes or underscores for the username.'
		),
	password: z.string()
});

const toFacilitator = (u: UserRecord, sessionId: string): Facilitator => ({
	userId: u.id,
	username: u.username,
	name: u.displayName,
	roles: [...u.roles],
	sessionId
});

/** Hashes a new password, answering `auth/busy` (503) when too many hashes are running. */
export async function hashNewPassword(password: string): Promise<string> {
	try {
		return await hashPassword(password);
	} catch (e) {
		if (e instanceof HashingBusy) fault('auth/busy', 'The server is busy; try again in a moment.', 503);
		throw e;
	}
}

/** The browser's User-Agent when the request carries one (shown to administrators beside a session). */
function userAgentOf(event: RequestLike): string | null {
	const request = (event as { request?: Request }).request;
	return request?.headers.get('user-agent') ?? null;
}

/** "5 minutes" / "5 minutes" in the request's language. */
const minutes = (ms: number) =>
	formatNumber(Math.max(1, Math.ceil(ms / 60_000)), { style: 'unit', unit: 'minute', unitDisplay: 'long' });

/** Setup, login, logout and session lookup. */
export class Sessions {
	// Serialises setup so two first visitors cannot both become the first facilitator.
	readonly #setupQueue = new CommandQueue();
	readonly #ended = new Set<SessionsEnded>();
	/** Sign-ins waiting for their second factor, by the hash of the cookie token. */
	readonly #challenges = new Map<string, { userId: string; expiresAt: number }>();
	/** The last TOTP time step each account used, so a code works once. */
	readonly #usedSteps = new Map<string, number>();

	constructor(
		private readonly store: Store,
		/** Password attempts per client address and per account. */
		private readonly limits: { address: RateLimiter; account: RateLimiter; secondFactor?: RateLimiter },
		private readonly now: () => number,
		/** Where sign-ins, refusals and sign-outs are recorded (optional in small unit tests). */
		private readonly audit?: AuditLog
	) {}

	/** True while no facilitator account exists. */
	async needsSetup(): Promise<boolean> {
		return (await this.store.users.count()) === 0;
	}

	/** Creates the first facilitator and signs them in; `setup/closed` once one exists. */
	setup(
		event: RequestLike,
		form: { name: string; username: string; password: string }
	): Promise<Facilitator> {
		return this.#setupQueue.run(async () => {
			if (!(await this.needsSetup())) {
				fault('setup/closed', m.setup_err_closed(), 403);
			}
			const parsed = setupForm.safeParse(form);
			if (!parsed.success) fault('form/invalid', parsed.error.issues[0].message);
			const problem = await newPasswordProblem(form.password, {
				username: parsed.data.username,
				name: parsed.data.name
			});
			if (problem) fault('password/weak', problem);
			const user = await this.store.users.create({
				username: parsed.data.username,
				displayName: parsed.data.name,
				passwordHash: await hashNewPassword(form.password),
				roles: [...FIRST_ACCOUNT_ROLES]
			});
			await this.audit?.record(
				{ userId: user.id, name: user.displayName },
				'auth.setup',
				user.username,
				{ roles: [...FIRST_ACCOUNT_ROLES] },
				clientAddress(event)
			);
			return this.signIn(event, user, 'setup');
		});
	}

	/**
	 * Checks the password and signs in; one message for unknown user and wrong password. Each attempt is counted
	 * against the address and the account before the hash runs (so parallel guesses cannot all be evaluated) and
	 * taken back when the password was right or the check never ran.
	 */
	async login(event: RequestLike, form: { username: string; password: string }): Promise<Facilitator> {
		const username = form.username.trim().toLowerCase();
		const address = `login:${clientAddress(event)}`;
		const account = `account:${username}`;
		const byAddress = this.limits.address.take(address);
		if (!byAddress.allowed) {
			fault(
				'auth/rate_limited',
				m.signin_err_address_limited({ wait: minutes(byAddress.retryAfterMs) }),
				429
			);
		}
		const byAccount = this.limits.account.take(account);
		if (!byAccount.allowed) {
			this.limits.address.undo(address);
			fault(
				'auth/account_locked',
				m.signin_err_account_locked({ wait: minutes(byAccount.retryAfterMs) }),
				429
			);
		}
		const forgive = () => (this.limits.address.undo(address), this.limits.account.undo(account));
		let user: UserRecord | null;
		let ok: boolean;
		try {
			user = await this.store.users.byUsername(username);
			// A single sign-on account has no password: it is checked against the dummy hash and never matches.
			ok = await verifyPassword(form.password, user?.passwordHash || undefined);
		} catch (e) {
			forgive();
			if (e instanceof HashingBusy) {
				fault('auth/busy', m.signin_err_busy(), 503);
			}
			throw e;
		}
		if (!user || !ok) {
			await this.audit?.record(
				{ userId: user?.id ?? null, name: user?.displayName ?? username.slice(0, 64) },
				'auth.sign_in_failed',
				username.slice(0, 64),
				{ reason: 'wrong username or password' },
				clientAddress(event)
			);
			fault('auth/invalid_credentials', m.signin_err_credentials());
		}
		forgive();
		this.limits.account.reset(account);
		if (user.disabledAt) {
			await this.audit?.record(
				{ userId: user.id, name: user.displayName },
				'auth.sign_in_failed',
				user.username,
				{ reason: 'account disabled' },
				clientAddress(event)
			);
			fault('auth/disabled', m.signin_err_disabled(), 403);
		}
		if (user.totpEnabledAt && user.totpSecret) {
			this.#challenge(event, user.id);
			throw new ServiceError('auth/second_factor', 'Enter the code from your authenticator app.', 401);
		}
		return this.signIn(event, user, 'password');
	}

	#challenge(event: RequestLike, userId: string): void {
		const now = this.now();
		for (const [key, c] of this.#challenges) if (c.expiresAt <= now) this.#challenges.delete(key);
		const token = newToken();
		this.#challenges.set(hashToken(token), { userId, expiresAt: now + SECOND_FACTOR_MS });
		setAuthCookie(event.cookies, SECOND_FACTOR_COOKIE, token, SECOND_FACTOR_MS / 1000, event.url);
	}

	/** Whether this browser passed the password and now owes a second-factor code. */
	hasSecondFactorChallenge(event: RequestLike): boolean {
		const token = event.cookies.get(SECOND_FACTOR_COOKIE);
		const found = token && isWellFormedToken(token) ? this.#challenges.get(hashToken(token)) : undefined;
		return !!found && found.expiresAt > this.now();
	}

	/**
	 * Finishes a sign-in that needs a second factor with a code from the authenticator app or a recovery code.
	 * Attempts are counted per account (the same limit as wrong passwords); a code is accepted once.
	 */
	async completeSecondFactor(event: RequestLike, code: string): Promise<Facilitator> {
		const token = event.cookies.get(SECOND_FACTOR_COOKIE);
		const key = token && isWellFormedToken(token) ? hashToken(token) : null;
		const challenge = key ? this.#challenges.get(key) : undefined;
		if (!key || !challenge || challenge.expiresAt <= this.now()) {
			if (key) this.#challenges.delete(key);
			fault('auth/second_factor_expired', m.signin_err_code_timeout(), 401);
		}
		const user = await this.store.users.byId(challenge.userId);
		if (!user || user.disabledAt || !user.totpSecret || !user.totpEnabledAt) {
			this.#challenges.delete(key);
			fault('auth/second_factor_expired', m.signin_err_account_changed(), 401);
		}
		const limiter = this.limits.secondFactor ?? this.limits.account;
		const decision = limiter.take(`second-factor:${user.id}`);
		if (!decision.allowed) {
			fault('auth/rate_limited', m.signin_err_code_limited({ wait: minutes(decision.retryAfterMs) }), 429);
		}
		let recovery = false;
		if (looksLikeRecoveryCode(code)) {
			recovery = await this.store.users.useRecoveryCode(user.id, hashRecoveryCode(code));
		}
		const step = recovery
			? null
			: await checkTotp(user.totpSecret, code, this.now(), this.#usedSteps.get(user.id));
		if (!recovery && step === null) {
			await this.audit?.record(
				{ userId: user.id, name: user.displayName },
				'auth.sign_in_failed',
				user.username,
				{ reason: 'wrong second-factor code' },
				clientAddress(event)
			);
			fault('auth/wrong_code', m.signin_err_wrong_code());
		}
		if (step !== null) this.#usedSteps.set(user.id, step);
		this.#challenges.delete(key);
		clearAuthCookie(event.cookies, SECOND_FACTOR_COOKIE, event.url);
		limiter.reset(`second-factor:${user.id}`);
		if (recovery) {
			await this.audit?.record(
				{ userId: user.id, name: user.displayName },
				'auth.recovery_code_used',
				user.username,
				{ left: await this.store.users.recoveryCodesLeft(user.id) },
				clientAddress(event)
			);
		}
		return this.signIn(event, user, 'password+totp');
	}

	/** Subscribes to ended sessions (the realtime layer closes their sockets); returns the unsubscribe. */
	onEnded(listener: SessionsEnded): () => void {
		this.#ended.add(listener);
		return () => this.#ended.delete(listener);
	}

	/** Ends the session of this browser, everywhere: its cookie, its row and its open sockets. */
	async logout(event: RequestLike): Promise<void> {
		const token = event.cookies.get(SESSION_COOKIE);
		clearAuthCookie(event.cookies, SESSION_COOKIE, event.url);
		if (!token || !isWellFormedToken(token)) return;
		const id = hashToken(token);
		const found = await this.store.sessions.getValid(id, new Date(this.now()));
		await this.store.sessions.delete(id);
		this.#announceEnded([id]);
		if (found) {
			await this.audit?.record(
				{ userId: found.user.id, name: found.user.displayName },
				'auth.sign_out',
				found.user.username,
				{},
				clientAddress(event)
			);
		}
	}

	/** Ends these sessions (an administrator's decision): rows deleted, open sockets closed. */
	async end(sessionIds: string[]): Promise<void> {
		for (const id of sessionIds) await this.store.sessions.delete(id);
		if (sessionIds.length) this.#announceEnded(sessionIds);
	}

	/** Ends every session of an account (disabled, or its password changed); returns how many. */
	async endAllFor(userId: string): Promise<number> {
		const ids = await this.store.sessions.deleteForUser(userId);
		if (ids.length) this.#announceEnded(ids);
		return ids.length;
	}

	/** Starts a session for an account whose identity was just proven, sets the cookie, records the sign-in. */
	async signIn(event: RequestLike, user: UserRecord, method: SignInMethod): Promise<Facilitator> {
		const id = await this.#startSession(event, user.id, method);
		if (method !== 'setup') {
			await this.audit?.record(
				{ userId: user.id, name: user.displayName },
				'auth.sign_in',
				user.username,
				{ method },
				clientAddress(event)
			);
		}
		return toFacilitator(user, id);
	}

	/** The facilitator signed in on this request, or null. */
	async current(event: RequestLike): Promise<Facilitator | null> {
		const token = event.cookies.get(SESSION_COOKIE);
		return token ? this.byToken(token) : null;
	}

	/** The facilitator, or a redirect to /login (or /setup on a fresh install). */
	async require(event: RequestLike): Promise<Facilitator> {
		const f = await this.current(event);
		if (f) return f;
		if (await this.needsSetup()) redirect(303, '/setup');
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}

	/** Looks up a session token (the cookie value). */
	async byToken(token: string): Promise<Facilitator | null> {
		if (!isWellFormedToken(token)) return null;
		return this.bySessionId(hashToken(token));
	}

	/** The facilitator of a live session by its id (the token's hash), or null once it ended or expired. */
	async bySessionId(sessionId: string): Promise<Facilitator | null> {
		const found = await this.store.sessions.getValid(sessionId, new Date(this.now()));
		return found ? toFacilitator(found.user, sessionId) : null;
	}

	#announceEnded(ids: string[]): void {
		for (const listener of this.#ended) listener(ids);
	}

	async #startSession(event: RequestLike, userId: string, method: SignInMethod): Promise<string> {
		const token = newToken();
		const id = hashToken(token);
		await this.store.sessions.create({
			id,
			userId,
			expiresAt: new Date(this.now() + SESSION_MAX_AGE_S * 1000),
			method,
			address: clientAddress(event),
			userAgent: userAgentOf(event)
		});
		setAuthCookie(event.cookies, SESSION_COOKIE, token, SESSION_MAX_AGE_S, event.url);
		return id;
	}
}
