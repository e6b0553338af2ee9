import { describe, expect, it } from 'vitest';
import { authorize } from './authorize';
import { Driver, FACILITATOR, T0, participant, wallMin } from './fixtures/harness';
import type { AnswerValue, EngineErrorCode } from './types';

/** A running exercise at scenario 2h30m with every decision delivered to its team. */
function allDelivered(): Driver {
	const d = new Driver();
	d.start();
	d.tick(T0 + wallMin(150));
	return d;
}

const rejects = (d: Driver, teamId: string, decisionId: string, answer: AnswerValue, code: EngineErrorCode) =>
	expect(
		d.try({ type: 'answer.submit', teamId, decisionId, answer }, T0 + wallMin(151), participant(teamId))
	).toMatchObject({ ok: false, error: { code } });

describe('answers', () => {
	it('records an answer with its scenario time and timeliness', () => {
		const d = allDelivered();
		d.answer('legal', 'd-hours', { type: 'numeric', value: 12 }, T0 + wallMin(160));
		expect(d.state.answers.legal['d-hours']).toMatchObject({
			scenarioAt: 160 * 60_000,
			onTime: true,
			by: 'legal-member'
		});
	});

	it('marks an answer after the deadline as late', () => {
		const d = allDelivered();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(151));
		expect(d.state.answers.soc['d-contain'].onTime).toBe(false);
	});

	it('rejects a second answer with decision/already_answered', () => {
		const d = allDelivered();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(151));
		rejects(d, 'soc', 'd-contain', { type: 'single', option: 'isolate' }, 'decision/already_answered');
	});

	it('rejects an answer to a decision not yet delivered to the team', () => {
		const d = allDelivered();
		rejects(d, 'legal', 'd-contain', { type: 'single', option: 'monitor' }, 'decision/not_delivered');
	});

	it('rejects an unknown decision with decision/not_found', () => {
		rejects(allDelivered(), 'soc', 'd-nope', { type: 'single', option: 'x' }, 'decision/not_found');
	});

	it('rejects a team outside the exercise with team/not_in_exercise', () => {
		const d = allDelivered();
		const r = d.try(
			{
				type: 'answer.submit',
				teamId: 'exec',
				decisionId: 'd-contain',
				answer: { type: 'single', option: 'monitor' }
			},
			T0,
			FACILITATOR
		);
		expect(r).toMatchObject({ ok: false, error: { code: 'team/not_in_exercise' } });
	});

	it('rejects answers for another team with command/forbidden', () => {
		const d = allDelivered();
		const r = d.try(
			{
				type: 'answer.submit',
				teamId: 'soc',
				decisionId: 'd-contain',
				answer: { type: 'single', option: 'monitor' }
			},
			T0,
			participant('legal')
		);
		expect(r).toMatchObject({ ok: false, error: { code: 'command/forbidden' } });
	});

	it('lets a facilitator answer on a team’s behalf', () => {
		const d = allDelivered();
		d.do(
			{
				type: 'answer.submit',
				teamId: 'soc',
				decisionId: 'd-contain',
				answer: { type: 'single', option: 'monitor' }
			},
			T0 + wallMin(151)
		);
		expect(d.state.answers.soc['d-contain'].by).toBe('Fay');
	});

	it.each([
		['soc', 'd-contain', { type: 'single', option: 'nope' }],
		['soc', 'd-contain', { type: 'multiple', options: ['monitor'] }],
		['soc', 'd-ioc', { type: 'multiple', options: [] }],
		['soc', 'd-ioc', { type: 'multiple', options: ['a', 'a'] }],
		['soc', 'd-ioc', { type: 'multiple', options: ['a', 'z'] }],
		['comms', 'd-priorities', { type: 'ranking', order: ['press', 'customers'] }],
		['comms', 'd-priorities', { type: 'ranking', order: ['press', 'press', 'customers'] }],
		['legal', 'd-hours', { type: 'numeric', value: Number.POSITIVE_INFINITY }],
		['legal', 'd-hours', { type: 'numeric', value: -1 }],
		['legal', 'd-hours', { type: 'numeric', value: 1001 }],
		['comms', 'd-statement', { type: 'text', text: '   ' }],
		['comms', 'd-statement', { type: 'text', text: 'x'.repeat(8001) }]
	] as [string, string, AnswerValue][])(
		'rejects %s %s answer %j with answer/invalid',
		(team, decision, answer) => {
			rejects(allDelivered(), team, decision, answer, 'answer/invalid');
		}
	);

	it('accepts answers while paused but not in hotwash', () => {
		const d = allDelivered();
		d.do({ type: 'exercise.pause' }, T0 + wallMin(150));
		d.answer('soc', 'd-ioc', { type: 'multiple', options: ['a'] }, T0 + wallMin(200));
		expect(d.state.answers.soc['d-ioc'].scenarioAt).toBe(150 * 60_000);
		d.do({ type: 'exercise.hotwash' }, T0 + wallMin(200));
		rejects(d, 'comms', 'd-statement', { type: 'text', text: 'hello' }, 'command/invalid_state');
	});

	it('accepts an answer to a decision that fell due in the same input', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(31));
		expect(d.state.answers.soc['d-contain'].scenarioAt).toBe(31 * 60_000);
	});
});

