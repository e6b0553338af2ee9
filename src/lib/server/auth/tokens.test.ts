import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	JOIN_CODE_LENGTH,
	formatJoinCode,
	hashToken,
	isWellFormedToken,
	newJoinCode,
	newToken,
	parseJoinCode
} from './tokens';

describe('tokens', () => {
	it('issues 32-byte base64url tokens that differ each time', () => {
		const a = newToken();
		const b = newToken();
		expect(Buffer.from(a, 'base64url')).toHaveLength(32);
		expect(isWellFormedToken(a)).toBe(true);
		expect(a).not.toBe(b);
	});

	it('rejects cookie values that are not tokens', () => {
		expect(isWellFormedToken('')).toBe(false);
		expect(isWellFormedToken('a'.repeat(42))).toBe(false);
		expect(isWellFormedToken(`${'a'.repeat(42)}=`)).toBe(false);
	});

	it('hashes tokens to a stable hex SHA-256', () => {
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(hashToken(newToken())).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('join codes', () => {
	it('draws 10 Crockford base32 characters without I, L, O or U', () => {
		for (let i = 0; i < 200; i++) {
			expect(newJoinCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
		}
	});

	it('uses every symbol of the alphabet (no truncated range)', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 300; i++) for (const c of newJoinCode()) seen.add(c);
		expect(seen.size).toBe(32);
	});

	it('shows codes grouped 4-4-2', () => {
		expect(formatJoinCode('K7QM2XHD9P')).toBe('K7QM-2XHD-9P');
	});

	it('reads a typed code case-insensitively, ignoring dashes and spaces', () => {
		expect(parseJoinCode(' k7qm-2xhd 9p ')).toEqual({ ok: true, code: 'K7QM2XHD9P' });
	});

	it('maps the look-alikes I and L to 1 and O to 0', () => {
		expect(parseJoinCode('iL0o-AAAA-BB')).toEqual({ ok: true, code: '1100AAAABB' });
	});

	it('says which character does not belong in a code', () => {
		const parsed = parseJoinCode('K7QM-2XHD-9U');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message).toContain('"U"');
	});

	it('says how many characters were given when the length is wrong', () => {
		const parsed = parseJoinCode('K7QM-2XHD');
		expect(parsed).toEqual({ ok: false, message: 'A join code has 10 characters; this one has 8.' });
	});

	it('asks for a code when the input is blank', () => {
		expect(parseJoinCode('  - ')).toEqual({ ok: false, message: 'Enter the join code.' });
	});

	it('parses back every code it formats, whatever the case', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{10}$/), fc.boolean(), (code, lower) => {
				const shown = formatJoinCode(code);
				expect(parseJoinCode(lower ? shown.toLowerCase() : shown)).toEqual({ ok: true, code });
			})
		);
		expect(newJoinCode()).toHaveLength(JOIN_CODE_LENGTH);
	});
});
