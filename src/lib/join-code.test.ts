import { describe, expect, it } from 'vitest';
import { formatCode, groupCode, joinLink, spokenCode } from './join-code';

describe('groupCode', () => {
	it('splits a ten-character code typed in lower case into four-four-two', () => {
		expect(groupCode('k7qm2xhd9p')).toEqual(['K7QM', '2XHD', '9P']);
	});
	it('ignores spaces and dashes already in the code', () => {
		expect(groupCode('K7 QM-2X HD-9P')).toEqual(['K7QM', '2XHD', '9P']);
	});
	it('regroups a ten-character code as the server formats it, four-four-two', () => {
		expect(groupCode('XHK0-E12R-J2')).toEqual(['XHK0', 'E12R', 'J2']);
	});
});

describe('formatCode', () => {
	it('shows every spelling of a code the same way, four-four-two with dashes', () => {
		for (const typed of ['k7qm2xhd9p', 'K7QM 2XHD 9P', 'K7QM-2XHD-9P'])
			expect(formatCode(typed)).toBe('K7QM-2XHD-9P');
	});
});

describe('spokenCode', () => {
	it('spells each group out for a screen reader', () => {
		expect(spokenCode('XHK0-E12R-J2')).toBe('X H K 0, E 1 2 R, J 2');
	});
});

describe('joinLink', () => {
	it('points at the join page for the code on the same origin', () => {
		expect(joinLink('https://ttx.example/exercises/x/lobby', 'K7QM2XHD9P')).toBe(
			'https://ttx.example/join/K7QM-2XHD-9P'
		);
	});
});
