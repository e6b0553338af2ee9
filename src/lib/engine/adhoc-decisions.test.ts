import { describe, expect, it } from 'vitest';
import { Driver, T0, participant, wallMin } from './fixtures/harness';
import { deserializeState, replay, serializeState } from './replay';
import { teamScore } from './scoring';
import type { AdhocDecision, AdhocInject, FacilitatorView, TeamView } from './types';
import { viewFor } from './views';

const question = (over: Partial<AdhocDecision> = {}): AdhocDecision => ({
	id: 'q1',
	prompt: 'Do we take the core router offline?',
	type: 'single',
	options: [
		{ id: 'o1', label: 'Offline now' },
		{ id: 'o2', label: 'Keep it up' },
		{ id: 'o3', label: 'Ask the vendor first' }
	],
	deadline: 30 * 60_000,
	...over
});

const adhoc = (
	decision: AdhocDecision | undefined,
	audience: AdhocInject['audience'] = ['soc']
): AdhocInject => ({
	id: 'ah1',
	title: 'Router question',
	body: 'The NOC asks you.',
	channel: 'chat',
	audience,
	...(decision ? { decision } : {})
});

function asked(decision = question()) {
	const d = new Driver();
	d.start();
	d.do({ type: 'inject.adhoc', inject: adhoc(decision) }, T0 + wallMin(10));
	return d;
}

const teamView = (d: Driver, team: string, at = T0 + wallMin(12)) =>
	viewFor(d.state, { role: 'participant', teamId: team }, at) as TeamView;

