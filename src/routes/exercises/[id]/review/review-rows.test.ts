import { describe, expect, it } from 'vitest';
import type { ClockView, TeamScore } from '$lib/engine/types';
import { clockOutcome, objectiveRows, percentOf, phaseRows } from './review-rows';

const H = 3_600_000;

const score = {
	teamId: 'soc',
	entries: [],
	total: { points: 12, maxPoints: 20 },
	byPhase: {
		p2: { points: 2, maxPoints: 10 },
		p1: { points: 10, maxPoints: 10 },
		p3: { points: 0, maxPoints: 0 }
	},
	byObjective: {
		'obj-detect': { points: 6, maxPoints: 8, rating: 'S', suggestion: 'S', exercised: true },
		'obj-notify': { points: 0, maxPoints: 4, rating: null, suggestion: null, exercised: false }
	},
	byCapability: {},
	byCsf: {}
} as unknown as TeamScore;

const clock = (c: Partial<ClockView>): ClockView => ({
	id: 'fcc',
	name: 'CPNI notice',
	regime: 'FCC',
	description: '',
	owner: 'legal',
	status: 'idle',
	kind: 'deadline',
	benchmark: false,
	deadlineLabel: '7 business days',
	...c
});

describe('percentOf', () => {
	it('rounds to a whole percent', () => {
		expect(percentOf({ points: 1, maxPoints: 3 })).toBe(33);
	});
	it('is null when nothing could be scored', () => {
		expect(percentOf({ points: 0, maxPoints: 0 })).toBeNull();
	});
});

describe('objectiveRows and phaseRows', () => {
	it('follow scenario order and skip phases with nothing at stake', () => {
		const phases = [
			{ id: 'p1', title: 'One', update: '', questions: [] },
			{ id: 'p2', title: 'Two', update: '', questions: [] },
			{ id: 'p3', title: 'Three', update: '', questions: [] }
		];
		expect(phaseRows(score, phases).map((r) => r.label)).toEqual(['One', 'Two']);
	});
	it('carries the evaluator’s rating of each objective beside the suggestion', () => {
		const objective = (id: string, title: string) => ({
			id,
			title,
			description: '',
			csf: [],
			hseep: [],
			attack: [],
			sources: []
		});
		expect(
			objectiveRows(score, [objective('obj-detect', 'Detect'), objective('obj-notify', 'Notify')])
		).toEqual([
			{
				id: 'obj-detect',
				label: 'Detect',
				points: 6,
				maxPoints: 8,
				percent: 75,
				rating: 'S',
				suggestion: 'S',
				note: 'S · suggestion S'
			},
			{
				id: 'obj-notify',
				label: 'Notify',
				points: 0,
				maxPoints: 4,
				percent: 0,
				rating: null,
				suggestion: null,
				note: 'not rated yet · no suggestion (not exercised)'
			}
		]);
	});
});

describe('clockOutcome', () => {
	it('says how much time was left when a clock was met', () => {
		expect(
			clockOutcome(clock({ status: 'met', startedAt: 0, deadlineAt: 72 * H, stoppedAt: 70 * H }), 80 * H)
		).toBe('Met with 2h 00m to spare');
	});
	it('says by how much a stopped clock was missed', () => {
		expect(
			clockOutcome(clock({ status: 'missed', startedAt: 0, deadlineAt: 10 * H, stoppedAt: 13 * H }), 20 * H)
		).toBe('Missed by 3h 00m');
	});
	it('reports a clock that never started', () => {
		expect(clockOutcome(clock({}), 0)).toBe('Never started');
	});
});
