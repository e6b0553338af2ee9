import { describe, expect, it } from 'vitest';
import { inWorldAt } from '../calendar';
import { Driver, T0, testConfig, wallMin } from '../fixtures/harness';
import { testScenario } from '../fixtures/test-scenario';
import { teamScore } from '../scoring';
import { timelineOf } from '../timeline';
import type { ClockDef, FacilitatorView, ObserverView, Scenario, TeamView } from '../types';
import { viewFor } from '../views';

const H = 3_600_000;

function clock(partial: Partial<ClockDef> & Pick<ClockDef, 'id' | 'start'>): ClockDef {
	return {
		name: `Clock ${partial.id}`,
		regime: 'Test rule',
		description: `DESCRIPTION-${partial.id}`,
		visible: 'started',
		benchmark: false,
		kind: 'deadline',
		owner: 'legal',
		stop: [],
		breaches: [],
		extensions: [],
		deadline: { amount: 1, unit: 'days' },
		scoring: { met: 4, missed: -4, objectives: ['obj-notify'] },
		sources: [],
		...partial
	};
}

/** The test scenario plus clocks exercising every rule: visibility, notes, benchmark, hold, guards, from, extensions. */
function rulesScenario(): Scenario {
	const s = testScenario();
	s.clocks.push(
		clock({
			id: 'hold',
			name: 'Customer hold at {{org}}',
			kind: 'hold',
			visible: 'owner',
			notes: 'HOLD-NOTES at {{org}}',
			start: { kind: 'clockStopped', clock: 'fcc-notice' },
			breaches: [{ kind: 'answer', decision: 'd-statement' }],
			deadline: { amount: 7, unit: 'businessDays' }
		}),
		clock({
			id: 'bench',
			visible: 'all',
			benchmark: true,
			owner: 'soc',
			start: { kind: 'inject', inject: 'alert' },
			stop: [
				{
					kind: 'answer',
					decision: 'd-contain',
					options: ['monitor'],
					requires: [{ kind: 'clockRunning', clock: 'fcc-notice' }]
				}
			],
			deadline: { amount: 72, unit: 'hours' }
		}),
		clock({
			id: 'secret',
			visible: 'facilitator',
			start: { kind: 'inject', inject: 'alert' },
			stop: [{ kind: 'inject', inject: 'manual-drill' }]
		}),
		clock({
			id: 'ext',
			start: { kind: 'inject', inject: 'legal-q' },
			stop: [{ kind: 'answer', decision: 'd-hours' }],
			deadline: { amount: 4, unit: 'businessDays' },
			extensions: [
				{ on: { kind: 'inject', inject: 'manual-drill' }, by: { amount: 30, unit: 'days' }, from: 'deadline' }
			]
		}),
		clock({
			id: 'after-notice',
			start: { kind: 'answer', decision: 'd-hours' },
			from: { clock: 'fcc-notice' },
			stop: [{ kind: 'inject', inject: 'manual-drill' }],
			deadline: { amount: 1, unit: 'days' }
		})
	);
	return s;
}

const driver = () => new Driver(rulesScenario(), testConfig());
const team = (d: Driver, teamId: string) => viewFor(d.state, { role: 'participant', teamId }, T0) as TeamView;
const ids = (v: { clocks: { id: string }[] }) => v.clocks.map((c) => c.id);

/** Legal determines the breach at 2 h (fcc-notice starts) and notifies at 3 h (met; the hold starts). */
function notified(): Driver {
	const d = driver();
	d.start();
	d.tick(T0 + wallMin(120));
	d.answer('legal', 'd-determination', { type: 'single', option: 'yes' }, T0 + wallMin(120));
	d.answer('legal', 'd-notify', { type: 'single', option: 'notify-now' }, T0 + wallMin(180));
	return d;
}

describe('clock visibility', () => {
	it('shows a team no clock before StartEx, and only what each rule allows after it', () => {
		const d = driver();
		expect(ids(team(d, 'legal'))).toEqual([]);
		d.start();
		expect(ids(team(d, 'legal'))).toEqual(['hold', 'bench']);
		expect(ids(team(d, 'soc'))).toEqual(['bench']);
		d.tick(T0 + wallMin(30));
		expect(ids(team(d, 'soc'))).toEqual(['bench']);
		const json = JSON.stringify(team(d, 'soc'));
		for (const absent of [
			'fcc-notice',
			'CPNI breach notice',
			'secret',
			'DESCRIPTION-secret',
			'DESCRIPTION-hold'
		])
			expect(json).not.toContain(absent);
	});

	it('shows a started clock to every team, and an owner clock to others once it runs', () => {
		const d = notified();
		expect(ids(team(d, 'soc'))).toEqual(['fcc-notice', 'follow-up', 'hold', 'bench', 'ext']);
		expect(ids(team(d, 'comms'))).toContain('hold');
	});

	it('gives notes and the visibility rule to facilitators and evaluators only', () => {
		const d = notified();
		const fac = viewFor(d.state, { role: 'facilitator' }, T0) as FacilitatorView;
		const evaluator = viewFor(d.state, { role: 'evaluator' }, T0) as ObserverView;
		const observer = viewFor(d.state, { role: 'observer' }, T0) as ObserverView;
		expect(fac.clocks.find((c) => c.id === 'hold')).toMatchObject({
			name: 'Customer hold at Acme',
			notes: 'HOLD-NOTES at Acme',
			visible: 'owner',
			kind: 'hold'
		});
		expect(evaluator.clocks.find((c) => c.id === 'hold')?.notes).toBe('HOLD-NOTES at Acme');
		expect(ids(observer)).toContain('secret');
		for (const v of [observer, team(d, 'legal')]) {
			expect(JSON.stringify(v)).not.toContain('HOLD-NOTES');
			for (const c of v.clocks) expect(Object.keys(c)).not.toContain('visible');
		}
	});

	it('marks a benchmark clock as such in every view', () => {
		const d = notified();
		expect(team(d, 'soc').clocks.find((c) => c.id === 'bench')?.benchmark).toBe(true);
		expect(team(d, 'soc').clocks.find((c) => c.id === 'fcc-notice')?.benchmark).toBe(false);
	});
});

