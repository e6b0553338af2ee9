import { describe, expect, it } from 'vitest';
import { groupCode, joinLink } from './join-code';

describe('groupCode', () => {
	it('splits a six-character code into two groups of three', () => {
		expect(groupCode('k7qf9m')).toEqual(['K7Q', 'F9M']);
	});
	it('ignores spaces and dashes already in the code', () => {
		expect(groupCode('AB-CD EF')).toEqual(['ABC', 'DEF']);
	});
	it('uses groups of four for long staff codes', () => {
		expect(groupCode('ABCDEFGHIJKL')).toEqual(['ABCD', 'EFGH', 'IJKL']);
	});
});

describe('joinLink', () => {
	it('points at the join page for the code on the same origin', () => {
		expect(joinLink('https://ttx.example/exercises/x/lobby', 'K7QF9M')).toBe('https://ttx.example/join/K7QF9M');
	});
});
