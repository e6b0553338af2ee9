/**
 * Sign-in through an OpenID Connect provider: authorization code flow with PKCE (S256), state and nonce,
 * using openid-client. The state, nonce and code verifier stay on the server, keyed by a one-time token in a
 * short-lived cookie, so a state can be used once and only by the browser that started the sign-in.
 *
 * Roles come from a claim (OIDC_ROLE_CLAIM) mapped by OIDC_ROLE_MAP and are refreshed at every sign-in; a
 * person whose claim maps to no role is refused. The account is found by issuer and subject, never by name.
 */
import { m } from '$lib/paraglide/messages';
import * as client from 'openid-client';
import type { OidcSettings } from '../auth/oidc-config';
import { rolesFromClaim } from '../auth/oidc-config';
import { ROLE_LABELS } from '../auth/roles';
import { hashToken, isWellFormedToken, newToken } from '../auth/tokens';
import { clearAuthCookie, setAuthCookie } from '../cookies';
import { normaliseUsername, type Store, type UserRecord } from '../db';
import { fault, ServiceError } from '../errors';
import type { AuditLog } from './audit-log';
import { clientAddress, type RequestLike } from './request';
import type { Facilitator, Sessions } from './sessions';

/** Cookie binding a sign-in in progress to the browser that started it. */
export const OIDC_COOKIE = 'sb_oidc';
/** How long someone has to finish signing in at the provider. */
export const OIDC_PENDING_MS = 10 * 60 * 1000;
/** Most sign-ins in progress kept at once (older ones are dropped first). */
const MAX_PENDING = 5000;

interface Pending {
	verifier: string;
	state: string;
	nonce: string;
	next: string;
	expiresAt: number;
}

/** Sign-in with the configured OpenID Connect provider. */
export class SingleSignOn {
	readonly #pending = new Map<string, Pending>();
	#server: Promise<client.ServerMetadata> | null = null;

	constructor(
		readonly settings: OidcSettings,
		private readonly store: Store,
		private readonly sessions: Sessions,
		private readonly audit: AuditLog,
		private readonly now: () => number
	) {}

	/** The name on the sign-in button. */
	get providerName(): string {
		return this.settings.providerName;
	}

