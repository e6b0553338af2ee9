import { describe, expect, it } from 'vitest';
import { Driver, FACILITATOR, T0, participant, testConfig, wallMin } from '../fixtures/harness';
import { testScenario } from '../fixtures/test-scenario';
import { replay, serializeState, deserializeState } from '../replay';
import { viewFor } from '../views';
import type { Command, FacilitatorView, MessageDraft, Scenario, TeamView } from '../types';

const M = 60_000;

function scenario(): Scenario {
	const s = testScenario();
	s.injects.push({
		id: 'story-runs',
		phase: 'p2',
		title: 'The story runs without your comment',
		body: 'Published.',
		channel: 'news',
		audience: ['comms'],
		artifacts: [],
		trigger: { kind: 'manual' },
		hold: false
	});
	s.clocks.push({
		id: 'quiet',
		name: 'Public notice hold',
		regime: 'Rule',
		description: 'No public statement.',
		visible: 'all',
		benchmark: false,
		kind: 'hold',
		owner: 'legal',
		start: { kind: 'inject', inject: 'story-runs' },
		stop: [],
		breaches: [{ kind: 'message', message: { channels: ['press'] } }],
		extensions: [],
		deadline: { amount: 1, unit: 'days' },
		scoring: { met: 1, missed: -3, objectives: ['obj-notify'] },
		sources: []
	});
	return {
		...s,
		personas: [
			{
				id: 'fbi',
				name: 'FBI field office for {{org}}',
				channel: 'filing',
				address: 'reporting facility',
				notes: 'PERSONA-NOTES',
				replies: [{ id: 'ack', label: 'Acknowledge', body: 'Received, {{org}}. An agent will call.' }]
			},
			{
				id: 'reporter',
				name: 'Dana Reyes, The Ledger',
				channel: 'phone',
				address: '+1 555 0100',
				replies: []
			}
		],
		approvals: [
			{ channels: ['press'], by: 'legal' },
			{ from: ['legal'], to: ['fbi'], by: 'soc' }
		],
		messageRubrics: [
			{
				id: 'report',
				title: 'The breach report',
				match: { from: ['legal'], to: ['fbi'] },
				objectives: ['obj-notify'],
				criteria: [
					{ id: 'content', label: 'Says what was taken', points: 3, guidance: 'RUBRIC-GUIDANCE' },
					{ id: 'approval', label: 'Approved first', points: 1, guidance: '' }
				]
			}
		],
		reactions: [
			{
				kind: 'when',
				match: { to: 'fbi', from: ['legal'], channel: 'filing' },
				action: { kind: 'stop', clock: 'fcc-notice' }
			},
			{
				kind: 'unless',
				match: { to: 'reporter', from: ['comms'] },
				by: 3 * 60 * M,
				action: { kind: 'release', inject: 'story-runs', delay: 0 }
			}
		]
	};
}

const report: MessageDraft = {
	channel: 'filing',
	to: ['fbi'],
	subject: 'CPNI breach report',
	body: 'Call records were taken.'
};
const statement: MessageDraft = {
	channel: 'press',
	to: ['reporter'],
	subject: 'Holding statement',
	body: 'We are investigating.'
};

function driver() {
	const d = new Driver(scenario(), testConfig());
	d.start();
	return d;
}
const as = (team: string) => participant(team);
const msg = (type: string, rest: Record<string, unknown>) => ({ type, ...rest }) as unknown as Command;
const team = (d: Driver, t: string) => viewFor(d.state, { role: 'participant', teamId: t }, T0) as TeamView;
const facilitator = (d: Driver) => viewFor(d.state, { role: 'facilitator' }, T0) as FacilitatorView;

