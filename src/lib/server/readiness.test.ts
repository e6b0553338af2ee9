import { describe, expect, it } from 'vitest';
import { drainSeconds, ReadinessProbe } from './readiness';

const answering = { users: { count: async () => 3 } } as never;
const failing = {
	users: {
		count: async () => {
			throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
		}
	}
} as never;

describe('readiness', () => {
	it('is ready while the store answers, and says why not when it does not', async () => {
		expect(await new ReadinessProbe(answering).check()).toEqual({ status: 'ready' });
		expect(await new ReadinessProbe(failing).check()).toEqual({
			status: 'unavailable',
			reason: 'the database does not answer (connect ECONNREFUSED 127.0.0.1:5432)'
		});
	});

	it('reports draining from the moment it is told to drain', async () => {
		const probe = new ReadinessProbe(answering, 10);
		probe.drain();
		expect(probe.draining).toBe(true);
		expect(await probe.check()).toEqual({ status: 'draining', reason: 'the server is shutting down' });
		expect(probe.drainSeconds).toBe(10);
	});

	it('reads DRAIN_SECONDS, refusing values it cannot use', () => {
		expect(drainSeconds(undefined)).toBe(0);
		expect(drainSeconds(' ')).toBe(0);
		expect(drainSeconds('15')).toBe(15);
		expect(drainSeconds('0.5')).toBe(0.5);
		for (const bad of ['-1', 'soon', '601'])
			expect(() => drainSeconds(bad)).toThrow(
				`DRAIN_SECONDS must be a number of seconds from 0 to 600, got "${bad}".`
			);
	});
});
