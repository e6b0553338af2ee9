import { describe, expect, it } from 'vitest';
import { creditLevels, creditName } from './rubric-marks';

describe('creditLevels', () => {
	it('offers none, half and full credit when nothing or a level on that scale is marked', () => {
		expect(creditLevels(undefined)).toEqual([0, 0.5, 1]);
		expect(creditLevels(0.5)).toEqual([0, 0.5, 1]);
	});

	it('adds a current mark that is off the scale, in order, so saving again keeps it', () => {
		expect(creditLevels(0.25)).toEqual([0, 0.25, 0.5, 1]);
		expect(creditName(0.25)).toBe('25% credit (current mark)');
	});
});