describe('messages: drafts, approval and sending', () => {
	it('shares a draft within its team only, with its last editor, until it is submitted to the approving team', () => {
		const d = driver();
		d.do(msg('message.save', { messageId: 'm1', teamId: 'legal', draft: report }), T0 + 1000, as('legal'));
		d.do(
			msg('message.save', { messageId: 'm1', teamId: 'legal', draft: { ...report, body: 'Edited.' } }),
			T0 + 2000,
			{ role: 'participant', teamId: 'legal', name: 'Second counsel' }
		);
		const legal = team(d, 'legal').messages;
		expect(legal).toHaveLength(1);
		expect(legal[0]).toMatchObject({ body: 'Edited.', lastEditor: 'Second counsel', status: 'draft' });
		expect(legal[0].approval?.teamName).toBe('SOC');
		expect(team(d, 'soc').messages).toEqual([]);
		expect(team(d, 'comms').messages).toEqual([]);
		expect(viewFor(d.state, { role: 'observer' }, T0)).toMatchObject({ messages: [] });

		d.do(msg('message.submit', { messageId: 'm1', teamId: 'legal' }), T0 + 3000, as('legal'));
		const soc = team(d, 'soc').messages;
		expect(soc).toHaveLength(1);
		expect(soc[0]).toMatchObject({ subject: 'CPNI breach report', status: 'submitted' });
		expect(soc[0]).not.toHaveProperty('lastEditor');
		expect(team(d, 'comms').messages).toEqual([]);
	});

	it('refuses to send before approval, naming the approving team, and stops the clock at the send time', () => {
		const d = driver();
		d.answer('legal', 'd-determination', { type: 'single', option: 'yes' }, T0 + wallMin(125));
		expect(d.state.clocks['fcc-notice'].status).toBe('running');
		d.do(
			msg('message.save', { messageId: 'm1', teamId: 'legal', draft: report }),
			T0 + wallMin(130),
			as('legal')
		);
		const early = d.try(
			msg('message.send', { messageId: 'm1', teamId: 'legal' }),
			T0 + wallMin(131),
			as('legal')
		);
		expect(early).toMatchObject({
			ok: false,
			error: { message: '"CPNI breach report" needs approval by SOC before it goes out' }
		});
		d.do(msg('message.submit', { messageId: 'm1', teamId: 'legal' }), T0 + wallMin(132), as('legal'));
		const other = d.try(
			msg('message.approve', { messageId: 'm1', teamId: 'comms' }),
			T0 + wallMin(133),
			as('comms')
		);
		expect(other).toMatchObject({ ok: false, error: { code: 'message/not_found' } });
		const forged = d.try(
			msg('message.approve', { messageId: 'm1', teamId: 'soc' }),
			T0 + wallMin(133),
			as('legal')
		);
		expect(forged).toMatchObject({ ok: false, error: { code: 'command/forbidden' } });
		d.do(
			msg('message.approve', { messageId: 'm1', teamId: 'soc', comment: 'Go' }),
			T0 + wallMin(134),
			as('soc')
		);
		d.do(msg('message.send', { messageId: 'm1', teamId: 'legal' }), T0 + wallMin(140), as('legal'));

		const sentAt = 140 * M;
		expect(d.state.clocks['fcc-notice']).toMatchObject({ status: 'met', stoppedAt: sentAt });
		const [m] = team(d, 'legal').messages;
		expect(m.status).toBe('sent');
		expect(m.sentAt).toBe(sentAt);
		expect(m.steps.map((s) => [s.kind, s.scenarioAt])).toEqual([
			['drafted', 130 * M],
			['submitted', 132 * M],
			['approved', 134 * M],
			['sent', sentAt]
		]);
		expect(m.steps[2]).toMatchObject({ teamId: 'soc', comment: 'Go', by: 'soc-member' });
		const timeline = facilitator(d)
			.timeline.filter((e) => e.kind === 'message')
			.map((e) => e.text);
		expect(timeline).toEqual([
			'Legal submitted "CPNI breach report" for approval by SOC',
			'SOC approved "CPNI breach report" from Legal',
			'Legal sent "CPNI breach report" to FBI field office for Acme'
		]);
	});

	it('sends a message back with a comment; the edit goes back to the drafts, out of the approver’s sight', () => {
		const d = driver();
		d.do(msg('message.save', { messageId: 'm1', teamId: 'legal', draft: report }), T0 + 1000, as('legal'));
		d.do(msg('message.submit', { messageId: 'm1', teamId: 'legal' }), T0 + 2000, as('legal'));
		const empty = d.try(
			msg('message.return', { messageId: 'm1', teamId: 'soc', comment: ' ' }),
			T0 + 3000,
			as('soc')
		);
		expect(empty).toMatchObject({
			ok: false,
			error: { message: 'say why you are sending it back: the comment is empty' }
		});
		d.do(
			msg('message.return', { messageId: 'm1', teamId: 'soc', comment: 'Add the dates' }),
			T0 + 3000,
			as('soc')
		);
		expect(team(d, 'soc').messages[0].status).toBe('returned');
		expect(team(d, 'legal').messages[0].steps.at(-1)).toMatchObject({
			kind: 'returned',
			comment: 'Add the dates'
		});
		d.do(
			msg('message.save', { messageId: 'm1', teamId: 'legal', draft: { ...report, body: 'Secret redraft' } }),
			T0 + 4000,
			as('legal')
		);
		expect(JSON.stringify(team(d, 'soc'))).not.toContain('Secret redraft');
	});

	it('lets the facilitator reply as a persona from a template; the author team sees it, the approver does not', () => {
		const d = driver();
		d.do(msg('message.save', { messageId: 'm1', teamId: 'legal', draft: report }), T0 + 1000, as('legal'));
		d.do(msg('message.submit', { messageId: 'm1', teamId: 'legal' }), T0 + 2000, as('legal'));
		d.do(msg('message.approve', { messageId: 'm1', teamId: 'soc' }), T0 + 3000, as('soc'));
		d.do(msg('message.send', { messageId: 'm1', teamId: 'legal' }), T0 + 4000, as('legal'));
		const byTeam = d.try(
			msg('message.reply', { messageId: 'm1', persona: 'fbi', body: 'x' }),
			T0 + 5000,
			as('legal')
		);
		expect(byTeam).toMatchObject({ ok: false, error: { code: 'command/forbidden' } });
		const tpl = facilitator(d).personas.find((p) => p.id === 'fbi')!.replies[0];
		expect(tpl.body).toBe('Received, Acme. An agent will call.');
		d.do(
			msg('message.reply', { messageId: 'm1', persona: 'fbi', body: tpl.body, template: 'ack' }),
			T0 + 6000,
			FACILITATOR
		);
		const reply = team(d, 'legal').messages[0].steps.at(-1)!;
		expect(reply).toMatchObject({ kind: 'reply', personaName: 'FBI field office for Acme', body: tpl.body });
		expect(team(d, 'soc').messages[0].steps.map((s) => s.kind)).not.toContain('reply');
		expect(JSON.stringify(team(d, 'legal'))).not.toContain('PERSONA-NOTES');
		expect(team(d, 'legal').personas.find((p) => p.id === 'fbi')).toEqual({
			id: 'fbi',
			name: 'FBI field office for Acme',
			channel: 'filing',
			address: 'reporting facility'
		});
	});

	it('delivers a message to another team only once it is sent', () => {
		const d = driver();
		const note: MessageDraft = { channel: 'chat', to: ['soc'], subject: 'Need logs', body: 'Please send.' };
		d.do(msg('message.save', { messageId: 'm2', teamId: 'comms', draft: note }), T0 + 1000, as('comms'));
		expect(team(d, 'soc').messages).toEqual([]);
		d.do(msg('message.send', { messageId: 'm2', teamId: 'comms' }), T0 + 2000, as('comms'));
		expect(team(d, 'soc').messages.map((m) => [m.subject, m.teamName, m.steps.map((s) => s.kind)])).toEqual([
			['Need logs', 'Comms', ['sent']]
		]);
	});
});

