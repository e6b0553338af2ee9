import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { FEEDBACK_QUESTIONS, FEEDBACK_STATEMENTS, scaleLabels } from '$lib/server/services/feedback-summary';
import Page from './+page.svelte';

const data = {
	status: { exerciseId: 'ex1', open: true, sent: false, title: 'Quickstart' },
	statements: FEEDBACK_STATEMENTS,
	questions: FEEDBACK_QUESTIONS,
	scale: scaleLabels()
};

describe('feedback page after a refused submit', () => {
	it('renders what was sent back into the form', () => {
		const form = {
			code: 'form/invalid',
			message: 'Please answer the questions marked below.',
			errors: { takeaway: 'Use a single word for your takeaway.' },
			values: { 'rating-realism': '4', wentWell: 'Quick escalation', improve: '', takeaway: 'two words' }
		};
		const html = render(Page, { props: { data, form } } as never).body;
		const checked = [...html.matchAll(/<input type="radio" name="(rating-[\w-]+)" value="(\d)"([^>]*)>/g)]
			.filter((m) => /\bchecked\b/.test(m[3]))
			.map((m) => `${m[1]}=${m[2]}`);
		expect(checked).toEqual(['rating-realism=4']);
		expect(html).toMatch(/<textarea id="wentWell"[^>]*>Quick escalation<\/textarea>/);
		expect(html).toMatch(/<input id="takeaway"[^>]*value="two words"/);
		expect(html).toContain('Use a single word for your takeaway.');
	});
});
