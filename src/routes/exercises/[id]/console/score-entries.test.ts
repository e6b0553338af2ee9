import { describe, expect, it } from 'vitest';
import type { Decision, ScoreEntry } from '$lib/engine/types';
import { overrideChoices } from './score-entries';

const decision = (id: string, prompt: string) => ({ id, prompt }) as Decision;
const entry = (id: string, rule: string, points = 2): ScoreEntry => ({
	id,
	teamId: 'soc',
	rule,
	evidence: '',
	points,
	maxPoints: 5,
	phase: 'p1',
	objectives: [],
	scenarioAt: 0
});

describe('the override list', () => {
	it('names what each entry scores, so identical rules read apart (observation: repeated identical entries)', () => {
		const choices = overrideChoices(
			[
				entry('timeliness:d-a:soc', 'Answer within 2h 00m'),
				entry('timeliness:d-b:soc', 'Answer within 2h 00m')
			],
			[decision('d-a', 'Isolate the router?'), decision('d-b', 'Notify the FBI?')]
		);
		expect(choices.map((c) => c.label)).toEqual([
			'Timing of “Isolate the router?”: Answer within 2h 00m · 2 of 5 points',
			'Timing of “Notify the FBI?”: Answer within 2h 00m · 2 of 5 points'
		]);
	});
	it('numbers entries that would still read the same', () => {
		const labels = overrideChoices([entry('clock:a', 'Met'), entry('clock:b', 'Met')], []).map(
			(c) => c.label
		);
		expect(labels).toEqual(['Met · 2 of 5 points (1 of 2)', 'Met · 2 of 5 points (2 of 2)']);
	});
	it('names the answer and the reasoning of a decision', () => {
		const [a, r] = overrideChoices(
			[entry('decision:d-a:soc', 'Answer 12 or more'), entry('justification:d-a:soc', 'Reasoning: 1×3')],
			[decision('d-a', 'How many hours?')]
		);
		expect(a.label).toBe('Answer to “How many hours?”: Answer 12 or more · 2 of 5 points');
		expect(r.label).toMatch(/^Reasoning for “How many hours\?”/);
	});
});
