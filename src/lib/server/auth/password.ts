/**
 * Facilitator password hashing with scrypt (node:crypto). The hash string carries its own parameters and
 * salt, so the cost can be raised later without invalidating existing accounts (see needsRehash).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Semaphore, SemaphoreFull } from '../semaphore';

/** Longest password accepted; bounds the work an attacker can make us do per attempt. */
export const MAX_PASSWORD_LENGTH = 256;
/** Shortest password accepted for new accounts. */
export const MIN_PASSWORD_LENGTH = 8;

const PREFIX = 'scrypt';
const CURRENT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Parameters read back from a stored hash are bounded so a tampered row cannot exhaust memory or CPU.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/** Thrown when a password cannot be hashed; the message is fit to show the user. */
export class PasswordError extends Error {
	override name = 'PasswordError';
}

/** Thrown when too many hashes are already running or waiting; the caller answers "busy, try again". */
export class HashingBusy extends Error {
	override name = 'HashingBusy';
}

/**
 * Every scrypt call goes through here: each takes about 32 MiB and a core for tens of milliseconds, so at most
 * two run at once (the machine's cores are for exercises) and at most 32 wait; past that a sign-in is refused
 * as busy before any work is done.
 */
export const passwordHashing = new Semaphore(2, 32);

/** Why a new password is unacceptable, or null when it is fine. */
export function passwordProblem(password: string): string | null {
	if (password.length === 0) return 'Enter a password.';
	if (password.length < MIN_PASSWORD_LENGTH) {
		return `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`;
	}
	if (password.length > MAX_PASSWORD_LENGTH) {
		return `Use at most ${MAX_PASSWORD_LENGTH} characters for the password.`;
	}
	return null;
}

function derive(password: string, salt: Buffer, keylen: number, params: typeof CURRENT): Promise<Buffer> {
	// scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is too low for N = 2^15, r = 8 plus overhead.
	const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
	const work = () =>
		new Promise<Buffer>((resolve, reject) => {
			scrypt(password.normalize('NFKC'), salt, keylen, options, (err, key) =>
				err ? reject(err) : resolve(key)
			);
		});
	return passwordHashing.run(work).catch((e: unknown) => {
		throw e instanceof SemaphoreFull ? new HashingBusy('Too many password checks are running.') : e;
	});
}

/** Hashes a new password: "scrypt$N$r$p$salt$key" with base64url salt and key. Throws PasswordError. */
export async function hashPassword(password: string): Promise<string> {
	const problem = passwordProblem(password);
	if (problem) throw new PasswordError(problem);
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, KEY_BYTES, CURRENT);
	const { N, r, p } = CURRENT;
	return [PREFIX, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
	params: typeof CURRENT;
	salt: Buffer;
	key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== PREFIX) return null;
	const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d+$/.test(part) ? Number(part) : NaN));
	const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
	if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
	const salt = Buffer.from(parts[4], 'base64url');
	const key = Buffer.from(parts[5], 'base64url');
	if (salt.length < 8 || key.length < 16) return null;
	return { params: { N, r, p }, salt, key };
}

// Verifying against this when the account does not exist keeps "no such user" as slow as "wrong password".
let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `stored`, compared in constant time. A missing or malformed hash, an empty or
 * over-long password all give false; with no stored hash the same work is still done (no user enumeration).
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
	if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
	const parsed = parseHash(stored ?? (await (dummyHash ??= hashPassword('not-a-real-password'))));
	if (!parsed) return false;
	const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
	return timingSafeEqual(key, parsed.key) && stored != null;
}

/** Whether a stored hash uses weaker parameters than the current ones (rehash after a successful login). */
export function needsRehash(stored: string): boolean {
	const parsed = parseHash(stored);
	if (!parsed) return true;
	return parsed.params.N < CURRENT.N || parsed.params.r < CURRENT.r || parsed.key.length < KEY_BYTES;
}