describe('messages: reactions', () => {
	it('releases an inject to a team that has not written to the persona by the time', () => {
		const d = driver();
		d.tick(T0 + wallMin(181));
		expect(team(d, 'comms').feed.map((i) => i.id)).toContain('story-runs');
	});

	it('calls the reaction off for a team that wrote in time (after approval)', () => {
		const d = driver();
		d.do(msg('message.save', { messageId: 's1', teamId: 'comms', draft: statement }), T0 + 1000, as('comms'));
		expect(facilitator(d).jump.upcoming.map((u) => u.text)).toContain(
			'If Comms has not written to Dana Reyes, The Ledger: "The story runs without your comment" reaches Comms'
		);
		d.do(msg('message.submit', { messageId: 's1', teamId: 'comms' }), T0 + 2000, as('comms'));
		d.do(msg('message.approve', { messageId: 's1', teamId: 'legal' }), T0 + 3000, as('legal'));
		d.do(msg('message.send', { messageId: 's1', teamId: 'comms' }), T0 + 4000, as('comms'));
		d.tick(T0 + wallMin(200));
		expect(team(d, 'comms').feed.map((i) => i.id)).not.toContain('story-runs');
	});
});

describe('messages: checks', () => {
	it('names what is wrong, never an internal id', () => {
		const d = driver();
		const cases: [Command, string][] = [
			[
				msg('message.send', { messageId: 'nope', teamId: 'legal' }),
				'that message does not exist or is not your team’s to act on'
			],
			[
				msg('message.save', { messageId: 'x', teamId: 'legal', draft: { ...report, channel: 'fax' } }),
				'channel must be one of email, phone, press, filing, chat'
			],
			[
				msg('message.save', { messageId: 'x', teamId: 'legal', draft: { ...report, to: ['legal'] } }),
				'a team cannot send a message to itself'
			],
			[
				msg('message.save', {
					messageId: 'x',
					teamId: 'legal',
					draft: { ...report, attachments: ['alert'] }
				}),
				'an attachment is not in your team’s feed'
			]
		];
		for (const [command, message] of cases)
			expect(d.try(command, T0 + 1000, as('legal'))).toMatchObject({ ok: false, error: { message } });
		d.do(
			msg('message.save', { messageId: 'm', teamId: 'legal', draft: { ...report, subject: '' } }),
			T0 + 1000,
			as('legal')
		);
		expect(
			d.try(msg('message.submit', { messageId: 'm', teamId: 'legal' }), T0 + 1000, as('legal'))
		).toMatchObject({
			ok: false,
			error: { message: 'give the message a subject before sending' }
		});
		const other = d.try(
			msg('message.save', { messageId: 'm', teamId: 'soc', draft: report }),
			T0 + 1000,
			as('soc')
		);
		expect(other).toMatchObject({ ok: false, error: { code: 'message/not_found' } });
	});

	it('keeps messages through a snapshot and a replay', () => {
		const d = driver();
		d.do(msg('message.save', { messageId: 'm1', teamId: 'legal', draft: report }), T0 + 1000, as('legal'));
		d.do(msg('message.submit', { messageId: 'm1', teamId: 'legal' }), T0 + 2000, as('legal'));
		const restored = deserializeState(serializeState(d.state), d.state.scenario);
		const view = (s: typeof d.state) => viewFor(s, { role: 'participant', teamId: 'soc' }, T0 + 5000);
		expect(view(restored)).toEqual(view(d.state));
		const inputs = [
			{ seq: 1, at: T0, key: 'a', actor: FACILITATOR, command: { type: 'exercise.start' } as Command },
			{
				seq: 2,
				at: T0 + 1000,
				key: 'b',
				actor: as('legal'),
				command: msg('message.save', { messageId: 'm1', teamId: 'legal', draft: report })
			}
		];
		const replayed = replay(d.state.scenario, testConfig(), inputs);
		expect(team({ state: replayed } as Driver, 'legal').messages[0].subject).toBe('CPNI breach report');
	});
});

