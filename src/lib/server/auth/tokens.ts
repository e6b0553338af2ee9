/**
 * Secrets handed to browsers and people: session/seat tokens (stored only as SHA-256) and short join codes
 * that a human can read aloud or type from a projector.
 */
import { createHash, randomBytes } from 'node:crypto';
import { m } from '$lib/paraglide/messages';

const TOKEN_BYTES = 32;
/** base64url of 32 bytes, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh bearer token for a session cookie or a seat: 32 CSPRNG bytes, base64url. */
export function newToken(): string {
	return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a string has the shape newToken() produces (cheap check before hashing a cookie). */
export function isWellFormedToken(value: string): boolean {
	return TOKEN_PATTERN.test(value);
}

/** The value the database keeps for a token: lowercase hex SHA-256. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Crockford base32: no I, L, O or U, so codes survive being read aloud and retyped. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 symbols × 5 bits = 50 bits from the CSPRNG. */
export const JOIN_CODE_LENGTH = 10;
const GROUPS = [4, 4, 2];

/** A fresh join (or staff) code in canonical form: 10 upper-case Crockford base32 characters, no dashes. */
export function newJoinCode(): string {
	const bytes = randomBytes(JOIN_CODE_LENGTH);
	let code = '';
	// 256 is a multiple of 32, so masking to 5 bits keeps every symbol equally likely.
	for (const byte of bytes) code += ALPHABET[byte & 31];
	return code;
}

/** Shows a canonical code in groups for people, e.g. "K7QM2XHD9P" → "K7QM-2XHD-9P". */
export function formatJoinCode(code: string): string {
	const parts: string[] = [];
	let at = 0;
	for (const size of GROUPS) {
		parts.push(code.slice(at, at + size));
		at += size;
	}
	return parts.filter(Boolean).join('-');
}

/** Result of reading a code someone typed. */
export type ParsedJoinCode = { ok: true; code: string } | { ok: false; message: string };

const CONFUSABLE: Record<string, string> = { I: '1', L: '1', O: '0' };

/**
 * Reads a typed code: case-insensitive, ignores spaces and dashes, and maps the look-alikes I/L→1 and O→0
 * (as Crockford's decoding does). Returns the canonical code or a message saying what is wrong.
 */
export function parseJoinCode(input: string): ParsedJoinCode {
	const compact = input.toUpperCase().replace(/[\s-]+/g, '');
	if (compact.length === 0) return { ok: false, message: m.code_err_empty() };
	let code = '';
	for (const char of compact) {
		const mapped = CONFUSABLE[char] ?? char;
		if (!ALPHABET.includes(mapped)) {
			return { ok: false, message: m.code_err_char({ char }) };
		}
		code += mapped;
	}
	if (code.length !== JOIN_CODE_LENGTH) {
		return {
			ok: false,
			message: m.code_err_length({ expected: JOIN_CODE_LENGTH, actual: code.length })
		};
	}
	return { ok: true, code };
}
