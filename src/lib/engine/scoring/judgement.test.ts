/** Justified choices, confidence and timeliness: the rules that keep a fast or lucky answer from scoring. */
import { describe, expect, it } from 'vitest';
import { Driver, participant, T0, wallMin } from '../fixtures/harness';
import { testScenario } from '../fixtures/test-scenario';
import type { Decision, TeamView } from '../types';
import { viewFor } from '../views';
import { scoresOf } from '.';

/** The test scenario with d-contain (deadline 1h, on time +2, late −1) asking for reasoning marked by a rubric. */
function justified(change: Partial<Decision> = {}) {
	const scenario = testScenario();
	const d = scenario.injects.find((i) => i.id === 'alert')!.decision!;
	Object.assign(d, {
		justify: true,
		rubric: [{ id: 'evidence', label: 'Cites the evidence', points: 3, guidance: 'GUIDANCE-evidence' }],
		timeliness: { onTime: 2, late: -1 },
		...change
	});
	const driver = new Driver(scenario);
	driver.start();
	return driver;
}

const entry = (d: Driver, id: string) => scoresOf(d.state).soc.entries.find((e) => e.id === id);
const answer = (d: Driver, option: string, minute: number, extra: object = { justification: 'Because' }) =>
	d.try(
		{
			type: 'answer.submit',
			teamId: 'soc',
			decisionId: 'd-contain',
			answer: { type: 'single', option },
			...extra
		},
		T0 + wallMin(minute),
		participant('soc')
	);
const mark = (d: Driver, evidence: number, minute: number) =>
	d.do(
		{ type: 'rubric.mark', decisionId: 'd-contain', teamId: 'soc', marks: { evidence } },
		T0 + wallMin(minute),
		{ role: 'evaluator', name: 'Eve' }
	);

describe('timeliness', () => {
	it('scores a fast wrong answer no better than a slow wrong one, and a late one lower', () => {
		const totals = [31, 89, 120].map((minute) => {
			const d = justified({ justify: false, rubric: [] });
			expect(answer(d, 'ignore', minute, {}).ok).toBe(true);
			return scoresOf(d.state)
				.soc.entries.filter((e) => e.id.endsWith(':d-contain:soc'))
				.reduce((n, e) => n + e.points, 0);
		});
		expect(totals).toEqual([0, 0, -1]);
	});

	it('pays on-time points for a right answer and late points for a late one', () => {
		const fast = justified({ justify: false, rubric: [] });
		answer(fast, 'monitor', 31, {});
		expect(entry(fast, 'timeliness:d-contain:soc')).toMatchObject({ points: 2, maxPoints: 2 });
		const late = justified({ justify: false, rubric: [] });
		answer(late, 'monitor', 120, {});
		expect(entry(late, 'timeliness:d-contain:soc')).toMatchObject({ points: -1 });
	});

	it('pays on time once a facilitator override gives the answer points', () => {
		const d = justified({ justify: false, rubric: [] });
		answer(d, 'ignore', 31, {});
		d.do(
			{
				type: 'score.override',
				teamId: 'soc',
				entryId: 'decision:d-contain:soc',
				points: 3,
				reason: 'Argued well'
			},
			T0 + wallMin(40)
		);
		expect(entry(d, 'timeliness:d-contain:soc')?.points).toBe(2);
	});

	it('keeps a wrong choice’s timeliness pending until its reasoning is marked, then pays only for earned points', () => {
		const d = justified();
		answer(d, 'ignore', 31);
		expect(entry(d, 'timeliness:d-contain:soc')).toMatchObject({ pending: true, points: 0 });
		mark(d, 0, 40);
		expect(entry(d, 'timeliness:d-contain:soc')).toMatchObject({ points: 0 });
		expect(entry(d, 'timeliness:d-contain:soc')?.pending).toBeUndefined();
		mark(d, 1, 41);
		expect(entry(d, 'timeliness:d-contain:soc')).toMatchObject({ points: 2 });
	});
});

describe('justified decisions', () => {
	it('refuses an answer without reasoning, and reasoning where none is asked for', () => {
		const d = justified();
		for (const extra of [{}, { justification: '   ' }, { justification: 'x'.repeat(8001) }]) {
			const r = answer(d, 'monitor', 31, extra);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error.code).toBe('answer/invalid');
		}
		const plain = justified({ justify: false, rubric: [] });
		const r = answer(plain, 'monitor', 31, { justification: 'Because' });
		expect(!r.ok && r.error.message).toBe('this decision does not ask for a justification');
	});

	it('refuses a confidence other than low, medium or high', () => {
		const r = answer(justified(), 'monitor', 31, { justification: 'Because', confidence: 'certain' });
		expect(!r.ok && r.error.message).toBe('confidence must be low, medium or high');
	});

	it('scores the reasoning as its own entry, pending until an evaluator marks the rubric', () => {
		const d = justified();
		answer(d, 'monitor', 31, {
			justification: 'The NetFlow shows TFTP to a known address',
			confidence: 'high'
		});
		expect(entry(d, 'decision:d-contain:soc')).toMatchObject({ points: 5 });
		expect(entry(d, 'justification:d-contain:soc')).toMatchObject({
			pending: true,
			points: 0,
			maxPoints: 3,
			evidence: 'The NetFlow shows TFTP to a known address'
		});
		const before = scoresOf(d.state).soc.total.maxPoints;
		mark(d, 0.5, 40);
		expect(entry(d, 'justification:d-contain:soc')).toMatchObject({
			points: 1.5,
			rule: 'Reasoning: Cites the evidence 0.5×3'
		});
		expect(scoresOf(d.state).soc.total.maxPoints).toBe(before + 3);
	});

	it('scores unanswered reasoning 0 of its max', () => {
		const d = justified();
		d.tick(T0 + wallMin(100));
		expect(entry(d, 'justification:d-contain:soc')).toMatchObject({
			points: 0,
			maxPoints: 3,
			evidence: 'not answered'
		});
	});

	it('shows the team its own reasoning and confidence, and asks for reasoning before it answers', () => {
		const d = justified();
		d.tick(T0 + wallMin(31));
		const before = viewFor(d.state, { role: 'participant', teamId: 'soc' }, T0) as TeamView;
		expect(before.decisions[0].justify).toBe(true);
		answer(d, 'monitor', 32, { justification: 'SOC-REASONING', confidence: 'medium' });
		const soc = viewFor(d.state, { role: 'participant', teamId: 'soc' }, T0) as TeamView;
		expect(soc.decisions[0].answer).toMatchObject({ justification: 'SOC-REASONING', confidence: 'medium' });
		const legal = viewFor(d.state, { role: 'participant', teamId: 'legal' }, T0);
		expect(JSON.stringify(legal)).not.toContain('SOC-REASONING');
		const observer = JSON.stringify(viewFor(d.state, { role: 'observer' }, T0));
		expect(observer).toContain('SOC-REASONING');
		expect(observer).not.toContain('GUIDANCE-evidence');
	});
});
