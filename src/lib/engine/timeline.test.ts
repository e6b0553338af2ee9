import { describe, expect, it } from 'vitest';
import { Driver, T0, wallMin } from './fixtures/harness';
import { testScenario } from './fixtures/test-scenario';
import { shorten } from './labels';
import { timelineOf } from './timeline';
import type { FacilitatorView } from './types';
import { viewFor } from './views';

const texts = (d: Driver) => timelineOf(d.state).map((e) => e.text);

describe('timeline texts', () => {
	it('names the team by name and the inject by title when delivering', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(30));
		expect(texts(d)).toContain('Delivered "Inject alert" to SOC');
	});

	it('quotes the decision prompt and the chosen option label for an answer', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'isolate' }, T0 + wallMin(40));
		expect(texts(d)).toContain('SOC answered "Prompt d-contain": Isolate now');
	});

	it('describes an overridden score entry by what it scores and whose it is', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'isolate' }, T0 + wallMin(40));
		d.do(
			{ type: 'score.override', teamId: 'soc', entryId: 'decision:d-contain:soc', points: 4, reason: 'r' },
			T0 + wallMin(41)
		);
		d.do(
			{ type: 'score.override', teamId: 'soc', entryId: 'timeliness:d-contain:soc', points: 0, reason: 'r' },
			T0 + wallMin(42)
		);
		expect(texts(d).slice(-2)).toEqual([
			'Score overridden for SOC: the answer to "Prompt d-contain"',
			'Score overridden for SOC: the timing of the answer to "Prompt d-contain"'
		]);
	});

	it('fills variables in titles and shortens long prompts', () => {
		const scenario = testScenario();
		const alert = scenario.injects.find((i) => i.id === 'alert')!;
		alert.title = 'Router alert at {{org}}';
		alert.decision!.prompt = `Which of these ${'very '.repeat(20)}long options do you take?`;
		const d = new Driver(scenario);
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(40));
		const all = texts(d);
		expect(all).toContain('Delivered "Router alert at Acme" to SOC');
		const answered = all.find((t) => t.startsWith('SOC answered'))!;
		expect(answered).toBe(`SOC answered "${shorten(alert.decision!.prompt)}": Monitor quietly`);
		expect(shorten(alert.decision!.prompt)).toHaveLength(60);
	});

	it('names the team and decision when a rubric is marked', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(120));
		d.answer('comms', 'd-statement', { type: 'text', text: 'We are looking into it.' }, T0 + wallMin(121));
		d.do(
			{ type: 'rubric.mark', decisionId: 'd-statement', teamId: 'comms', marks: { accuracy: 1 } },
			T0 + wallMin(122),
			{ role: 'evaluator' }
		);
		expect(texts(d).slice(-2)).toEqual([
			'Comms answered "Prompt d-statement"',
			'Rubric marked for Comms on "Prompt d-statement"'
		]);
	});
});

describe('trigger labels on the facilitator timeline', () => {
	it('uses inject titles, decision prompts and option labels instead of ids', () => {
		const d = new Driver();
		const v = viewFor(d.state, { role: 'facilitator' }, T0) as FacilitatorView;
		const label = (id: string) => v.injects.find((i) => i.id === id)!.triggerLabel;
		expect(label('followup')).toBe('20m after "Inject alert"');
		expect(label('escalate')).toBe('when "Prompt d-contain" is answered Ignore (+10m)');
		expect(label('reminder')).toBe('when "Prompt d-contain" goes unanswered');
		expect(label('regulator-call')).toBe('when clock CPNI breach notice is missed');
	});
});