describe('messages: a press statement during a hold', () => {
	it('breaches the hold at the send time, shows it to staff on the message and never to a team', () => {
		const d = driver();
		d.do({ type: 'inject.release', injectId: 'story-runs' } as Command, T0 + 500, FACILITATOR);
		expect(facilitator(d).clocks.find((c) => c.id === 'quiet')?.status).toBe('running');
		d.do(msg('message.save', { messageId: 's1', teamId: 'comms', draft: statement }), T0 + 1000, as('comms'));
		d.do(msg('message.submit', { messageId: 's1', teamId: 'comms' }), T0 + 2000, as('comms'));
		d.do(msg('message.approve', { messageId: 's1', teamId: 'legal' }), T0 + 3000, as('legal'));
		// Approved is not published: the hold still runs.
		expect(facilitator(d).clocks.find((c) => c.id === 'quiet')?.status).toBe('running');
		d.do(msg('message.send', { messageId: 's1', teamId: 'comms' }), T0 + 4000, as('comms'));
		const f = facilitator(d);
		const sentAt = f.messages[0].sentAt;
		expect(f.clocks.find((c) => c.id === 'quiet')).toMatchObject({ status: 'breached', stoppedAt: sentAt });
		expect(f.messages[0].breaches).toEqual([{ clockId: 'quiet', name: 'Public notice hold' }]);
		expect(f.timeline.map((t) => t.text)).toContain(
			'Comms sent "Holding statement" while Public notice hold was in force: the hold is breached'
		);
		expect(f.scores.legal.entries.find((e) => e.id === 'clock:quiet')).toMatchObject({
			points: -3,
			objectives: ['obj-notify']
		});
		const staff = viewFor(d.state, { role: 'evaluator' }, T0) as { messages: { breaches?: unknown }[] };
		expect(staff.messages[0].breaches).toHaveLength(1);
		expect(team(d, 'comms').messages[0]).not.toHaveProperty('breaches');
		expect(team(d, 'legal').messages[0]).not.toHaveProperty('breaches');
	});

	it('leaves a hold alone when the statement goes out before it is in force', () => {
		const d = driver();
		d.do(msg('message.save', { messageId: 's1', teamId: 'comms', draft: statement }), T0 + 1000, as('comms'));
		d.do(msg('message.submit', { messageId: 's1', teamId: 'comms' }), T0 + 2000, as('comms'));
		d.do(msg('message.approve', { messageId: 's1', teamId: 'legal' }), T0 + 3000, as('legal'));
		d.do(msg('message.send', { messageId: 's1', teamId: 'comms' }), T0 + 4000, as('comms'));
		d.do({ type: 'inject.release', injectId: 'story-runs' } as Command, T0 + 5000, FACILITATOR);
		expect(facilitator(d).clocks.find((c) => c.id === 'quiet')?.status).toBe('running');
		expect(facilitator(d).messages[0]).not.toHaveProperty('breaches');
	});
});

