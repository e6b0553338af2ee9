import { describe, expect, it } from 'vitest';
import { acceptsIn } from '$lib/engine/exercise.machine';
import type { Lifecycle } from '$lib/engine/types';
import { consoleLocks, injectsLockedBecause } from './console-locks';

const LIFECYCLES: Lifecycle[] = ['lobby', 'briefing', 'running', 'paused', 'hotwash', 'ended'];

describe('console locks', () => {
	it.each(LIFECYCLES)('offer in %s exactly what the engine accepts', (lifecycle) => {
		const locks = consoleLocks(lifecycle);
		expect(locks.release).toBe(acceptsIn(lifecycle, 'inject.release'));
		expect(locks.holdOrSkip).toBe(acceptsIn(lifecycle, 'inject.hold'));
		expect(locks.holdOrSkip).toBe(acceptsIn(lifecycle, 'inject.skip'));
		expect(locks.adhoc).toBe(acceptsIn(lifecycle, 'inject.adhoc'));
		expect(locks.answer).toBe(acceptsIn(lifecycle, 'answer.submit'));
	});
	it('lock everything about injects after the end, and say why', () => {
		expect(consoleLocks('ended')).toEqual({ release: false, holdOrSkip: false, adhoc: false, answer: false });
		expect(injectsLockedBecause('ended')).toMatch(/^The exercise has ended/);
		expect(injectsLockedBecause('running')).toBeNull();
	});
});
