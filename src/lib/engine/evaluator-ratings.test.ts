import { describe, expect, it } from 'vitest';
import { applyInput } from './apply';
import { Driver, FACILITATOR, participant, T0, wallMin } from './fixtures/harness';
import { replay } from './replay';
import { scoresOf } from './scoring';
import { timelineOf } from './timeline';
import { ratingHistory } from './evaluator-ratings';
import type { Actor, Command, FacilitatorView, HseepRating, Input, ObserverView, TeamView } from './types';
import { viewFor } from './views';

const EVALUATOR: Actor = { role: 'evaluator', name: 'Eve' };

function rate(rating: HseepRating, reason = 'Notified on time', evidence = ['clock:fcc-notice']): Command {
	return { type: 'rating.set', teamId: 'legal', objectiveId: 'obj-notify', rating, reason, evidence };
}

/** Legal has made the determination and notified: obj-notify exercised and suggested P. */
function played(): Driver {
	const d = new Driver();
	d.start();
	d.tick(T0 + wallMin(150));
	d.answer('legal', 'd-determination', { type: 'single', option: 'yes' }, T0 + wallMin(151));
	d.answer('legal', 'd-notify', { type: 'single', option: 'notify-now' }, T0 + wallMin(152));
	d.answer('legal', 'd-hours', { type: 'numeric', value: 12 }, T0 + wallMin(153));
	return d;
}

describe('rating.set', () => {
	it('records the evaluator’s rating beside the suggestion, with who, why and the evidence', () => {
		const d = played();
		d.do(
			rate('S', 'Notified, but without the FBI case number', ['clock:fcc-notice', 'n1']),
			T0 + wallMin(160),
			EVALUATOR
		);
		expect(scoresOf(d.state).legal.byObjective['obj-notify']).toMatchObject({
			suggestion: 'P',
			rating: 'S',
			ratedBy: 'Eve',
			reason: 'Notified, but without the FBI case number',
			evidence: ['clock:fcc-notice', 'n1'],
			ratedAt: T0 + wallMin(160),
			exercised: true
		});
	});

	it('keeps the latest rating and every earlier one on the timeline', () => {
		const d = played();
		d.do(rate('M'), T0 + wallMin(160), EVALUATOR);
		d.do(rate('P', 'On reflection: on time and complete'), T0 + wallMin(161), FACILITATOR);
		expect(scoresOf(d.state).legal.byObjective['obj-notify']).toMatchObject({ rating: 'P', ratedBy: 'Fay' });
		expect(
			timelineOf(d.state)
				.filter((e) => e.kind === 'rated')
				.map((e) => e.text)
		).toEqual(['Rated Legal M on "Notify" (by Eve)', 'Rated Legal P on "Notify" (by Fay)']);
	});

	it('lists every rating given for staff, oldest first, and none for observers', () => {
		const d = played();
		d.do(rate('M'), T0 + wallMin(160), EVALUATOR);
		d.do(rate('P', 'On reflection: on time and complete'), T0 + wallMin(161), FACILITATOR);
		const expected = [
			{ teamId: 'legal', objectiveId: 'obj-notify', rating: 'M', by: 'Eve', at: T0 + wallMin(160) },
			{ teamId: 'legal', objectiveId: 'obj-notify', rating: 'P', by: 'Fay', at: T0 + wallMin(161) }
		];
		expect(ratingHistory(d.state)).toMatchObject(expected);
		const evaluator = viewFor(d.state, { role: 'evaluator' }, T0 + wallMin(162)) as ObserverView;
		const facilitator = viewFor(d.state, { role: 'facilitator' }, T0 + wallMin(162)) as FacilitatorView;
		expect(evaluator.ratingHistory).toMatchObject(expected);
		expect(facilitator.ratingHistory).toMatchObject(expected);
		const observer = viewFor(d.state, { role: 'observer' }, T0 + wallMin(162)) as ObserverView;
		expect(observer.ratingHistory).toBeUndefined();
		expect(JSON.stringify(observer)).not.toMatch(/"rating"|"suggestion"|On reflection/);
	});

	it('gives the same ratings on replay as live', () => {
		const live = new Driver();
		const inputs: Input[] = [];
		const send = (command: Command, at: number, actor: Actor = FACILITATOR) => {
			const input = { seq: inputs.length + 1, at, key: `k${inputs.length + 1}`, actor, command };
			const r = applyInput(live.state, input);
			if (!r.ok) throw new Error(r.error.message);
			live.state = r.state;
			inputs.push(input);
		};
		send({ type: 'exercise.start' }, T0);
		send({ type: 'clock.tick' }, T0 + wallMin(150), { role: 'system' });
		send(
			{
				type: 'answer.submit',
				teamId: 'legal',
				decisionId: 'd-determination',
				answer: { type: 'single', option: 'yes' }
			},
			T0 + wallMin(151),
			participant('legal')
		);
		send(rate('U', 'No notice'), T0 + wallMin(160), EVALUATOR);
		send(rate('M', 'Late notice'), T0 + wallMin(161), EVALUATOR);
		const replayed = replay(live.state.scenario, live.state.config, inputs);
		expect(scoresOf(replayed).legal.byObjective).toEqual(scoresOf(live.state).legal.byObjective);
		expect(timelineOf(replayed)).toEqual(timelineOf(live.state));
	});

	it('may be set by evaluators and the facilitator, not by observers or participants', () => {
		const d = played();
		for (const actor of [{ role: 'observer' } as Actor, participant('legal')]) {
			const r = d.try(rate('P'), T0 + wallMin(160), actor);
			expect(!r.ok && r.error.code).toBe('command/forbidden');
		}
		expect(d.try(rate('P'), T0 + wallMin(160), FACILITATOR).ok).toBe(true);
	});

	it('refuses a rating without a reason, with a bad value, or citing too much', () => {
		const d = played();
		const refused = (c: Command) => {
			const r = d.try(c, T0 + wallMin(160), EVALUATOR);
			return r.ok ? null : r.error.message;
		};
		expect(refused(rate('S', '  '))).toBe('say why you rate "Notify" S: a rating needs a reason');
		expect(refused(rate('X' as HseepRating))).toBe('the rating must be P, S, M or U');
		expect(refused(rate('S', 'x'.repeat(2001)))).toBe('the reason is longer than 2000 characters');
		expect(
			refused(
				rate(
					'S',
					'ok',
					Array.from({ length: 21 }, (_, i) => `n${i}`)
				)
			)
		).toBe('cite at most 20 pieces of evidence');
		expect(refused({ ...rate('S'), objectiveId: 'obj-nope' } as Command)).toBe(
			'no objective "obj-nope" in this scenario'
		);
		expect(refused({ ...rate('S'), teamId: 'exec' } as Command)).toBe(
			'That team is not taking part in this exercise.'
		);
	});

	it('is accepted while running, paused, in hot wash and after the end, not before StartEx', () => {
		const lobby = new Driver();
		expect(lobby.try(rate('P'), T0, EVALUATOR)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid_state' }
		});
		const d = played();
		for (const step of [
			{ type: 'exercise.pause' },
			{ type: 'exercise.hotwash' },
			{ type: 'exercise.end' }
		] as Command[]) {
			d.do(step, T0 + wallMin(170));
			expect(d.try(rate('S'), T0 + wallMin(171), EVALUATOR).ok, d.state.lifecycle).toBe(true);
		}
	});
});

