import { describe, expect, it } from 'vitest';
import { Driver, T0, testConfig, wallMin } from './fixtures/harness';
import { testScenario } from './fixtures/test-scenario';
import { scoresOf } from './scoring';
import type { FacilitatorView, ObserverView, TeamView } from './types';
import { viewFor } from './views';

function played(): Driver {
	const d = new Driver();
	d.start();
	d.tick(T0 + wallMin(200));
	d.answer('comms', 'd-statement', { type: 'text', text: 'COMMS-ANSWER-MARKER' }, T0 + wallMin(201));
	d.do(
		{
			type: 'inject.adhoc',
			inject: {
				id: 'ah',
				title: 'Ad hoc',
				body: 'b',
				channel: 'chat',
				audience: ['soc'],
				facilitatorNotes: 'FAC-SECRET-adhoc'
			}
		},
		T0 + wallMin(202)
	);
	d.do({ type: 'note.add', noteId: 'n1', text: 'Observer note' }, T0 + wallMin(202), { role: 'observer' });
	return d;
}

describe('views', () => {
	it('gives a team only its own feed and decisions, with labels and no points or rationale', () => {
		const d = played();
		const v = viewFor(d.state, { role: 'participant', teamId: 'soc' }, T0 + wallMin(203)) as TeamView;
		expect(v.kind).toBe('team');
		expect(v.feed.map((f) => f.id)).toEqual(['alert', 'followup', 'news', 'reminder', 'ah']);
		const json = JSON.stringify(v);
		for (const secret of [
			'COMMS-ANSWER-MARKER',
			'FAC-SECRET',
			'RATIONALE-monitor',
			'GUIDANCE-accuracy',
			'"points"'
		])
			expect(json).not.toContain(secret);
		expect(v.decisions[0].options[0]).toEqual({ id: 'monitor', label: 'Monitor quietly' });
		expect(v.score).toBeUndefined();
	});

	it('never shows a ranking in its scored order (observation: an untouched ranking scored full marks)', () => {
		const scenario = testScenario();
		const ranking = scenario.injects.find((i) => i.id === 'comms-rank')!.decision!;
		ranking.options = ranking.ranking!.order.map((id) => ranking.options.find((o) => o.id === id)!);
		for (const exerciseId of ['ex-1', 'ex-2', 'ex-3']) {
			const d = new Driver(scenario, testConfig({ exerciseId }));
			d.start();
			d.tick(T0 + wallMin(151));
			const v = viewFor(d.state, { role: 'participant', teamId: 'comms' }, T0 + wallMin(151)) as TeamView;
			const shown = v.decisions.find((x) => x.id === 'd-priorities')!.options.map((o) => o.id);
			expect(shown).not.toEqual(ranking.ranking!.order);
			d.answer('comms', 'd-priorities', { type: 'ranking', order: shown }, T0 + wallMin(152));
			const e = scoresOf(d.state).comms.entries.find((x) => x.id === 'decision:d-priorities:comms')!;
			expect(e.points).toBeLessThan(e.maxPoints);
		}
	});

	it('fills templates from config variables, falling back to scenario defaults', () => {
		const v = viewFor(played().state, { role: 'participant', teamId: 'soc' }, T0) as TeamView;
		expect(v.feed[0].body).toBe('Body of alert for Acme');
		expect(v.feed[0].sender).toBe('NOC bot at Acme');
		expect(v.feed[0].artifacts[0]).toMatchObject({ title: 'Acme syslog', content: 'router in Dallas' });
		expect(v.header.title).toBe('Test scenario for Acme');
	});

	it('shows the team its own phase and, once ended, its own score only', () => {
		const d = played();
		const soc = viewFor(d.state, { role: 'participant', teamId: 'soc' }, T0) as TeamView;
		expect(soc.header.currentPhase?.title).toBe('Detection at Acme');
		d.do({ type: 'exercise.end' }, T0 + wallMin(210));
		const ended = viewFor(d.state, { role: 'participant', teamId: 'comms' }, T0 + wallMin(210)) as TeamView;
		expect(ended.score?.teamId).toBe('comms');
		// Other teams appear only in the directory of message recipients (names, as the lobby shows them).
		const { teams, ...rest } = ended;
		expect(teams.map((t) => t.name)).toEqual(['SOC', 'Legal', 'Comms']);
		expect(JSON.stringify(rest)).not.toContain('"soc"');
	});

	it('gives observers every team without facilitator notes, guidance or scores', () => {
		const v = viewFor(played().state, { role: 'observer' }, T0) as ObserverView;
		expect(v.teams.map((t) => t.team.id)).toEqual(['soc', 'legal', 'comms']);
		const json = JSON.stringify(v);
		expect(json).toContain('COMMS-ANSWER-MARKER');
		expect(json).not.toContain('FAC-SECRET');
		expect(json).not.toContain('GUIDANCE-accuracy');
		expect(v.scores).toBeUndefined();
		expect(v.notes.map((n) => n.text)).toEqual(['Observer note']);
	});

	it('gives evaluators decision definitions and live scores', () => {
		const v = viewFor(played().state, { role: 'evaluator' }, T0) as ObserverView;
		expect(JSON.stringify(v.decisions)).toContain('GUIDANCE-accuracy');
		expect(Object.keys(v.scores ?? {})).toEqual(['soc', 'legal', 'comms']);
		expect(JSON.stringify(v)).not.toContain('FAC-SECRET');
	});

	it('gives the facilitator inject statuses per team, the timeline and the next due time', () => {
		const v = viewFor(played().state, { role: 'facilitator' }, T0) as FacilitatorView;
		const held = v.injects.find((i) => i.id === 'held-brief')!;
		expect(held.teams).toEqual({
			soc: { status: 'held', dueAt: 180 * 60_000 },
			comms: { status: 'held', dueAt: 180 * 60_000 }
		});
		expect(v.injects.find((i) => i.id === 'escalate')!.teams.soc.status).toBe('upcoming');
		expect(v.injects.find((i) => i.id === 'alert')!.facilitatorNotes).toBe('FAC-SECRET-alert');
		expect(v.injects.find((i) => i.id === 'ah')).toMatchObject({
			adhoc: true,
			facilitatorNotes: 'FAC-SECRET-adhoc'
		});
		expect(v.timeline[0].text).toBe('Exercise started');
		expect(v.nextDueAt).toBeTypeOf('number');
	});

	it("carries the in-world start of the scenario in every role's header", () => {
		const state = played().state;
		const viewers = [
			{ role: 'facilitator' },
			{ role: 'observer' },
			{ role: 'evaluator' },
			{ role: 'participant', teamId: 'soc' }
		] as const;
		for (const viewer of viewers) expect(viewFor(state, viewer, T0).header.startsAt).toBe('2024-10-10T08:00');
	});

	it('shows the current rubric marks to the facilitator and evaluators only', () => {
		const d = played();
		d.do(
			{
				type: 'rubric.mark',
				decisionId: 'd-statement',
				teamId: 'comms',
				marks: { accuracy: 1, tone: 0.5 },
				note: 'MARK-NOTE'
			},
			T0 + wallMin(203),
			{ role: 'evaluator', name: 'Eve' }
		);
		const statementOf = (panels: { team: { id: string }; decisions: { id: string }[] }[]) =>
			panels.find((p) => p.team.id === 'comms')!.decisions.find((x) => x.id === 'd-statement');
		const facilitator = viewFor(d.state, { role: 'facilitator' }, T0) as FacilitatorView;
		const evaluator = viewFor(d.state, { role: 'evaluator' }, T0) as ObserverView;
		for (const v of [facilitator, evaluator])
			expect(statementOf(v.teams)).toMatchObject({
				marks: { accuracy: 1, tone: 0.5 },
				markNote: 'MARK-NOTE',
				markedBy: 'Eve'
			});
		const observer = viewFor(d.state, { role: 'observer' }, T0) as ObserverView;
		expect(statementOf(observer.teams)).not.toHaveProperty('marks');
		const participant = viewFor(d.state, { role: 'participant', teamId: 'comms' }, T0) as TeamView;
		const own = participant.decisions.find((x) => x.id === 'd-statement')!;
		expect(own.answer).toBeDefined();
		expect(own).not.toHaveProperty('marks');
		for (const json of [JSON.stringify(participant), JSON.stringify(observer)]) {
			expect(json).not.toContain('"marks"');
			expect(json).not.toContain('MARK-NOTE');
		}
	});

	it('refuses a view for a team not in the exercise', () => {
		expect(() => viewFor(played().state, { role: 'participant', teamId: 'exec' }, T0)).toThrow(
			/not taking part/
		);
	});
});