	/** A client configuration; the clock skew follows the app's clock so tests can move time. */
	async #config(): Promise<client.Configuration> {
		this.#server ??= this.#discover().catch((e) => {
			this.#server = null;
			throw e;
		});
		const server = await this.#server;
		const { clientId, clientSecret } = this.settings;
		const config = new client.Configuration(
			server,
			clientId,
			{ [client.clockSkew]: Math.round((this.now() - Date.now()) / 1000) },
			clientSecret ? client.ClientSecretBasic(clientSecret) : client.None()
		);
		if (this.settings.issuer.protocol === 'http:') client.allowInsecureRequests(config);
		return config;
	}

	async #discover(): Promise<client.ServerMetadata> {
		const { issuer, clientId } = this.settings;
		try {
			const found = await client.discovery(issuer, clientId, undefined, undefined, {
				execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : []
			});
			return found.serverMetadata();
		} catch (e) {
			throw new ServiceError(
				'oidc/unavailable',
				`${this.providerName} could not be used: its discovery document at ${issuer.href} was refused (${reason(e)}). Check OIDC_ISSUER.`,
				502
			);
		}
	}

	/** Starts a sign-in: remembers state, nonce and verifier, sets the cookie and returns the provider's URL. */
	async start(event: RequestLike, next: string): Promise<URL> {
		const config = await this.#config();
		this.#sweep();
		const verifier = client.randomPKCECodeVerifier();
		const pending: Pending = {
			verifier,
			state: client.randomState(),
			nonce: client.randomNonce(),
			next,
			expiresAt: this.now() + OIDC_PENDING_MS
		};
		const token = newToken();
		this.#pending.set(hashToken(token), pending);
		setAuthCookie(event.cookies, OIDC_COOKIE, token, OIDC_PENDING_MS / 1000, event.url);
		return client.buildAuthorizationUrl(config, {
			redirect_uri: this.settings.redirectUrl.href,
			scope: this.settings.scopes,
			code_challenge: await client.calculatePKCECodeChallenge(verifier),
			code_challenge_method: 'S256',
			state: pending.state,
			nonce: pending.nonce
		});
	}

	/**
	 * Finishes a sign-in from the provider's redirect: checks state, PKCE, the ID token (issuer, audience,
	 * expiry, nonce), maps the role claim, finds or creates the account and starts a session.
	 */
	async finish(event: RequestLike): Promise<{ user: Facilitator; next: string }> {
		const token = event.cookies.get(OIDC_COOKIE);
		clearAuthCookie(event.cookies, OIDC_COOKIE, event.url);
		const key = token && isWellFormedToken(token) ? hashToken(token) : null;
		const pending = key ? this.#pending.get(key) : undefined;
		// One use: whatever happens next, this state cannot be presented again.
		if (key) this.#pending.delete(key);
		if (!pending || pending.expiresAt <= this.now()) {
			await this.#refused(
				event,
				null,
				'no sign-in in progress (state used, expired or from another browser)'
			);
			fault(
				'oidc/state',
				`This sign-in link was already used or has expired. Start again with “Sign in with ${this.providerName}”.`,
				400
			);
		}
		const providerError = event.url.searchParams.get('error');
		if (providerError) {
			const description = event.url.searchParams.get('error_description') ?? providerError;
			await this.#refused(event, null, `provider answered ${providerError}`);
			fault('oidc/refused', `${this.providerName} did not sign you in: ${description.slice(0, 200)}`, 401);
		}
		const config = await this.#config();
		const callback = new URL(this.settings.redirectUrl);
		callback.search = event.url.search;
		let claims: client.IDToken;
		let accessToken: string;
		try {
			const tokens = await client.authorizationCodeGrant(config, callback, {
				pkceCodeVerifier: pending.verifier,
				expectedState: pending.state,
				expectedNonce: pending.nonce,
				idTokenExpected: true
			});
			claims = tokens.claims()!;
			accessToken = tokens.access_token;
		} catch (e) {
			await this.#refused(event, null, reason(e));
			fault(
				'oidc/invalid',
				`${this.providerName} sign-in could not be verified (${reason(e)}). Try again.`,
				401
			);
		}
		let roleClaim: unknown = claims[this.settings.roleClaim];
		let profile: Record<string, unknown> = claims;
		if (roleClaim === undefined && config.serverMetadata().userinfo_endpoint) {
			const info = await client.fetchUserInfo(config, accessToken, claims.sub).catch(() => null);
			if (info) {
				profile = { ...info, ...claims };
				roleClaim = info[this.settings.roleClaim];
			}
		}
		const roles = rolesFromClaim(roleClaim, this.settings.roleMap);
		const label = String(profile.preferred_username ?? profile.email ?? claims.sub);
		if (roles.length === 0) {
			await this.#refused(event, label, `no mapped role in claim "${this.settings.roleClaim}"`);
			fault(
				'oidc/no_role',
				`Your ${this.providerName} account is not in any group that has a role in Switchboard (claim “${this.settings.roleClaim}”). Ask an administrator to add you to one.`,
				403
			);
		}
		const user = await this.#account(event, claims.iss, claims.sub, profile, roles);
		if (user.disabledAt) {
			await this.#refused(event, user.username, 'account disabled');
			fault('auth/disabled', m.signin_err_disabled(), 403);
		}
		return { user: await this.sessions.signIn(event, user, 'oidc'), next: pending.next };
	}

	async #account(
		event: RequestLike,
		issuer: string,
		subject: string,
		profile: Record<string, unknown>,
		roles: UserRecord['roles']
	): Promise<UserRecord> {
		const externalId = `${issuer} ${subject}`;
		const name = String(profile.name ?? profile.preferred_username ?? profile.email ?? subject).slice(0, 120);
		const existing = await this.store.users.byExternalId(externalId);
		if (existing) {
			if (existing.roles.join() !== roles.join()) {
				await this.store.users.setRoles(existing.id, roles);
				await this.audit.record(
					{ userId: null, name: this.providerName },
					'account.roles',
					existing.username,
					{ before: existing.roles, after: roles, source: this.settings.roleClaim },
					clientAddress(event)
				);
			}
			if (existing.displayName !== name) await this.store.users.setDisplayName(existing.id, name);
			return { ...existing, roles, displayName: name };
		}
		const base =
			normaliseUsername(String(profile.preferred_username ?? profile.email ?? subject))
				.replace(/[^a-z0-9._-]/g, '-')
				.slice(0, 56) || 'sso-user';
		let username = base.length >= 3 ? base : `${base}-sso`;
		for (let n = 2; await this.store.users.byUsername(username); n++) username = `${base}-${n}`;
		const user = await this.store.users.create({ username, displayName: name, roles, externalId });
		await this.audit.record(
			{ userId: user.id, name },
			'account.created_sso',
			username,
			{ roles: roles.map((r) => ROLE_LABELS[r]), provider: this.providerName },
			clientAddress(event)
		);
		return user;
	}

	async #refused(event: RequestLike, who: string | null, why: string): Promise<void> {
		await this.audit.record(
			{ userId: null, name: who ?? 'unknown' },
			'auth.sign_in_failed',
			who ?? this.providerName,
			{ method: 'oidc', reason: why.slice(0, 200) },
			clientAddress(event)
		);
	}

	#sweep(): void {
		const now = this.now();
		for (const [key, p] of this.#pending) if (p.expiresAt <= now) this.#pending.delete(key);
		while (this.#pending.size >= MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value!);
	}
}

function reason(e: unknown): string {
	// openid-client wraps oauth4webapi's error, whose cause names the claim that failed.
	let claim: unknown;
	for (
		let c: unknown = e;
		c && typeof c === 'object' && claim === undefined;
		c = (c as { cause?: unknown }).cause
	) {
		claim = (c as { claim?: unknown }).claim;
	}
	if (claim === 'exp' || claim === 'iat') return 'the ID token has expired';
	if (claim === 'iss') return 'the ID token comes from another issuer';
	if (claim === 'nonce') return 'the ID token does not belong to this sign-in';
	const text = e instanceof Error ? e.message : String(e);
	return text.replace(/\s+/g, ' ').slice(0, 160);
}
