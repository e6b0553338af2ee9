import { describe, expect, it } from 'vitest';
import { ATTACK_RETIRED, ATTACK_TECHNIQUES, ATTACK_VERSION } from './attack';
import { CSF_CATEGORIES } from './csf';
import { CORE_CAPABILITIES } from './hseep';

describe('reference data', () => {
	it('lists the 22 categories of NIST CSF 2.0, each under the function its id names', () => {
		expect(Object.keys(CSF_CATEGORIES)).toHaveLength(22);
		for (const [id, category] of Object.entries(CSF_CATEGORIES))
			expect(id.split('.')[0]).toBe(category.function);
	});

	it('lists the 32 core capabilities, three of them common to all five mission areas', () => {
		expect(Object.keys(CORE_CAPABILITIES)).toHaveLength(32);
		const common = Object.entries(CORE_CAPABILITIES).filter(([, areas]) => areas.length === 5);
		expect(common.map(([name]) => name)).toEqual([
			'Planning',
			'Public Information and Warning',
			'Operational Coordination'
		]);
	});

	it('keeps retired ATT&CK ids out of the table of accepted ones, with well-formed ids everywhere', () => {
		const id = /^T\d{4}(\.\d{3})?$/;
		for (const [retired, { replacedBy, since }] of Object.entries(ATTACK_RETIRED)) {
			expect(ATTACK_TECHNIQUES[retired], retired).toBeUndefined();
			expect(Number(since)).toBeLessThanOrEqual(Number(ATTACK_VERSION));
			for (const next of replacedBy) expect(next).toMatch(id);
		}
		for (const [technique, { tactics, name }] of Object.entries(ATTACK_TECHNIQUES)) {
			expect(technique).toMatch(id);
			expect(tactics.length, technique).toBeGreaterThan(0);
			// A sub-technique's name starts with its parent's, as ATT&CK writes it.
			const parent = ATTACK_TECHNIQUES[technique.split('.')[0]];
			if (technique.includes('.') && parent)
				expect(name.startsWith(`${parent.name}: `), technique).toBe(true);
		}
	});
});
