/**
 * Who is connecting: the Origin check and the cookie-to-principal step of the socket.io handshake. Browsers
 * always send Origin on cross-site requests, so a present Origin must be this server's own (or ORIGIN); clients
 * without Origin (scripts, the benchmark) still need a valid cookie.
 */
import type { IncomingMessage } from 'node:http';
import type { Principal } from '$lib/realtime/contract';
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

/** True when the request carries no Origin, or one equal to its own host or to `allowed` (the ORIGIN env). */
export function originAllowed(req: IncomingMessage, allowed?: string): boolean {
	const origin = req.headers.origin;
	if (!origin) return true;
	if (allowed && origin === allowed.replace(/\/$/, '')) return true;
	const host = req.headers['x-forwarded-host'] ?? req.headers.host;
	if (!host) return false;
	try {
		return new URL(origin).host === String(host).split(',')[0].trim();
	} catch {
		return false;
	}
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
