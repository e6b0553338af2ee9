import { describe, expect, it } from 'vitest';
import { Driver, T0, wallMin } from '../fixtures/harness';
import { bandWords } from './answer-points';
import { scoresOf } from './index';

describe('a numeric band in words', () => {
	it('reads as a range people say, never "Band 12..∞" (observation: the override list showed "Band 12..∞")', () => {
		expect(bandWords({ min: 12 })).toBe('12 or more');
		expect(bandWords({ max: 5 }, 'hours')).toBe('5 hours or less');
		expect(bandWords({ min: 0, max: 24 }, 'hours')).toBe('from 0 to 24 hours');
		expect(bandWords({ min: 3, max: 3 })).toBe('exactly 3');
	});

	it('names the band a team’s numeric answer fell in', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(125));
		d.answer('legal', 'd-hours', { type: 'numeric', value: 30 }, T0 + wallMin(126));
		const entry = scoresOf(d.state).legal.entries.find((e) => e.id.startsWith('decision:d-hours'));
		expect(entry?.rule).toBe('Answer from 25 to 72 hours');
	});
});