describe('exercised objectives and coverage', () => {
	it('suggests nothing until the team got half the objective’s decisions and answered one', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(31));
		// soc's obj-detect decisions: d-contain (delivered), d-ioc (not yet): half, but none answered
		expect(scoresOf(d.state).soc.byObjective['obj-detect']).toMatchObject({
			exercised: false,
			suggestion: null
		});
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(32));
		expect(scoresOf(d.state).soc.byObjective['obj-detect']).toMatchObject({
			exercised: true,
			suggestion: 'P'
		});
	});

	it('counts an objective as exercised once a clock evidencing it resolves for the team', () => {
		const d = played();
		expect(d.state.clocks['fcc-notice'].status).toBe('met');
		expect(scoresOf(d.state).legal.byObjective['obj-notify'].exercised).toBe(true);
	});

	it('reports decisions in scope, delivered and answered, phases reached and the share played', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(40));
		expect(scoresOf(d.state).soc.coverage).toEqual({
			decisionsInScope: 2,
			decisionsDelivered: 1,
			decisionsAnswered: 1,
			phasesReached: 1,
			phasesTotal: 2,
			// 40 scenario minutes of 120 wall minutes at compression 30
			scenarioPlayed: expect.closeTo(40 / (120 * 30), 9),
			endedEarly: false
		});
		d.do({ type: 'exercise.end' }, T0 + wallMin(41));
		expect(scoresOf(d.state).soc.coverage.endedEarly).toBe(true);
	});
});

describe('what a team sees of ratings', () => {
	/** Legal and SOC both rated, with reasons that must stay with staff until the debrief allows. */
	function rated(): Driver {
		const d = played();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(154));
		d.do(rate('S', 'REASON-legal'), T0 + wallMin(160), EVALUATOR);
		d.do(
			{
				type: 'rating.set',
				teamId: 'soc',
				objectiveId: 'obj-detect',
				rating: 'M',
				reason: 'REASON-soc',
				evidence: ['EVIDENCE-soc']
			},
			T0 + wallMin(161),
			EVALUATOR
		);
		return d;
	}
	const seen = (d: Driver, teamId: string) =>
		viewFor(d.state, { role: 'participant', teamId }, T0 + wallMin(200)) as TeamView;

	it('no rating, suggestion or reason reaches a team before the end, in hot wash included', () => {
		const d = rated();
		for (const step of [null, { type: 'exercise.hotwash' }] as (Command | null)[]) {
			if (step) d.do(step, T0 + wallMin(170));
			for (const team of ['legal', 'soc']) {
				const text = JSON.stringify(seen(d, team));
				expect(text, `${team} ${d.state.lifecycle}`).not.toMatch(
					/"rating"|"suggestion"|"ratings"|REASON-|EVIDENCE-|"Eve"/
				);
			}
		}
	});

	it('after the end a team sees only its own rating; other teams’ only when the debrief shares them', () => {
		const d = rated();
		d.do({ type: 'exercise.end' }, T0 + wallMin(170));
		const legal = seen(d, 'legal');
		expect(legal.score?.byObjective['obj-notify']).toMatchObject({ rating: 'S', reason: 'REASON-legal' });
		expect(JSON.stringify(legal)).not.toMatch(/REASON-soc|EVIDENCE-soc/);
		expect(legal.debrief?.otherTeams).toBeUndefined();
		d.do(
			{ type: 'debrief.set', debrief: { rationale: false, modelAnswers: false, otherTeams: true } },
			T0 + wallMin(171)
		);
		const shared = seen(d, 'legal');
		expect(shared.debrief?.otherTeams?.find((t) => t.teamId === 'soc')?.ratings['obj-detect']).toBe('M');
		// Other teams' final ratings only: never their suggestion, reason, evidence or evaluator.
		expect(JSON.stringify(shared.debrief)).not.toMatch(/"suggestion"|REASON-soc|EVIDENCE-soc|"Eve"/);
	});
});
