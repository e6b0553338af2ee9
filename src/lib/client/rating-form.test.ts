import { describe, expect, it } from 'vitest';
import type { ClockView, Decision, DecisionView, ObjectiveResult, ScoreEntry } from '$lib/engine/types';
import {
	buildRating,
	draftFrom,
	earlierRatings,
	evidenceChoices,
	modelAnswers,
	suggestionWhy,
	type TeamEvidence
} from './rating-form';

const definition = (id: string, objectives: string[]): Decision => ({
	id,
	prompt: `Prompt ${id}`,
	type: 'single',
	options: [
		{ id: 'a', label: 'Option A', points: 5, rationale: '' },
		{ id: 'b', label: 'Option B', points: 0, rationale: '' }
	],
	rubric: [],
	objectives
});

const delivered = (id: string, answer?: string): DecisionView => ({
	id,
	injectId: `i-${id}`,
	prompt: `Prompt ${id}`,
	type: 'single',
	options: [
		{ id: 'b', label: 'Option B' },
		{ id: 'a', label: 'Option A' }
	],
	deliveredAt: 0,
	...(answer
		? {
				answer: {
					decisionId: id,
					teamId: 'legal',
					value: { type: 'single', option: answer },
					scenarioAt: 10,
					onTime: true
				}
			}
		: {})
});

const clockEntry: ScoreEntry = {
	id: 'clock:fcc',
	teamId: 'legal',
	rule: 'FCC notice',
	evidence: 'missed by 2h',
	points: -5,
	maxPoints: 10,
	phase: 'p1',
	objectives: ['obj-notify'],
	scenarioAt: 100
};

const source: TeamEvidence = {
	teamId: 'legal',
	decisions: [delivered('d1', 'a'), delivered('d2'), delivered('d3', 'b')],
	definitions: [
		definition('d1', ['obj-notify']),
		definition('d2', ['obj-notify']),
		definition('d3', ['obj-other'])
	],
	entries: [clockEntry],
	notes: [
		{
			id: 'n1',
			teamId: 'legal',
			objectiveId: 'obj-notify',
			text: 'Called the FBI first',
			by: 'Eve',
			scenarioAt: 1,
			at: 1
		},
		{ id: 'n2', teamId: 'legal', text: 'Quiet room', scenarioAt: 2, at: 2 },
		{ id: 'n3', teamId: 'soc', objectiveId: 'obj-notify', text: 'Other team', scenarioAt: 3, at: 3 },
		{ id: 'n4', teamId: 'legal', objectiveId: 'obj-other', text: 'Elsewhere', scenarioAt: 4, at: 4 }
	]
};

const result = (over: Partial<ObjectiveResult> = {}): ObjectiveResult => ({
	points: 9,
	maxPoints: 10,
	suggestion: 'P',
	rating: null,
	exercised: true,
	...over
});

const clock = (status: ClockView['status']): ClockView => ({
	id: 'fcc',
	name: 'FCC notice',
	regime: 'FCC',
	description: '',
	owner: 'legal',
	status,
	kind: 'deadline',
	benchmark: false,
	deadlineLabel: '7 business days'
});

describe('evidenceChoices', () => {
	it('offers the team’s delivered decisions for the objective with its answers, its clocks and its notes', () => {
		expect(evidenceChoices(source, 'obj-notify')).toEqual([
			{ id: 'decision:d1:legal', label: 'Prompt d1 — answered “Option A”' },
			{ id: 'decision:d2:legal', label: 'Prompt d2 — not answered' },
			{ id: 'clock:fcc', label: 'FCC notice — missed by 2h' },
			{ id: 'n1', label: 'Note by Eve: Called the FBI first' },
			{ id: 'n2', label: 'Note: Quiet room' }
		]);
	});
});

