import { describe, expect, it } from 'vitest';
import { hasAnyRole, hasRole, missingRoleMessage, parseRoles, roleNames } from './roles';

describe('account roles', () => {
	it('answers whether a user holds a role, one of several, or none when signed out', () => {
		const user = { roles: ['facilitator', 'evaluator'] as const };
		expect(hasRole(user, 'facilitator')).toBe(true);
		expect(hasRole(user, 'administrator')).toBe(false);
		expect(hasAnyRole(user, ['administrator', 'evaluator'])).toBe(true);
		expect(hasRole(null, 'facilitator')).toBe(false);
	});

	it('names roles for people', () => {
		expect(roleNames(['author'])).toBe('Scenario author');
		expect(roleNames(['administrator', 'facilitator', 'evaluator'])).toBe(
			'Administrator, Facilitator or Evaluator'
		);
		expect(missingRoleMessage(['administrator'])).toBe(
			'This needs the Administrator role, which your account does not have. Ask an administrator to grant it.'
		);
	});

	it('reads roles in their canonical order and refuses an unknown one by name', () => {
		expect(parseRoles(['evaluator', 'administrator', 'evaluator'])).toEqual(['administrator', 'evaluator']);
		expect(() => parseRoles(['facilitator', 'root'])).toThrow(
			'Unknown role "root": use administrator, author, facilitator, evaluator.'
		);
	});
});
