import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Decision } from '$lib/engine/types';
import RubricMarker from './RubricMarker.svelte';

const decision: Decision = {
	id: 'd-statement',
	prompt: 'Draft the holding statement',
	type: 'text',
	options: [],
	rubric: [
		{ id: 'accurate', label: 'Accurate', points: 4, guidance: 'No speculation' },
		{ id: 'tone', label: 'Tone', points: 2, guidance: 'Calm' }
	],
	objectives: []
};
const run = async () => ({});

function rendered(current?: { marks?: Record<string, number>; markNote?: string; markedBy?: string }) {
	const html = render(RubricMarker, { props: { decision, teamId: 'comms', current, run } }).body;
	const checked: Record<string, string> = {};
	for (const m of html.matchAll(
		/<input type="radio" name="mark-comms-d-statement-(\w+)" value="([\d.]+)"([^>]*)>/g
	))
		if (/\bchecked\b/.test(m[3])) checked[m[1]] = m[2];
	return { html, checked };
}

describe('RubricMarker', () => {
	it('leaves every criterion open before anyone marked', () => {
		const { html, checked } = rendered();
		expect(checked).toEqual({});
		expect(html).toContain('Waiting for marks.');
	});

	it('starts from the marks and note already saved', () => {
		const { html, checked } = rendered({
			marks: { accurate: 1, tone: 0.5 },
			markNote: 'Solid',
			markedBy: 'Fran'
		});
		expect(checked).toEqual({ accurate: '1', tone: '0.5' });
		expect(html).toMatch(/<textarea[^>]*>Solid<\/textarea>/);
		expect(html).toContain('Marked by Fran. Saving again replaces the marks.');
	});

	it('words the marks as the console does, with a space between sentences', () => {
		const entry = { pending: false, points: 10, maxPoints: 10 } as never;
		const html = render(RubricMarker, {
			props: { decision, teamId: 'comms', entry, current: { marks: { accurate: 1 }, markedBy: 'Fran' }, run }
		}).body;
		expect(html).toContain('Marked by Fran: 10 of 10 points. Saving again replaces the marks.');
		for (const level of ['No credit', 'Half credit', 'Full credit']) expect(html).toContain(level);
	});
});
