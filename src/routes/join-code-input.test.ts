import { describe, expect, it } from 'vitest';
import { normaliseJoinCode } from './join-code-input';

describe('normaliseJoinCode', () => {
	it('upper-cases and drops spaces and dashes', () => {
		expect(normaliseJoinCode(' k7qm-2xhd 9p ')).toEqual({ code: 'K7QM2XHD9P' });
	});
	it('reads the look-alike O as zero', () => {
		expect(normaliseJoinCode('K7QM2XHDOP')).toEqual({ code: 'K7QM2XHD0P' });
	});
	it('asks for a code when the box is empty', () => {
		expect(normaliseJoinCode('  ')).toEqual({ error: expect.stringContaining('Enter the join code') });
	});
	it('names a character that never appears in codes', () => {
		expect(normaliseJoinCode('K7QM/2XHD9P')).toEqual({ error: expect.stringContaining('"/"') });
	});
	it('says how many characters a too-short code has', () => {
		expect(normaliseJoinCode('K7')).toEqual({ error: expect.stringContaining('this one has 2') });
	});
});
