import { describe, expect, it } from 'vitest';
import { mainPage } from './lifecycle';

describe('mainPage', () => {
	it('sends a lobby exercise to its lobby', () => {
		expect(mainPage('x', 'lobby').href).toBe('/exercises/x/lobby');
	});
	it('sends a paused exercise to its console', () => {
		expect(mainPage('x', 'paused').href).toBe('/exercises/x/console');
	});
	it('sends an ended exercise to its review', () => {
		expect(mainPage('x', 'ended').label).toBe('Review');
	});
});
