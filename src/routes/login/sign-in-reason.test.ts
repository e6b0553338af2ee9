import { describe, expect, it } from 'vitest';
import { signInReason } from './sign-in-reason';

describe('why the sign-in page was shown', () => {
	it('names the account a studio page needs', () => {
		expect(signInReason('/scenarios/import')).toBe(
			'Importing a scenario needs a scenario author or facilitator account. Sign in with one to continue.'
		);
		expect(signInReason('/scenarios/salt-typhoon/edit?tab=yaml')).toMatch(/^Editing a scenario needs/);
		expect(signInReason('/scenarios/salt-typhoon')).toMatch(/^The scenario library is for/);
		expect(signInReason('/scenarios')).toMatch(/^The scenario library is for/);
	});

	it('tells a participant who followed a facilitator link that they join with the code instead', () => {
		expect(signInReason('/exercises/0190-abc/console')).toMatch(/participants join with the code instead\.$/);
		expect(signInReason('/trends')).toMatch(/^Exercise pages are for/);
	});

	it('covers administration, the account and any other page, and says nothing without a next page', () => {
		expect(signInReason('/admin/audit')).toMatch(/^Administration needs an administrator account/);
		expect(signInReason('/account')).toBe('Sign in to see your account.');
		expect(signInReason('/somewhere')).toBe('Sign in to open the page you asked for.');
		expect(signInReason(null)).toBeNull();
		expect(signInReason('')).toBeNull();
	});
});
