/**
 * Time-based one-time passwords (RFC 6238, via otplib): 6 digits, 30-second steps, SHA-1 as authenticator apps
 * expect, one step of tolerance either side for clock drift, and each step accepted once per account. Recovery
 * codes are 10 random codes of 12 Crockford base32 characters, stored as SHA-256 hashes and usable once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

/** How many recovery codes an account gets when it turns the second factor on. */
export const RECOVERY_CODE_COUNT = 10;
const PERIOD_S = 30;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new base32 secret (160 bits). */
export function newTotpSecret(): string {
	return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
	return generateURI({ issuer: 'Switchboard', label: account, secret });
}

/**
 * Checks a code at `nowMs`; returns the time step it matched (to refuse it next time), or null. Codes at or
 * before `usedStep` are refused, so a code seen over someone's shoulder cannot be replayed.
 */
export async function checkTotp(
	secret: string,
	code: string,
	nowMs: number,
	usedStep?: number
): Promise<number | null> {
	const token = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(token)) return null;
	const result = await verify({
		secret,
		token,
		epoch: Math.floor(nowMs / 1000),
		epochTolerance: PERIOD_S,
		afterTimeStep: usedStep
	});
	return result.valid ? (result as { timeStep: number }).timeStep : null;
}

/** Fresh recovery codes, formatted XXXX-XXXX-XXXX. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
	return Array.from({ length: count }, () => {
		const bytes = randomBytes(12);
		const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
		return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
	});
}

/** Whether typed text looks like a recovery code (dashes, spaces and case do not matter). */
export function looksLikeRecoveryCode(text: string): boolean {
	return /^[0-9A-Z]{12}$/.test(text.replace(/[\s-]/g, '').toUpperCase());
}

/** The stored form of a recovery code. */
export function hashRecoveryCode(code: string): string {
	const canonical = code.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
	return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
