/**
 * What a new password must be (ASVS 5.0 V6.2, NIST SP 800-63B §5.1.1.2): at least 8 characters (6.2.1), at
 * most 256 so 64 and more always fit (6.2.9), any characters at all with no composition rules (6.2.5), and not
 * on a blocklist: a shipped offline list of common and breached passwords (6.2.4, 6.2.12), one short pattern
 * repeated or a run of consecutive keys, or the context words of this app and account (6.1.2, 6.2.11).
 * Every message says what to change.
 */
import { m } from '$lib/paraglide/messages';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password';

/** Where the blocklist comes from, for the docs and the tests. */
export const COMMON_PASSWORDS_SOURCE =
	'@zxcvbn-ts/language-common 4 (zxcvbn-ts, MIT licence): 49,233 passwords from the xato.net ten-million ' +
	'leaked-password corpus, each seen more than ten times, most common first';

/** Words that say which site a password is for; documented in docs/security.md (ASVS 6.1.2). */
export const CONTEXT_WORDS = ['switchboard'];

let common: Promise<Set<string>> | undefined;

/** The blocklist as a set of lower-case entries, decompressed once on first use (about 50 ms, 3 MB). */
function commonPasswords(): Promise<Set<string>> {
	common ??= import('@zxcvbn-ts/language-common').then(
		({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()))
	);
	return common;
}

const ROWS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** True when the whole password is one unit of up to four characters repeated ("aaaaaaaa", "abcabcabc"). */
function repeatsOnePattern(p: string): boolean {
	for (let size = 1; size <= 4 && size < p.length; size++) {
		if (p.length % size !== 0) continue;
		if (p.slice(0, size).repeat(p.length / size) === p) return true;
	}
	return false;
}

/** True when the whole password runs along one row of the keyboard or the alphabet or digits, either way. */
function isRun(p: string): boolean {
	const lower = p.toLowerCase();
	for (const row of ROWS) {
		for (const line of [row, [...row].reverse().join('')]) {
			const cycled = line.repeat(Math.ceil(lower.length / line.length) + 1);
			if (cycled.includes(lower)) return true;
		}
	}
	return false;
}

/**
 * Why a new password cannot be used, or null when it can. `context` carries the account's own words (its
 * username and name), which are refused inside the password.
 */
export async function newPasswordProblem(
	password: string,
	context: { username?: string; name?: string } = {}
): Promise<string | null> {
	const length = [...password].length;
	if (length === 0) return m.setup_pw_empty();
	if (length < MIN_PASSWORD_LENGTH) {
		return m.setup_pw_short({ min: MIN_PASSWORD_LENGTH, length });
	}
	if (password.length > MAX_PASSWORD_LENGTH) {
		return m.setup_pw_long({ max: MAX_PASSWORD_LENGTH, length: password.length });
	}
	const lower = password.toLowerCase();
	const own = [...CONTEXT_WORDS, context.username, ...(context.name ?? '').split(/\s+/)]
		.map((w) => (w ?? '').trim().toLowerCase())
		.filter((w) => w.length >= 3);
	if (own.some((w) => lower.includes(w))) {
		return m.setup_pw_own_words();
	}
	if (repeatsOnePattern(password) || isRun(password)) {
		return m.setup_pw_pattern();
	}
	if ((await commonPasswords()).has(lower)) {
		return m.setup_pw_common();
	}
	return null;
}
