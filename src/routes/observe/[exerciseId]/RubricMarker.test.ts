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
		expect(html).toContain('Awaiting your marks.');
	});

	it('starts from the marks and note already saved', () => {
		const { html, checked } = rendered({
			marks: { accurate: 1, tone: 0.5 },
			markNote: 'Solid',
			markedBy: 'Fran'
		});
		expect(checked).toEqual({ accurate: '1', tone: '0.5' });
		expect(html).toMatch(/<textarea[^>]*>Solid<\/textarea>/);
		expect(html).toContain('Marked by Fran.');
	});
});
