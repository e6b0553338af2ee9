import { describe, expect, it } from 'vitest';
import { navIdentity } from './nav';

describe('navIdentity', () => {
	it('shows nothing for a visitor without a session or seat', () => {
		expect(navIdentity(null, null)).toEqual({ facilitatorName: null, admin: false, seat: null });
	});

	it('names a signed-in facilitator', () => {
		expect(navIdentity({ name: 'Dana' }, null).facilitatorName).toBe('Dana');
	});

	it('shows the Administration link only to administrators', () => {
		expect(navIdentity({ name: 'Dana', roles: ['administrator', 'facilitator'] }, null).admin).toBe(true);
		expect(navIdentity({ name: 'Lee', roles: ['facilitator'] }, null).admin).toBe(false);
	});

	it('sends a participant to their team workspace and staff to the observer page', () => {
		expect(navIdentity(null, { exerciseId: 'e1', kind: 'participant' }).seat).toEqual({
			exerciseId: 'e1',
			page: 'play'
		});
		expect(navIdentity(null, { exerciseId: 'e1', kind: 'evaluator' }).seat).toEqual({
			exerciseId: 'e1',
			page: 'observe'
		});
	});
});
