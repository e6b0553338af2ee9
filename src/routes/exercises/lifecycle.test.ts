import { describe, expect, it } from 'vitest';
import { mainPage } from './lifecycle';

describe('mainPage', () => {
	it('sends a lobby exercise to its lobby', () => {
		expect(mainPage('lobby')).toBe('lobby');
	});
	it('sends a paused exercise to its console', () => {
		expect(mainPage('paused')).toBe('console');
	});
	it('sends an ended exercise to its review', () => {
		expect(mainPage('ended')).toBe('review');
	});
});
