import { describe, expect, it } from 'vitest';
import type { Decision, DecisionView, ScoreEntry, TeamScore } from '$lib/engine/types';
import { answersToMark } from './marking';

const rubricDecision: Decision = {
	id: 'd-scope',
	prompt: 'Describe the scope',
	type: 'text',
	options: [],
	rubric: [{ id: 'routers', label: 'Names the routers', points: 4, guidance: 'PE routers' }],
	objectives: []
};
const single: Decision = { ...rubricDecision, id: 'd-pick', type: 'single', rubric: [] };

function delivered(id: string, answered: boolean): DecisionView {
	return {
		id,
		injectId: 'i',
		prompt: id,
		type: id === 'd-pick' ? 'single' : 'text',
		options: [],
		deliveredAt: 0,
		...(answered
			? {
					answer: {
						decisionId: id,
						teamId: 't',
						value: { type: 'text', text: 'x' },
						scenarioAt: 1,
						onTime: null
					}
				}
			: {})
	};
}

function score(teamId: string, entries: Partial<ScoreEntry>[]): TeamScore {
	return {
		teamId,
		entries: entries as ScoreEntry[],
		total: { points: 0, maxPoints: 0 },
		byPhase: {},
		byObjective: {},
		byCapability: {},
		byCsf: {} as TeamScore['byCsf'],
		coverage: {
			decisionsInScope: 0,
			decisionsDelivered: 0,
			decisionsAnswered: 0,
			phasesReached: 0,
			phasesTotal: 1,
			scenarioPlayed: 0,
			endedEarly: false
		}
	};
}

const team = (id: string) => ({ id, name: id, description: '', roles: [] });

describe('answersToMark', () => {
	it('lists only answered free-text decisions', () => {
		const list = answersToMark({
			teams: [
				{ team: team('soc'), feed: [], decisions: [delivered('d-scope', false), delivered('d-pick', true)] }
			],
			decisions: [rubricDecision, single],
			scores: {}
		});
		expect(list).toEqual([]);
	});
	it('puts answers still waiting for marks before marked ones', () => {
		const list = answersToMark({
			teams: [
				{ team: team('soc'), feed: [], decisions: [delivered('d-scope', true)] },
				{ team: team('legal'), feed: [], decisions: [delivered('d-scope', true)] }
			],
			decisions: [rubricDecision],
			scores: {
				soc: score('soc', [{ id: 'decision:d-scope:soc' }]),
				legal: score('legal', [{ id: 'decision:d-scope:legal', pending: true }])
			}
		});
		expect(list.map((a) => [a.team.id, a.pending])).toEqual([
			['legal', true],
			['soc', false]
		]);
	});
});

describe('answersToMark points', () => {
	it('reports the points a marked answer holds, leaving timeliness out', () => {
		const [item] = answersToMark({
			teams: [{ team: team('soc'), feed: [], decisions: [delivered('d-scope', true)] }],
			decisions: [rubricDecision],
			scores: {
				soc: score('soc', [
					{ id: 'decision:d-scope:soc', points: 3, maxPoints: 4 },
					{ id: 'timeliness:d-scope:soc', points: 1, maxPoints: 1 }
				])
			}
		});
		expect(item.marked).toEqual({ points: 3, maxPoints: 4 });
	});
});

describe('answersToMark for justified choices', () => {
	const justified: Decision = {
		...rubricDecision,
		id: 'd-why',
		type: 'single',
		justify: true,
		options: [{ id: 'monitor', label: 'Monitor quietly', points: 5, rationale: '' }]
	};
	const answered: DecisionView = {
		id: 'd-why',
		injectId: 'i',
		prompt: 'Contain now?',
		type: 'single',
		options: [{ id: 'monitor', label: 'Monitor quietly' }],
		justify: true,
		deliveredAt: 0,
		answer: {
			decisionId: 'd-why',
			teamId: 'soc',
			value: { type: 'single', option: 'monitor' },
			justification: 'Blocking tips off the actor',
			scenarioAt: 1,
			onTime: null
		}
	};

	it('offers the reasoning to mark, with the choice it explains, pending until its own entry is marked', () => {
		const view = (entries: Partial<ScoreEntry>[]) =>
			answersToMark({
				teams: [{ team: team('soc'), feed: [], decisions: [answered] }],
				decisions: [justified],
				scores: { soc: score('soc', entries) }
			});
		expect(
			view([
				{ id: 'decision:d-why:soc', points: 5, maxPoints: 5 },
				{ id: 'justification:d-why:soc', pending: true, points: 0, maxPoints: 4 }
			])[0]
		).toMatchObject({ text: 'Blocking tips off the actor', choice: 'Monitor quietly', pending: true });
		expect(view([{ id: 'justification:d-why:soc', points: 2, maxPoints: 4 }])[0].marked).toEqual({
			points: 2,
			maxPoints: 4
		});
	});
});
