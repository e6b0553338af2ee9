import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { DecisionType, DecisionView } from '$lib/engine/types';
import DecisionForm from './DecisionForm.svelte';

const options = [
	{ id: 'monitor', label: 'Monitor quietly' },
	{ id: 'block', label: 'Block now' }
];

function decision(id: string, type: DecisionType): DecisionView {
	return {
		id,
		injectId: 'i',
		prompt: `Prompt of ${id}`,
		type,
		options: type === 'text' || type === 'numeric' ? [] : options,
		numeric: type === 'numeric' ? { unit: 'hours', min: 0, max: 72 } : undefined,
		deliveredAt: 0
	};
}

/** Server-rendered forms of the given decisions on one page, as the play page and the console render them. */
function page(decisions: DecisionView[], idPrefix = ''): string {
	return decisions
		.map(
			(d) =>
				render(DecisionForm, {
					props: { decision: d, now: 0, startsAt: '2024-10-10T08:00', onsubmit: async () => ({}), idPrefix }
				}).body
		)
		.join('\n');
}

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

describe('DecisionForm ids', () => {
	const types: DecisionType[] = ['single', 'multiple', 'text', 'numeric', 'ranking'];
	const decisions = [
		...types.map((t) => decision(`d-${t}`, t)),
		{ ...decision('d-why', 'single'), justify: true }
	];
	const html = page(decisions) + page(decisions, 'for-soc-');

	it('names each control after its decision once, with no doubled decision id', () => {
		expect(page([decision('d-statement', 'text')])).toContain('<textarea id="decision-d-statement-text"');
		expect(page([decision('d-eta', 'numeric')], 'for-soc-')).toContain('id="for-soc-decision-d-eta-number"');
		for (const d of decisions) expect(html).not.toContain(`${d.id}${d.id}`);
	});

	it('gives every element a unique id across forms and prefixes', () => {
		const ids = all(html, /\sid="([^"]+)"/g);
		expect(ids.length).toBeGreaterThan(0);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
	});

	it('points every label and description at an element that exists', () => {
		const ids = new Set(all(html, /\sid="([^"]+)"/g));
		const refs = [
			...all(html, /\sfor="([^"]+)"/g),
			...all(html, /\saria-(?:describedby|labelledby)="([^"]+)"/g).flatMap((v) => v.split(' '))
		];
		expect(refs.length).toBeGreaterThan(0);
		expect(refs.filter((r) => !ids.has(r))).toEqual([]);
	});
});

describe('DecisionForm reasoning and confidence', () => {
	it('asks for the team’s reasoning only on a justified decision, and offers confidence on every form', () => {
		const justified = page([{ ...decision('d-why', 'single'), justify: true }]);
		expect(justified).toContain('<textarea id="decision-d-why-why"');
		expect(justified).toContain('aria-required="true"');
		const plain = page([decision('d-plain', 'single')]);
		expect(plain).not.toContain('-why"');
		for (const html of [justified, plain]) {
			expect(html).toContain('How sure is your team?');
			expect(all(html, /type="radio" name="([^"]+-confidence)"/g).length).toBe(3);
		}
	});

	it('shows a recorded answer’s reasoning and confidence', () => {
		const answered: DecisionView = {
			...decision('d-why', 'single'),
			justify: true,
			answer: {
				decisionId: 'd-why',
				teamId: 'soc',
				value: { type: 'single', option: 'monitor' },
				justification: 'The actor would notice a block',
				confidence: 'medium',
				scenarioAt: 60_000,
				onTime: true
			}
		};
		const html = page([answered]);
		expect(html).toContain('The actor would notice a block');
		expect(html).toContain('Confidence:</span> Medium');
	});
});
