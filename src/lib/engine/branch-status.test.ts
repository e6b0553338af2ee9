import { describe, expect, it } from 'vitest';
import { Driver, T0, wallMin } from './fixtures/harness';
import type { FacilitatorView } from './types';
import { viewFor } from './views';

function statusOf(d: Driver, injectId: string, teamId: string) {
	const v = viewFor(d.state, { role: 'facilitator' }, T0) as FacilitatorView;
	return v.injects.find((i) => i.id === injectId)!.teams[teamId];
}

describe('inject status when a branch is not taken', () => {
	it('keeps an answer-triggered inject upcoming while the decision is still open', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(31));
		expect(statusOf(d, 'escalate', 'soc')).toEqual({ status: 'upcoming' });
	});

	it('marks an answer-triggered inject not triggered once the team picked another option', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(40));
		expect(statusOf(d, 'escalate', 'soc')).toEqual({ status: 'not-triggered' });
	});

	it('schedules the inject, not a not-triggered status, when the answer matches', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'ignore' }, T0 + wallMin(40));
		expect(statusOf(d, 'escalate', 'soc')).toEqual({ status: 'upcoming', dueAt: 50 * 60_000 });
	});

	it('marks an unanswered contingency not triggered once the team answered', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(40));
		expect(statusOf(d, 'reminder', 'soc').status).toBe('not-triggered');
	});

	it('marks what depends on a skipped decision inject not triggered, down the chain', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'inject.skip', injectId: 'alert' }, T0 + wallMin(10));
		expect(statusOf(d, 'escalate', 'soc').status).toBe('not-triggered');
		expect(statusOf(d, 'followup', 'soc').status).toBe('not-triggered');
	});

	it('marks a clock-missed inject not triggered once the clock was met', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(120));
		d.answer('legal', 'd-determination', { type: 'single', option: 'yes' }, T0 + wallMin(121));
		d.answer('legal', 'd-notify', { type: 'single', option: 'notify-now' }, T0 + wallMin(122));
		expect(statusOf(d, 'regulator-call', 'legal').status).toBe('not-triggered');
	});
});