describe('messages: marked against a rubric', () => {
	const EVALUATOR = { role: 'evaluator' as const, name: 'Eva' };
	function sentReport() {
		const d = driver();
		d.do(msg('message.save', { messageId: 'm1', teamId: 'legal', draft: report }), T0 + 1000, as('legal'));
		d.do(msg('message.submit', { messageId: 'm1', teamId: 'legal' }), T0 + 2000, as('legal'));
		d.do(msg('message.approve', { messageId: 'm1', teamId: 'soc' }), T0 + 3000, as('soc'));
		return d;
	}

	it('refuses marks on an unsent message, from a participant, for an unknown criterion or out of range', () => {
		const d = sentReport();
		const mark = (marks: Record<string, number>) => msg('message.mark', { messageId: 'm1', marks });
		expect(d.try(mark({ content: 1 }), T0 + 3500, EVALUATOR)).toMatchObject({
			ok: false,
			error: { message: 'only a message that has been sent can be marked' }
		});
		d.do(msg('message.send', { messageId: 'm1', teamId: 'legal' }), T0 + 4000, as('legal'));
		expect(d.try(mark({ content: 1 }), T0 + 5000, as('legal'))).toMatchObject({
			ok: false,
			error: { code: 'command/forbidden' }
		});
		expect(d.try(mark({ tone: 1 }), T0 + 5000, EVALUATOR)).toMatchObject({
			ok: false,
			error: { message: 'one of the marks is for a criterion "The breach report" does not have' }
		});
		expect(d.try(mark({ content: 2 }), T0 + 5000, EVALUATOR)).toMatchObject({
			ok: false,
			error: { message: 'each mark must be a number from 0 to 1' }
		});
		d.do(msg('message.save', { messageId: 's1', teamId: 'comms', draft: statement }), T0 + 6000, as('comms'));
		d.do(msg('message.submit', { messageId: 's1', teamId: 'comms' }), T0 + 6000, as('comms'));
		d.do(msg('message.approve', { messageId: 's1', teamId: 'legal' }), T0 + 6000, as('legal'));
		d.do(msg('message.send', { messageId: 's1', teamId: 'comms' }), T0 + 6000, as('comms'));
		expect(
			d.try(msg('message.mark', { messageId: 's1', marks: { content: 1 } }), T0 + 7000, EVALUATOR)
		).toMatchObject({
			ok: false,
			error: { message: '"Holding statement" matches none of the scenario’s message rubrics' }
		});
	});

	it('scores the marks for the author team; evaluators and the facilitator see them, teams and observers never', () => {
		const d = sentReport();
		expect(facilitator(d).scores.legal.entries.find((e) => e.id === 'message:report:legal')).toMatchObject({
			pending: true,
			evidence: 'not sent yet'
		});
		d.do(msg('message.send', { messageId: 'm1', teamId: 'legal' }), T0 + 4000, as('legal'));
		d.do(
			msg('message.mark', { messageId: 'm1', marks: { content: 1, approval: 0 }, note: 'No dates given.' }),
			T0 + 5000,
			EVALUATOR
		);
		const entry = facilitator(d).scores.legal.entries.find((e) => e.id === 'message:report:legal');
		expect(entry).toMatchObject({ points: 3, maxPoints: 4, objectives: ['obj-notify'] });
		expect(entry).not.toHaveProperty('pending');
		expect(entry?.evidence).toContain('No dates given.');
		expect(facilitator(d).messages[0]).toMatchObject({
			rubric: { id: 'report', title: 'The breach report' },
			mark: {
				marks: { content: 1, approval: 0 },
				note: 'No dates given.',
				by: 'Eva',
				points: 3,
				maxPoints: 4
			}
		});
		const evaluator = viewFor(d.state, EVALUATOR, T0) as unknown as { messages: Record<string, unknown>[] };
		expect(evaluator.messages[0]).toHaveProperty('mark');
		expect(JSON.stringify(evaluator.messages[0])).toContain('RUBRIC-GUIDANCE');
		for (const view of [viewFor(d.state, { role: 'observer' }, T0), team(d, 'legal'), team(d, 'soc')]) {
			const text = JSON.stringify(view);
			expect(text).not.toContain('RUBRIC-GUIDANCE');
			expect(text).not.toContain('No dates given.');
			expect(text).not.toContain('Says what was taken');
		}
		// Marks survive a snapshot.
		const restored = deserializeState(serializeState(d.state), d.state.scenario);
		expect(viewFor(restored, { role: 'facilitator' }, T0)).toEqual(facilitator(d));
	});
});
