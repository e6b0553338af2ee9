import { describe, expect, it } from 'vitest';
import { normaliseJoinCode } from './join-code-input';

describe('normaliseJoinCode', () => {
	it('upper-cases and drops spaces and dashes', () => {
		expect(normaliseJoinCode(' k7q-f9m ')).toEqual({ code: 'K7QF9M' });
	});
	it('asks for a code when the box is empty', () => {
		expect(normaliseJoinCode('  ')).toEqual({ error: expect.stringContaining('Enter the join code') });
	});
	it('rejects punctuation other than dashes', () => {
		expect(normaliseJoinCode('K7Q/F9M')).toEqual({ error: expect.stringContaining('only letters and digits') });
	});
	it('says how many characters a too-short code has', () => {
		expect(normaliseJoinCode('K7')).toEqual({ error: expect.stringContaining('has 2') });
	});
});
