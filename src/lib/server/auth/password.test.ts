import { describe, expect, it } from 'vitest';
import {
	MAX_PASSWORD_LENGTH,
	PasswordError,
	hashPassword,
	needsRehash,
	passwordProblem,
	verifyPassword
} from './password';

describe('password hashing', () => {
	it('verifies the password it hashed and rejects another', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
	});

	it('encodes scheme, cost parameters, salt and key in the hash string', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
		expect(needsRehash(stored)).toBe(false);
	});

	it('salts each hash so equal passwords give different strings', async () => {
		const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
		expect(a).not.toBe(b);
	});

	it('refuses to hash an empty password with a clear message', async () => {
		await expect(hashPassword('')).rejects.toThrow(new PasswordError('Enter a password.'));
	});

	it('refuses to hash an over-long password with a clear message', async () => {
		await expect(hashPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1))).rejects.toThrow(
			`Use at most ${MAX_PASSWORD_LENGTH} characters for the password.`
		);
	});

	it('asks for at least 8 characters on new passwords', () => {
		expect(passwordProblem('short')).toBe('Use at least 8 characters for the password.');
		expect(passwordProblem('long enough')).toBeNull();
	});

	it('answers false for empty, over-long or missing-account attempts', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword('', stored)).toBe(false);
		expect(await verifyPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), stored)).toBe(false);
		expect(await verifyPassword('not-a-real-password', null)).toBe(false);
	});

	it('treats a malformed or tampered hash as a mismatch and asks for a rehash', async () => {
		expect(await verifyPassword('whatever1', 'plain-text')).toBe(false);
		const absurdCost =
			'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
		expect(await verifyPassword('whatever1', absurdCost)).toBe(false);
		expect(needsRehash('plain-text')).toBe(true);
	});

	it('asks for a rehash of hashes made with a lower cost', () => {
		expect(
			needsRehash('scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
		).toBe(true);
	});
});
