import { describe, expect, it } from 'vitest';
import { readSetupForm, validateSetup } from './validate';

const good = { name: 'Dana Reyes', username: 'dana', password: 'correct horse', confirm: 'correct horse' };

describe('validateSetup', () => {
	it('accepts a complete form', () => {
		expect(validateSetup(good)).toEqual({});
	});
	it('flags passwords that differ on the confirmation field', () => {
		expect(validateSetup({ ...good, confirm: 'correct hose' })).toEqual({
			confirm: expect.stringContaining('differ')
		});
	});
	it('counts the characters of a short password', () => {
		expect(validateSetup({ ...good, password: 'short', confirm: 'short' }).password).toContain('has 5');
	});
	it('rejects spaces in the username', () => {
		expect(validateSetup({ ...good, username: 'dana r' }).username).toContain('no spaces');
	});
	it('rejects a password longer than 256 characters', () => {
		const long = 'x'.repeat(257);
		expect(validateSetup({ ...good, password: long, confirm: long }).password).toContain('256');
	});
	it('asks for a display name when it is blank', () => {
		expect(validateSetup({ ...good, name: '   ' }).name).toContain('Enter the name');
	});
});

describe('readSetupForm', () => {
	it('trims and lower-cases the username but keeps password spaces', () => {
		const data = new FormData();
		data.set('username', ' Dana ');
		data.set('password', ' pass ');
		expect(readSetupForm(data)).toEqual({ name: '', username: 'dana', password: ' pass ', confirm: '' });
	});
});
