import { describe, expect, it } from 'vitest';
import { inWorldAt } from '../calendar';
import { Driver, T0, wallMin } from '../fixtures/harness';

const H = 3_600_000;

function determined(): Driver {
	const d = new Driver();
	d.start();
	d.tick(T0 + wallMin(120));
	d.answer('legal', 'd-determination', { type: 'single', option: 'yes' }, T0 + wallMin(120));
	return d;
}

describe('regulatory clocks', () => {
	it('starts on a matching answer with a business-day deadline', () => {
		const d = determined();
		const run = d.state.clocks['fcc-notice'];
		expect(run.status).toBe('running');
		expect(inWorldAt(d.state.scenario.startsAt, run.deadlineAt!)).toBe('2024-10-23T00:00');
	});

	it('does not start on a non-matching answer', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(120));
		d.answer('legal', 'd-determination', { type: 'single', option: 'no' }, T0 + wallMin(121));
		expect(d.state.clocks['fcc-notice'].status).toBe('idle');
	});

	it('is met when stopped before the deadline and starts the dependent clock', () => {
		const d = determined();
		d.answer('legal', 'd-notify', { type: 'single', option: 'notify-now' }, T0 + wallMin(180));
		expect(d.state.clocks['fcc-notice']).toMatchObject({ status: 'met', stoppedAt: 3 * H });
		expect(d.state.clocks['follow-up']).toMatchObject({ status: 'running', startedAt: 3 * H });
	});

	it('is missed when the deadline fires first, schedules clockMissed injects, and records a late stop', () => {
		const d = determined();
		const deadline = d.state.clocks['fcc-notice'].deadlineAt!;
		d.do({ type: 'exercise.setCompression', compression: 10_000 }, T0 + wallMin(120));
		d.tick(T0 + wallMin(120) + Math.ceil((deadline - 2 * H) / 10_000) + 1);
		expect(d.state.clocks['fcc-notice'].status).toBe('missed');
		expect(d.state.delivered.legal['regulator-call']).toBe(deadline);
		d.answer(
			'legal',
			'd-notify',
			{ type: 'single', option: 'notify-now' },
			T0 + wallMin(120) + Math.ceil((deadline - 2 * H) / 10_000) + 360
		);
		expect(d.state.clocks['fcc-notice'].lateBy).toBeGreaterThan(0);
		expect(d.state.clocks['fcc-notice'].status).toBe('missed');
	});

	it('ignores a stop condition while the clock is idle', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(120));
		d.answer('legal', 'd-notify', { type: 'single', option: 'notify-now' }, T0 + wallMin(121));
		expect(d.state.clocks['fcc-notice'].status).toBe('idle');
	});

	it('stops on an inject delivery (release of a manual inject)', () => {
		const d = determined();
		d.answer('legal', 'd-notify', { type: 'single', option: 'notify-now' }, T0 + wallMin(180));
		d.do({ type: 'inject.release', injectId: 'manual-drill' }, T0 + wallMin(200));
		expect(d.state.clocks['follow-up']).toMatchObject({ status: 'met', stoppedAt: 200 * 60_000 });
	});
});
