import { describe, expect, it } from 'vitest';
import { Driver, T0, wallMin } from '../fixtures/harness';
import { testScenario } from '../fixtures/test-scenario';
import { ratingFor, scoresOf } from '.';

function played(): Driver {
	const d = new Driver();
	d.start();
	d.tick(T0 + wallMin(150));
	return d;
}

const entry = (d: Driver, team: string, id: string) =>
	scoresOf(d.state)[team].entries.find((e) => e.id === id);

describe('scoring', () => {
	it('scores a single choice with the best option as max', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'isolate' }, T0 + wallMin(40));
		expect(entry(d, 'soc', 'decision:d-contain:soc')).toMatchObject({
			points: 2,
			maxPoints: 5,
			phase: 'p1',
			objectives: ['obj-detect']
		});
		expect(entry(d, 'soc', 'timeliness:d-contain:soc')).toMatchObject({ points: 2, maxPoints: 2 });
	});

	it('pays no on-time points for a fast answer that earns nothing (observation: on-time points for wrong answers)', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'ignore' }, T0 + wallMin(31));
		expect(entry(d, 'soc', 'decision:d-contain:soc')).toMatchObject({ points: 0 });
		expect(entry(d, 'soc', 'timeliness:d-contain:soc')).toMatchObject({ points: 0, maxPoints: 2 });
	});

	it('fills scenario variables in the option labels a rule and its evidence quote', () => {
		const scenario = testScenario();
		scenario.injects.find((i) => i.id === 'alert')!.decision!.options[1].label = 'Isolate {{org}} core';
		const d = new Driver(scenario);
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'isolate' }, T0 + wallMin(40));
		expect(entry(d, 'soc', 'decision:d-contain:soc')).toMatchObject({
			rule: "Option 'Isolate Acme core'",
			rationale: 'Tips off the actor',
			evidence: 'Isolate Acme core'
		});
	});

	it('sums multiple choices with the positive options as max', () => {
		const d = played();
		d.answer('soc', 'd-ioc', { type: 'multiple', options: ['b', 'c'] }, T0 + wallMin(151));
		expect(entry(d, 'soc', 'decision:d-ioc:soc')).toMatchObject({ points: 2, maxPoints: 5 });
	});

	it('scores a number by the first matching band', () => {
		const d = played();
		d.answer('legal', 'd-hours', { type: 'numeric', value: 48 }, T0 + wallMin(151));
		expect(entry(d, 'legal', 'decision:d-hours:legal')).toMatchObject({ points: 2, maxPoints: 5 });
	});

	it('gives ranking points per item in its expected place', () => {
		const d = played();
		d.answer(
			'comms',
			'd-priorities',
			{ type: 'ranking', order: ['regulators', 'press', 'customers'] },
			T0 + wallMin(151)
		);
		expect(entry(d, 'comms', 'decision:d-priorities:comms')).toMatchObject({ points: 2, maxPoints: 6 });
	});

	it('keeps a text answer pending until marked, then scores criterion × mark', () => {
		const d = played();
		d.answer('comms', 'd-statement', { type: 'text', text: 'We are investigating.' }, T0 + wallMin(151));
		expect(entry(d, 'comms', 'decision:d-statement:comms')).toMatchObject({
			pending: true,
			points: 0,
			maxPoints: 6
		});
		d.do(
			{ type: 'rubric.mark', decisionId: 'd-statement', teamId: 'comms', marks: { accuracy: 1, tone: 0.5 } },
			T0 + wallMin(152),
			{ role: 'evaluator' }
		);
		const e = entry(d, 'comms', 'decision:d-statement:comms');
		expect(e).toMatchObject({ points: 5, maxPoints: 6 });
		expect(e?.pending).toBeUndefined();
	});

	it('leaves pending entries out of totals', () => {
		const d = played();
		d.answer('comms', 'd-statement', { type: 'text', text: 'Holding statement' }, T0 + wallMin(151));
		const before = scoresOf(d.state).comms.total.maxPoints;
		d.do(
			{ type: 'rubric.mark', decisionId: 'd-statement', teamId: 'comms', marks: { accuracy: 0 } },
			T0 + wallMin(152),
			{ role: 'evaluator' }
		);
		expect(scoresOf(d.state).comms.total.maxPoints).toBe(before + 6);
	});

	it('scores an unanswered delivered decision 0 of max with evidence "not answered"', () => {
		const d = played();
		expect(entry(d, 'soc', 'decision:d-ioc:soc')).toMatchObject({
			points: 0,
			maxPoints: 5,
			evidence: 'not answered'
		});
		expect(entry(d, 'legal', 'decision:d-contain:legal')).toBeUndefined();
	});

	it('replaces points on override, keeping the original and the reason', () => {
		const d = played();
		d.do(
			{
				type: 'score.override',
				teamId: 'soc',
				entryId: 'decision:d-ioc:soc',
				points: 4,
				reason: 'Named IOCs verbally'
			},
			T0 + wallMin(151)
		);
		expect(entry(d, 'soc', 'decision:d-ioc:soc')).toMatchObject({
			points: 4,
			override: { originalPoints: 0, reason: 'Named IOCs verbally', by: 'Fay' }
		});
	});

	it('scores a met clock for its owner and totals by objective, capability and CSF function', () => {
		const d = played();
		d.answer('legal', 'd-determination', { type: 'single', option: 'yes' }, T0 + wallMin(151));
		d.answer('legal', 'd-notify', { type: 'single', option: 'notify-now' }, T0 + wallMin(152));
		d.answer('legal', 'd-hours', { type: 'numeric', value: 12 }, T0 + wallMin(153));
		const s = scoresOf(d.state).legal;
		expect(s.entries.find((e) => e.id === 'clock:fcc-notice')).toMatchObject({ points: 10, maxPoints: 10 });
		expect(s.byObjective['obj-notify']).toMatchObject({
			points: 25,
			maxPoints: 25,
			suggestion: 'P',
			rating: null,
			exercised: true
		});
		expect(s.byCapability['Operational Coordination']).toEqual({ points: 25, maxPoints: 25 });
		expect(s.byCsf.RS).toEqual({ points: 25, maxPoints: 25 });
		expect(s.byCsf.PR).toEqual({ points: 0, maxPoints: 0 });
		expect(s.byObjective['obj-detect']).toMatchObject({ suggestion: null, exercised: false });
	});

	it('caps the suggestion for an objective evidenced by a missed clock at M', () => {
		const d = played();
		d.answer('legal', 'd-determination', { type: 'single', option: 'yes' }, T0 + wallMin(151));
		d.answer('legal', 'd-hours', { type: 'numeric', value: 12 }, T0 + wallMin(152));
		d.do(
			{
				type: 'score.override',
				teamId: 'legal',
				entryId: 'decision:d-notify:legal',
				points: 100,
				reason: 'test'
			},
			T0 + wallMin(152)
		);
		d.do({ type: 'exercise.setCompression', compression: 10_000 }, T0 + wallMin(152));
		d.tick(T0 + wallMin(152) + 200_000);
		const s = scoresOf(d.state).legal;
		expect(d.state.clocks['fcc-notice'].status).toBe('missed');
		expect(s.byObjective['obj-notify'].points / s.byObjective['obj-notify'].maxPoints).toBeGreaterThan(0.85);
		expect(s.byObjective['obj-notify'].suggestion).toBe('M');
	});

	it('suggests P ≥ 85 %, S ≥ 65 %, M ≥ 40 %, else U', () => {
		expect([
			ratingFor(85, 100),
			ratingFor(84.9, 100),
			ratingFor(65, 100),
			ratingFor(40, 100),
			ratingFor(39, 100)
		]).toEqual(['P', 'S', 'S', 'M', 'U']);
		expect(ratingFor(0, 0)).toBeNull();
	});
});
