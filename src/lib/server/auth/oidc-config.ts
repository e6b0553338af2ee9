/**
 * Single sign-on settings, read from the environment once at start. Nothing set means single sign-on is off;
 * a partial or malformed setting stops the server with a message naming the variable.
 *
 * | Variable             | Meaning                                                                                   |
 * | -------------------- | ----------------------------------------------------------------------------------------- |
 * | OIDC_ISSUER          | Issuer URL of the identity provider (https; http only for a provider on this machine)     |
 * | OIDC_CLIENT_ID       | Client id registered at the provider                                                      |
 * | OIDC_CLIENT_SECRET   | Client secret (omit for a public client: PKCE alone)                                      |
 * | OIDC_REDIRECT_URL    | Callback URL registered at the provider; default ORIGIN + /login/oidc/callback            |
 * | OIDC_PROVIDER_NAME   | Shown on the sign-in button ("Sign in with …"); default "single sign-on"                  |
 * | OIDC_ROLE_CLAIM      | Claim holding the user's groups or roles; default "roles"                                 |
 * | OIDC_ROLE_MAP        | Claim values to roles: "ttx-admins=administrator,ttx-staff=facilitator+evaluator"         |
 * | OIDC_SCOPES          | Scopes asked for; default "openid profile email"                                          |
 */
import { ACCOUNT_ROLES, type AccountRole } from './roles';

/** Parsed single sign-on settings. */
export interface OidcSettings {
	issuer: URL;
	clientId: string;
	clientSecret: string | null;
	redirectUrl: URL;
	providerName: string;
	roleClaim: string;
	/** Claim value → roles it grants. */
	roleMap: Map<string, AccountRole[]>;
	scopes: string;
}

const isLoopback = (host: string) => ['localhost', '127.0.0.1', '[::1]', '::1'].includes(host);

/** Reads "value=role+role,value2=role" into a map, refusing unknown roles by name. */
export function parseRoleMap(text: string): Map<string, AccountRole[]> {
	const map = new Map<string, AccountRole[]>();
	for (const part of text
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean)) {
		const at = part.lastIndexOf('=');
		if (at <= 0 || at === part.length - 1) {
			throw new Error(
				`OIDC_ROLE_MAP: "${part}" must look like claim-value=role (for example ttx-staff=facilitator).`
			);
		}
		const value = part.slice(0, at).trim();
		const roles = part
			.slice(at + 1)
			.split('+')
			.map((r) => r.trim());
		for (const role of roles) {
			if (!ACCOUNT_ROLES.includes(role as AccountRole)) {
				throw new Error(
					`OIDC_ROLE_MAP: unknown role "${role}" for "${value}"; use ${ACCOUNT_ROLES.join(', ')}.`
				);
			}
		}
		map.set(
			value,
			ACCOUNT_ROLES.filter((r) => [...(map.get(value) ?? []), ...roles].includes(r))
		);
	}
	return map;
}

function url(name: string, value: string): URL {
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		throw new Error(`${name} must be an absolute URL; got "${value}".`);
	}
	if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopback(parsed.hostname))) {
		throw new Error(`${name} must use https (http is accepted only for localhost); got "${value}".`);
	}
	return parsed;
}

/** The settings from `env`, or null when OIDC_ISSUER is unset; throws naming the variable that is wrong. */
export function readOidcSettings(env: Record<string, string | undefined>): OidcSettings | null {
	const issuer = env.OIDC_ISSUER?.trim();
	if (!issuer) return null;
	const clientId = env.OIDC_CLIENT_ID?.trim();
	if (!clientId) throw new Error('OIDC_CLIENT_ID must be set when OIDC_ISSUER is.');
	const origin = env.ORIGIN?.trim();
	const redirect =
		env.OIDC_REDIRECT_URL?.trim() || (origin ? `${origin.replace(/\/$/, '')}/login/oidc/callback` : '');
	if (!redirect)
		throw new Error('Set OIDC_REDIRECT_URL (or ORIGIN) so the identity provider can send people back.');
	const roleMap = parseRoleMap(env.OIDC_ROLE_MAP ?? '');
	if (roleMap.size === 0) {
		throw new Error(
			'OIDC_ROLE_MAP must map at least one claim value to a role, e.g. "ttx-staff=facilitator".'
		);
	}
	return {
		issuer: url('OIDC_ISSUER', issuer),
		clientId,
		clientSecret: env.OIDC_CLIENT_SECRET?.trim() || null,
		redirectUrl: url('OIDC_REDIRECT_URL', redirect),
		providerName: env.OIDC_PROVIDER_NAME?.trim() || 'single sign-on',
		roleClaim: env.OIDC_ROLE_CLAIM?.trim() || 'roles',
		roleMap,
		scopes: env.OIDC_SCOPES?.trim() || 'openid profile email'
	};
}

/** The roles a claim value (a string, a list, or a space-separated string) maps to. */
export function rolesFromClaim(claim: unknown, map: Map<string, AccountRole[]>): AccountRole[] {
	const values = Array.isArray(claim)
		? claim.filter((v): v is string => typeof v === 'string')
		: typeof claim === 'string'
			? claim.split(/[\s,]+/).filter(Boolean)
			: [];
	const granted = new Set(values.flatMap((v) => map.get(v) ?? []));
	return ACCOUNT_ROLES.filter((r) => granted.has(r));
}