describe('clock rules', () => {
	it('ignores a stop whose guard does not hold, and takes it when it does', () => {
		const early = driver();
		early.start();
		early.tick(T0 + wallMin(30));
		early.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(31));
		expect(early.state.clocks.bench.status).toBe('running');

		const d = notified();
		expect(d.state.clocks['fcc-notice'].status).toBe('met');
		const running = driver();
		running.start();
		running.tick(T0 + wallMin(120));
		running.answer('legal', 'd-determination', { type: 'single', option: 'yes' }, T0 + wallMin(120));
		running.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(121));
		expect(running.state.clocks.bench).toMatchObject({ status: 'met', stoppedAt: 121 * 60_000 });
	});

	it('observes a hold that runs to its end, scoring it as met and saying so', () => {
		const d = notified();
		const hold = d.state.clocks.hold;
		expect(hold).toMatchObject({ status: 'running', startedAt: 3 * H });
		d.do({ type: 'exercise.setCompression', compression: 10_000 }, T0 + wallMin(181));
		d.tick(T0 + wallMin(181) + Math.ceil((hold.deadlineAt! - 3 * H) / 10_000) + 10);
		expect(d.state.clocks.hold).toMatchObject({ status: 'met', stoppedAt: hold.deadlineAt });
		const entry = teamScore(d.state, 'legal').entries.find((e) => e.id === 'clock:hold');
		expect(entry).toMatchObject({ points: 4, rule: 'Test rule Customer hold at Acme observed' });
		expect(timelineOf(d.state).map((t) => t.text)).toContain('Customer hold at Acme: observed');
	});

	it('breaches a hold when a breach happens while it runs: missed points, objectives capped', () => {
		const d = notified();
		d.answer('comms', 'd-statement', { type: 'text', text: 'We were breached.' }, T0 + wallMin(200));
		expect(d.state.clocks.hold).toMatchObject({ status: 'breached', stoppedAt: 200 * 60_000 });
		const score = teamScore(d.state, 'legal');
		expect(score.entries.find((e) => e.id === 'clock:hold')).toMatchObject({ points: -4 });
		expect(score.entries.find((e) => e.id === 'clock:hold')?.rule).toMatch(/breached$/);
		expect(['M', 'U']).toContain(score.byObjective['obj-notify'].suggestion);
		expect(timelineOf(d.state).map((t) => t.text)).toContain('Customer hold at Acme: breached');
		expect(d.state.pending.some((p) => p.kind === 'clock' && p.clockId === 'hold')).toBe(false);
	});

	it('does not breach a hold that is not running', () => {
		const d = driver();
		d.start();
		d.tick(T0 + wallMin(120));
		d.answer('comms', 'd-statement', { type: 'text', text: 'Early words.' }, T0 + wallMin(121));
		expect(d.state.clocks.hold.status).toBe('idle');
	});

	it('moves a deadline once by an extension counted from the deadline, and says so', () => {
		const d = driver();
		d.start();
		d.tick(T0 + wallMin(120));
		const before = d.state.clocks.ext.deadlineAt!;
		expect(inWorldAt(d.state.scenario.startsAt, before)).toBe('2024-10-18T00:00');
		d.do({ type: 'inject.release', injectId: 'manual-drill' }, T0 + wallMin(130));
		expect(d.state.clocks.ext).toMatchObject({
			deadlineAt: before + 30 * 24 * H,
			originalDeadlineAt: before,
			extended: [0]
		});
		expect(timelineOf(d.state).map((t) => t.text)).toContain('Clock ext: extended to Sun 2024-11-17 00:00');
		expect(d.state.pending.filter((p) => p.kind === 'clock' && p.clockId === 'ext')).toHaveLength(1);
	});

	it('counts a deadline from another clock’s stop when it has stopped', () => {
		const d = notified();
		d.answer('legal', 'd-hours', { type: 'numeric', value: 12 }, T0 + wallMin(300));
		expect(d.state.clocks['after-notice']).toMatchObject({
			status: 'running',
			startedAt: 5 * H,
			deadlineAt: 3 * H + 24 * H
		});
		const fresh = driver();
		fresh.start();
		fresh.tick(T0 + wallMin(120));
		fresh.answer('legal', 'd-hours', { type: 'numeric', value: 12 }, T0 + wallMin(300));
		expect(fresh.state.clocks['after-notice'].deadlineAt).toBe(5 * H + 24 * H);
	});
});