describe('suggestionWhy', () => {
	it('gives the share of points, the bands and how much of the objective the team met', () => {
		expect(suggestionWhy(result(), 'obj-notify', source, [])).toEqual({
			suggestion: 'P',
			headline: 'Suggestion P',
			reasons: [
				'9 of 10 points (90%); bands: P from 85%, S from 65%, M from 40%, else U.',
				'2 of its decisions delivered to the team, 1 answered.'
			]
		});
	});

	it('names the missed clock that capped the suggestion at M', () => {
		const why = suggestionWhy(result({ suggestion: 'M' }), 'obj-notify', source, [clock('missed')]);
		expect(why.headline).toBe('Suggestion M');
		expect(why.reasons[2]).toBe(
			'The points alone say P; capped at M because FCC notice missed (HSEEP counts not following the applicable regulations as a major challenge).'
		);
	});

	it('offers no suggestion for an objective the team has not exercised, and says why', () => {
		const why = suggestionWhy(result({ exercised: false, suggestion: null }), 'obj-notify', source, []);
		expect(why.suggestion).toBeNull();
		expect(why.headline).toBe('No suggestion: the team has not exercised this objective yet');
		expect(why.reasons[0]).toMatch(
			/^2 of its decisions delivered to the team, 1 answered\. A suggestion needs/
		);
	});
});

describe('draftFrom and buildRating', () => {
	const choices = evidenceChoices(source, 'obj-notify');

	it('starts empty, or from the saved rating with its evidence split into ticks and typed lines', () => {
		expect(draftFrom(undefined, choices)).toEqual({ rating: '', reason: '', picked: [], other: '' });
		const saved = result({
			rating: 'S',
			reason: 'Late but complete',
			evidence: ['clock:fcc', 'Told the CEO before counsel', 'n1']
		});
		expect(draftFrom(saved, choices)).toEqual({
			rating: 'S',
			reason: 'Late but complete',
			picked: ['clock:fcc', 'n1'],
			other: 'Told the CEO before counsel'
		});
	});

	it('builds rating.set with the reason trimmed and the evidence ticked and typed, once each', () => {
		expect(
			buildRating('legal', 'obj-notify', {
				rating: 'M',
				reason: '  Missed the FCC deadline  ',
				picked: ['clock:fcc', 'decision:d1:legal'],
				other: '\n  Asked the FBI too late \n\nclock:fcc\n'
			})
		).toEqual({
			command: {
				type: 'rating.set',
				teamId: 'legal',
				objectiveId: 'obj-notify',
				rating: 'M',
				reason: 'Missed the FCC deadline',
				evidence: ['clock:fcc', 'decision:d1:legal', 'Asked the FBI too late']
			}
		});
	});

	it('names what is missing or too long', () => {
		const base = { rating: 'S' as const, reason: 'Fine', picked: [], other: '' };
		expect(buildRating('legal', 'o', { ...base, rating: '' })).toEqual({
			error: 'Choose a rating: P, S, M or U.'
		});
		expect(buildRating('legal', 'o', { ...base, reason: '   ' })).toEqual({
			error: 'Give the reason for this rating; it appears in the review.'
		});
		expect(buildRating('legal', 'o', { ...base, reason: 'x'.repeat(2001) })).toEqual({
			error: 'The reason is 2001 characters; keep it to 2000.'
		});
		expect(buildRating('legal', 'o', { ...base, other: `ok\n${'y'.repeat(301)}` })).toEqual({
			error: 'Other evidence, line 2, is 301 characters; keep each line to 300.'
		});
		const many = Array.from({ length: 21 }, (_, i) => `item ${i}`).join('\n');
		expect(buildRating('legal', 'o', { ...base, other: many })).toEqual({
			error: 'Cite at most 20 pieces of evidence (21 chosen).'
		});
	});
});

describe('earlierRatings', () => {
	it('lists the ratings before the current one, newest first, for that team and objective only', () => {
		const h = (rating: 'P' | 'S' | 'M', at: number, teamId = 'legal', objectiveId = 'o') => ({
			teamId,
			objectiveId,
			rating,
			at,
			scenarioAt: at
		});
		expect(
			earlierRatings(
				[h('M', 1), h('P', 2, 'soc'), h('S', 3), h('S', 4, 'legal', 'x'), h('P', 5)],
				'legal',
				'o'
			)
		).toEqual([h('S', 3), h('M', 1)]);
	});
});

describe('modelAnswers', () => {
	it('states the model answer of each delivered decision behind the objective', () => {
		expect(modelAnswers(source, 'obj-notify')).toEqual([
			{ decisionId: 'd1', prompt: 'Prompt d1', model: "Best answer: 'Option A'" },
			{ decisionId: 'd2', prompt: 'Prompt d2', model: "Best answer: 'Option A'" }
		]);
	});
});
