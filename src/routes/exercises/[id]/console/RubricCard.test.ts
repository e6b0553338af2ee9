import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Decision, DecisionView } from '$lib/engine/types';
import type { CommandRunner } from '../command-runner.svelte';
import type { AnswerToMark } from './marking';
import RubricCard from './RubricCard.svelte';

const decision: Decision = {
	id: 'd-statement',
	prompt: 'Draft the holding statement',
	type: 'text',
	options: [],
	rubric: [
		{ id: 'accurate', label: 'Accurate', points: 4, guidance: 'No speculation' },
		{ id: 'tone', label: 'Tone', points: 2, guidance: 'Calm' },
		{ id: 'timely', label: 'Timely', points: 2, guidance: 'Within the hour' }
	],
	objectives: []
};

function view(extra: Partial<DecisionView> = {}): DecisionView {
	return {
		id: 'd-statement',
		injectId: 'press',
		prompt: decision.prompt,
		type: 'text',
		options: [],
		deliveredAt: 0,
		answer: {
			decisionId: 'd-statement',
			teamId: 'comms',
			value: { type: 'text', text: 'We are investigating.' },
			scenarioAt: 1,
			onTime: null
		},
		...extra
	};
}

const runner = { busy: null } as unknown as CommandRunner;
const team = { id: 'comms', name: 'Communications', description: '', roles: [] };

/** The value of the checked radio of each criterion, read from the server-rendered card. */
function checked(item: AnswerToMark): Record<string, string> {
	const html = render(RubricCard, { props: { item, runner } }).body;
	const found: Record<string, string> = {};
	for (const m of html.matchAll(
		/<input type="radio" name="mark-comms-d-statement-(\w+)" value="([\d.]+)"([^>]*)>/g
	))
		if (/\bchecked\b/.test(m[3])) found[m[1]] = m[2];
	return found;
}

describe('RubricCard', () => {
	it('starts every criterion at none while the answer waits for marks', () => {
		expect(checked({ team, decision, view: view(), text: 'We are investigating.', pending: true })).toEqual({
			accurate: '0',
			tone: '0',
			timely: '0'
		});
	});

	it('starts from the saved marks and note, offering an off-scale mark as it is, and says who marked', () => {
		const item: AnswerToMark = {
			team,
			decision,
			view: view({
				marks: { accurate: 1, tone: 0.5, timely: 0.25 },
				markNote: 'Good start',
				markedBy: 'Eve'
			}),
			text: 'We are investigating.',
			pending: false,
			marked: { points: 5.5, maxPoints: 8 }
		};
		expect(checked(item)).toEqual({ accurate: '1', tone: '0.5', timely: '0.25' });
		const html = render(RubricCard, { props: { item, runner } }).body;
		expect(html).toContain('25% credit (current mark)');
		expect(html).toMatch(/<input id="mark-comms-d-statement-note"[^>]*value="Good start"/);
		expect(html).toContain('Marked by Eve: 5.5 of 8 points');
	});

	it('shows the choice a justified answer made above the reasoning it marks', () => {
		const item: AnswerToMark = {
			team,
			decision: { ...decision, type: 'single', justify: true },
			view: view(),
			text: 'Naming the actor early invites copycat claims.',
			choice: 'Hold the statement',
			pending: true
		};
		const html = render(RubricCard, { props: { item, runner } }).body;
		expect(html).toContain('Chose: <strong>Hold the statement</strong>. Their reasoning:');
		expect(html).toMatch(/<blockquote[^>]*>Naming the actor early invites copycat claims.<\/blockquote>/);
	});
});
