import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS_SOURCE, newPasswordProblem } from './password-policy';

describe('new-password policy (ASVS 5.0 V6.2)', () => {
	it.each(['password', '12345678', 'aaaaaaaa'])('refuses "%s", which setup used to accept', async (pw) => {
		expect(await newPasswordProblem(pw)).not.toBeNull();
	});

	it('asks for at least 8 characters and counts them', async () => {
		expect(await newPasswordProblem('short')).toBe(
			'Use at least 8 characters (this one has 5); a short sentence of 15 or more is best.'
		);
	});

	it('allows 64 characters and more, up to 256', async () => {
		expect(
			await newPasswordProblem('a quiet lighthouse keeps the ledger of every passing tanker ship!')
		).toBeNull();
		expect(await newPasswordProblem('x'.repeat(257))).toContain('at most 256');
	});

	it('refuses passwords on the shipped list of common and breached passwords, whatever their case', async () => {
		expect(await newPasswordProblem('Trustno1')).toBe(
			'This password is on a list of common and breached passwords; choose another.'
		);
		expect(await newPasswordProblem('1qaz2wsx')).not.toBeNull();
	});

	it('refuses one short pattern repeated and runs of consecutive keys', async () => {
		for (const pw of ['abcabcabcabc', 'xyxyxyxyxy', '1234567890123', 'qwertyuiop', 'zyxwvutsrq']) {
			expect(await newPasswordProblem(pw), pw).not.toBeNull();
		}
	});

	it('refuses the username and the name of this app inside the password', async () => {
		expect(await newPasswordProblem('dana-reyes-2026', { username: 'dana' })).toBe(
			'Leave your name, your username and the word "switchboard" out of the password.'
		);
		expect(await newPasswordProblem('my switchboard login')).not.toBeNull();
	});

	it('has no composition rules: letters only, spaces and any script are fine', async () => {
		for (const pw of [
			'correct horse battery',
			'lighthouse tanker ledger',
			'моя длинная фраза',
			'電話網の演習を始める'
		]) {
			expect(await newPasswordProblem(pw), pw).toBeNull();
		}
	});

	it('names where its list comes from', () => {
		expect(COMMON_PASSWORDS_SOURCE).toMatch(/zxcvbn-ts.*MIT/);
	});
});
