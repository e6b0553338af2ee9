import { describe, expect, it } from 'vitest';
import { wrapLabel } from './chart-labels';

describe('chart labels', () => {
	it('keeps a short label on one line', () => {
		expect(wrapLabel('Legal', 20)).toEqual(['Legal']);
	});

	it('breaks a long label at spaces instead of cutting it off', () => {
		expect(wrapLabel('Preserve evidence before touching the router', 24)).toEqual([
			'Preserve evidence before',
			'touching the router'
		]);
	});

	it('marks a label longer than its lines with an ellipsis, never wider than the column', () => {
		const lines = wrapLabel('one two three four five six seven eight nine ten eleven twelve', 12);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith('…')).toBe(true);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(12);
		expect(wrapLabel('Supercalifragilisticexpialidocious', 10)).toEqual(['Supercali…']);
	});
});