describe('authorize', () => {
	const state = new Driver().state;
	it('lets the system only tick', () => {
		expect(authorize(state, { role: 'system' }, { type: 'clock.tick' })).toBeNull();
		expect(authorize(state, { role: 'system' }, { type: 'exercise.end' })?.code).toBe('command/forbidden');
	});
	it('lets evaluators mark and note, observers only note', () => {
		const mark = { type: 'rubric.mark' as const, decisionId: 'd', teamId: 'soc', marks: {} };
		const note = { type: 'note.add' as const, noteId: 'n', text: 'x' };
		expect(authorize(state, { role: 'evaluator' }, mark)).toBeNull();
		expect(authorize(state, { role: 'evaluator' }, note)).toBeNull();
		expect(authorize(state, { role: 'observer' }, note)).toBeNull();
		expect(authorize(state, { role: 'observer' }, mark)?.code).toBe('command/forbidden');
		expect(authorize(state, { role: 'evaluator' }, { type: 'exercise.pause' })?.code).toBe(
			'command/forbidden'
		);
	});
	it('refuses a participant without a team', () => {
		const answer = {
			type: 'answer.submit' as const,
			decisionId: 'd',
			teamId: 'soc',
			answer: { type: 'text' as const, text: 'x' }
		};
		expect(authorize(state, { role: 'participant' }, answer)?.code).toBe('command/forbidden');
	});
});

describe('rubric marks, overrides and notes', () => {
	it('rejects marks for an unanswered decision and for unknown criteria', () => {
		const d = allDelivered();
		const mark = (marks: Record<string, number>) =>
			d.try({ type: 'rubric.mark', decisionId: 'd-statement', teamId: 'comms', marks }, T0 + wallMin(151), {
				role: 'evaluator'
			});
		expect(mark({ accuracy: 1 })).toMatchObject({ ok: false, error: { code: 'command/invalid' } });
		d.answer('comms', 'd-statement', { type: 'text', text: 'We are investigating.' }, T0 + wallMin(151));
		expect(mark({ bogus: 1 })).toMatchObject({ ok: false, error: { code: 'command/invalid' } });
		expect(mark({ accuracy: 1.5 })).toMatchObject({ ok: false, error: { code: 'command/invalid' } });
		expect(mark({ accuracy: 1, tone: 0.5 })).toMatchObject({ ok: true });
	});

	it('rejects an override of an entry the team does not have', () => {
		const d = allDelivered();
		const r = d.try(
			{ type: 'score.override', teamId: 'soc', entryId: 'decision:d-hours:soc', points: 3, reason: 'x' },
			T0
		);
		expect(r).toMatchObject({ ok: false, error: { code: 'command/invalid' } });
	});

	it('rejects a duplicate note id and an empty note', () => {
		const d = allDelivered();
		d.do({ type: 'note.add', noteId: 'n1', text: 'Good call' }, T0, { role: 'observer', name: 'Obs' });
		expect(d.try({ type: 'note.add', noteId: 'n1', text: 'again' }, T0, { role: 'observer' })).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
		expect(d.try({ type: 'note.add', noteId: 'n2', text: ' ' }, T0, { role: 'observer' })).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
	});

	it('rejects an input with an unknown command or a bad time', () => {
		const d = new Driver();
		expect(d.try({ type: 'exercise.explode' } as never, T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
		expect(d.try({ type: 'clock.tick' }, Number.NaN)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
	});
});
