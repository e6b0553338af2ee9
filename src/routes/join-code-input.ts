/**
 * Reading a join code typed by a person, for the home page and /join form actions (server side only). The rules
 * (length, alphabet, look-alikes) are the server's own, from `parseJoinCode`, so forms and services agree.
 */
import { parseJoinCode } from '$lib/server/auth/tokens';

/** The code in canonical form, or a message saying what is wrong with what was typed. */
export function normaliseJoinCode(raw: string): { code: string } | { error: string } {
	const parsed = parseJoinCode(raw);
	return parsed.ok ? { code: parsed.code } : { error: parsed.message };
}
