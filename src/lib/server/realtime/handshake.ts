/**
 * Who is connecting: the Origin check and the cookie-to-principal step of the socket.io handshake. Browsers
 * always send Origin on cross-site requests, so a present Origin must be this server's own (or ORIGIN); clients
 * without Origin (scripts, the benchmark) still need a valid cookie.
 */
import type { IncomingMessage } from 'node:http';
import type { Principal } from '$lib/realtime/contract';
import { extractLocaleFromRequestWithStrategies } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/i18n';
import { SEAT_COOKIE, SESSION_COOKIE } from '../cookies';

/** Reads one cookie from a raw Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		if (part.slice(0, eq).trim() !== name) continue;
		const raw = part.slice(eq + 1).trim();
		try {
			return decodeURIComponent(raw);
		} catch {
			return raw;
		}
	}
	return null;
}

/**
 * Which origins a handshake may come from. Proxy headers are read only when named here: they are set from the
 * same HOST_HEADER and PROTOCOL_HEADER settings the SvelteKit Node adapter uses, which an operator sets only
 * behind a proxy that overwrites them (otherwise any client could claim any host).
 */
export interface OriginPolicy {
	/** The public origin (ORIGIN), accepted exactly. */
	origin?: string;
	/** A trusted proxy's host header, e.g. "x-forwarded-host". */
	hostHeader?: string;
	/** A trusted proxy's scheme header, e.g. "x-forwarded-proto". */
	protocolHeader?: string;
}

function header(req: IncomingMessage, name: string | undefined): string | undefined {
	if (!name) return undefined;
	const value = req.headers[name.toLowerCase()];
	const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0].trim();
	return first || undefined;
}

/** The origin this request was made to: scheme and host, from trusted proxy headers only when configured. */
function ownOrigin(req: IncomingMessage, policy: OriginPolicy): string | null {
	const host = header(req, policy.hostHeader) ?? req.headers.host;
	if (!host) return null;
	const tls = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
	const scheme = header(req, policy.protocolHeader) ?? (tls ? 'https' : 'http');
	try {
		return new URL(`${scheme}://${host}`).origin;
	} catch {
		return null;
	}
}

/**
 * True when the request carries no Origin, or one equal to the configured public origin or to the request's
 * own origin, scheme and host both (https://host is not http://host).
 */
export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
	const origin = req.headers.origin;
	if (!origin) return true;
	let claimed: string;
	try {
		claimed = new URL(origin).origin;
	} catch {
		return false;
	}
	if (policy.origin && claimed === new URL(policy.origin).origin) return true;
	return claimed === ownOrigin(req, policy);
}

/** Looks up cookie tokens; implemented by the app's sessions and seats. */
export interface PrincipalResolver {
	facilitatorByToken(token: string): Promise<{ userId: string; name: string; sessionId: string } | null>;
	/** The facilitator of a session that is still live (not ended, not expired), by session id. */
	facilitatorBySession(sessionId: string): Promise<{ userId: string; name: string } | null>;
	seatByToken(token: string): Promise<{
		seatId: string;
		exerciseId: string;
		kind: 'participant' | 'observer' | 'evaluator';
		name: string;
		teamId: string | null;
	} | null>;
}

/** Who a handshake authenticated, and with which session when it was a facilitator's cookie. */
export interface Authenticated {
	principal: Principal;
	sessionId?: string;
}

/**
 * The principal behind a handshake. `as` picks the identity when a browser holds both cookies; without it a
 * seat wins over a session.
 */
export async function principalOf(
	cookieHeader: string | undefined,
	as: unknown,
	resolver: PrincipalResolver
): Promise<Authenticated | null> {
	const seatToken = as === 'facilitator' ? null : readCookie(cookieHeader, SEAT_COOKIE);
	const sessionToken = as === 'seat' ? null : readCookie(cookieHeader, SESSION_COOKIE);
	if (seatToken) {
		const seat = await resolver.seatByToken(seatToken);
		if (seat?.kind === 'participant') {
			const principal: Principal = {
				kind: 'participant',
				participantId: seat.seatId,
				exerciseId: seat.exerciseId,
				teamId: seat.teamId,
				name: seat.name
			};
			return { principal };
		}
		if (seat) {
			const principal: Principal = {
				kind: 'staff',
				staffId: seat.seatId,
				exerciseId: seat.exerciseId,
				role: seat.kind,
				name: seat.name
			};
			return { principal };
		}
	}
	if (sessionToken) {
		const f = await resolver.facilitatorByToken(sessionToken);
		if (f)
			return { principal: { kind: 'facilitator', userId: f.userId, name: f.name }, sessionId: f.sessionId };
	}
	return null;
}

/**
 * The language of a connection, read the way pages read it: the header switch's cookie, else the browser's
 * Accept-Language, else English. Refusals to this socket are worded in it.
 */
export function localeOf(headers: IncomingMessage['headers']): Locale {
	const request = new Request('http://localhost/', {
		headers: {
			cookie: headers.cookie ?? '',
			'accept-language': String(headers['accept-language'] ?? '')
		}
	});
	return extractLocaleFromRequestWithStrategies(request, ['cookie', 'preferredLanguage', 'baseLocale']);
}
