import { describe, expect, it } from 'vitest';
import { testScenario } from '../fixtures/test-scenario';
import { modelAnswer } from '.';

const decision = (id: string) =>
	testScenario()
		.injects.flatMap((i) => (i.decision ? [i.decision] : []))
		.find((d) => d.id === id)!;

describe('modelAnswer', () => {
	it('names the best option, the options worth choosing, the expected order and the best band', () => {
		expect(modelAnswer(decision('d-contain'))).toEqual({
			decisionId: 'd-contain',
			type: 'single',
			options: [{ id: 'monitor', label: 'Monitor quietly' }]
		});
		expect(modelAnswer(decision('d-ioc')).options?.map((o) => o.id)).toEqual(['a', 'b']);
		expect(modelAnswer(decision('d-priorities')).order?.map((o) => o.label)).toEqual([
			'Regulators',
			'Customers',
			'Press'
		]);
		expect(modelAnswer(decision('d-hours'))).toMatchObject({ bands: [{ min: 0, max: 24 }], unit: 'hours' });
	});

	it('lists what a text answer is marked on without the guidance, with variables filled', () => {
		const d = decision('d-statement');
		d.rubric[0].label = 'Accurate about {{org}}';
		const model = modelAnswer(d, { org: 'Acme' });
		expect(model.criteria).toEqual(['Accurate about Acme', 'Tone']);
		expect(JSON.stringify(model)).not.toContain('GUIDANCE');
	});
});