describe('ad-hoc decisions', () => {
	it('reach only the addressed team, beside their inject, with options in the order written', () => {
		const d = asked();
		const soc = teamView(d, 'soc');
		expect(soc.feed.find((f) => f.id === 'ah1')?.decisionId).toBe('q1');
		const view = soc.decisions.find((x) => x.id === 'q1');
		expect(view).toMatchObject({
			injectId: 'ah1',
			prompt: 'Do we take the core router offline?',
			type: 'single',
			adhoc: true,
			options: [
				{ id: 'o1', label: 'Offline now' },
				{ id: 'o2', label: 'Keep it up' },
				{ id: 'o3', label: 'Ask the vendor first' }
			]
		});
		expect(view!.deadlineAt).toBe(view!.deliveredAt + 30 * 60_000);
		const legal = JSON.stringify(teamView(d, 'legal'));
		expect(legal).not.toContain('core router');
		expect(legal).not.toContain('Offline now');
		expect(legal).not.toContain('q1');
	});

	it('takes an answer from the addressed team, timed against its deadline, and never scores it', () => {
		const d = asked();
		const before = teamScore(d.state, 'soc');
		d.answer('soc', 'q1', { type: 'single', option: 'o2' }, T0 + wallMin(20));
		const view = teamView(d, 'soc').decisions.find((x) => x.id === 'q1')!;
		expect(view.answer).toMatchObject({
			value: { type: 'single', option: 'o2' },
			onTime: true,
			by: 'soc-member'
		});
		const after = teamScore(d.state, 'soc');
		expect(after.total).toEqual(before.total);
		expect(after.entries.some((e) => e.id.includes('q1'))).toBe(false);
		const fac = viewFor(d.state, { role: 'facilitator' }, T0 + wallMin(21)) as FacilitatorView;
		expect(
			fac.teams.find((p) => p.team.id === 'soc')!.decisions.find((x) => x.id === 'q1')?.answer
		).toBeDefined();
		expect(fac.timeline.at(-1)?.text).toContain('Keep it up');
	});

	it('refuses answers from teams it was not sent to, twice, or of the wrong kind', () => {
		const d = asked();
		expect(
			d.try(
				{
					type: 'answer.submit',
					teamId: 'legal',
					decisionId: 'q1',
					answer: { type: 'single', option: 'o1' }
				},
				T0 + wallMin(11),
				participant('legal')
			)
		).toMatchObject({ ok: false, error: { code: 'decision/not_delivered' } });
		expect(
			d.try(
				{ type: 'answer.submit', teamId: 'soc', decisionId: 'q1', answer: { type: 'single', option: 'o9' } },
				T0 + wallMin(11),
				participant('soc')
			)
		).toMatchObject({ ok: false, error: { code: 'answer/invalid' } });
		d.answer('soc', 'q1', { type: 'single', option: 'o1' }, T0 + wallMin(11));
		expect(
			d.try(
				{ type: 'answer.submit', teamId: 'soc', decisionId: 'q1', answer: { type: 'single', option: 'o2' } },
				T0 + wallMin(12),
				participant('soc')
			)
		).toMatchObject({ ok: false, error: { code: 'decision/already_answered' } });
	});

	it('marks an answer after the deadline as late, and takes free text and reasoning', () => {
		const d = asked(question({ deadline: 5 * 60_000, justify: true }));
		const r = d.try(
			{ type: 'answer.submit', teamId: 'soc', decisionId: 'q1', answer: { type: 'single', option: 'o1' } },
			T0 + wallMin(30),
			participant('soc')
		);
		expect(r).toMatchObject({ ok: false, error: { code: 'answer/invalid' } });
		d.do(
			{
				type: 'answer.submit',
				teamId: 'soc',
				decisionId: 'q1',
				answer: { type: 'single', option: 'o1' },
				justification: 'Blast radius'
			},
			T0 + wallMin(30),
			participant('soc')
		);
		expect(teamView(d, 'soc').decisions.find((x) => x.id === 'q1')?.answer).toMatchObject({
			onTime: false,
			justification: 'Blast radius'
		});
		const t = asked(question({ type: 'text', options: undefined, deadline: undefined }));
		t.answer('soc', 'q1', { type: 'text', text: 'We wait for the vendor.' }, T0 + wallMin(11));
		expect(teamView(t, 'soc').decisions.find((x) => x.id === 'q1')?.answer).toMatchObject({ onTime: null });
	});

	it.each([
		['one option', question({ options: [{ id: 'o1', label: 'Only' }] }), /between 2 and 6 options/],
		[
			'seven options',
			question({ options: Array.from({ length: 7 }, (_, i) => ({ id: `o${i}`, label: `L${i}` })) }),
			/between 2 and 6/
		],
		[
			'a blank label',
			question({
				options: [
					{ id: 'o1', label: 'A' },
					{ id: 'o2', label: ' ' }
				]
			}),
			/needs a label/
		],
		[
			'the same label twice',
			question({
				options: [
					{ id: 'o1', label: 'Yes' },
					{ id: 'o2', label: 'yes' }
				]
			}),
			/Two options read/
		],
		['no prompt', question({ prompt: ' ' }), /Write the question/],
		['options on free text', question({ type: 'text' }), /free-text question has no options/],
		[
			'reasoning on free text',
			question({ type: 'text', options: undefined, justify: true }),
			/Only a question with options/
		],
		['a negative deadline', question({ deadline: -1 }), /positive number of minutes/],
		['a scenario decision id', question({ id: 'd-contain' }), /already asked/]
	])('refuses a question with %s', (_what, decision, message) => {
		const d = new Driver();
		d.start();
		const r = d.try({ type: 'inject.adhoc', inject: adhoc(decision) }, T0 + wallMin(1));
		expect(r).toMatchObject({
			ok: false,
			error: { code: 'command/invalid', message: expect.stringMatching(message) }
		});
	});

	it('refuses a question id already asked by an earlier ad-hoc inject', () => {
		const d = asked();
		const r = d.try({ type: 'inject.adhoc', inject: { ...adhoc(question()), id: 'ah2' } }, T0 + wallMin(11));
		expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already asked/) } });
	});

	it('names the question by its prompt, never its id, when an answer is refused', () => {
		const d = asked();
		const r = d.try(
			{ type: 'answer.submit', teamId: 'soc', decisionId: 'q1', answer: { type: 'text', text: 'x' } },
			T0 + wallMin(11),
			participant('soc')
		);
		expect(r).toMatchObject({
			ok: false,
			error: { message: 'decision "Do we take the core router offline?" expects a single answer' }
		});
	});

	it('restores a snapshot written before questions existed and asks one after it', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'inject.adhoc', inject: adhoc(undefined) }, T0 + wallMin(5));
		// What this engine version wrote before ad-hoc injects could ask: no decision anywhere in the state.
		const older = serializeState(d.state);
		expect(older).not.toContain('"decision"');
		const restored = new Driver();
		restored.state = deserializeState(older, d.state.scenario);
		restored.do({ type: 'inject.adhoc', inject: { ...adhoc(question()), id: 'ah2' } }, T0 + wallMin(6));
		restored.answer('soc', 'q1', { type: 'single', option: 'o1' }, T0 + wallMin(7));
		expect(teamView(restored, 'soc').decisions.find((x) => x.id === 'q1')?.answer?.value).toEqual({
			type: 'single',
			option: 'o1'
		});
	});

	it('a snapshot taken after the question restores and takes the answer as live does', () => {
		const d = asked();
		const snap = deserializeState(serializeState(d.state), d.state.scenario);
		const input = {
			seq: d.state.version + 1,
			at: T0 + wallMin(15),
			key: 'k-answer',
			actor: participant('soc'),
			command: {
				type: 'answer.submit' as const,
				teamId: 'soc',
				decisionId: 'q1',
				answer: { type: 'single' as const, option: 'o3' }
			}
		};
		const restored = replay(d.state.scenario, d.state.config, [input], { state: snap });
		d.do(input.command, input.at, participant('soc'));
		expect(serializeState(restored)).toBe(serializeState(d.state));
	});
});
