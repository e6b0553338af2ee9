import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from './index';
import { parseAnswerScript } from '../answer-script';
import { runSimulation } from '../simulate';

const base = `id: mini
version: "1.0"
title: Mini
summary: A small scenario.
audience: Tests
duration: 4h
compression: 6
startsAt: "2024-10-08T09:00"
teams:
  - { id: legal, name: Legal }
  - { id: exec, name: Executives }
  - { id: comms, name: Comms }
phases:
  - { id: p1, title: One }
injects:
  - { id: memo, phase: p1, title: Memo, channel: memo, to: [legal], trigger: { at: 10m }, body: Text. }
  - { id: story, phase: p1, title: The story runs, channel: news, to: [comms], trigger: manual, body: Text. }
clocks:
  - id: report
    name: Breach report
    regime: Rule
    owner: legal
    starts: { inject: memo }
    stops: [{ inject: story }]
    deadline: 7 business days
    scoring: { met: 1, missed: -1 }
personas:
  - id: fbi
    name: FBI
    channel: filing
    address: reporting facility
    replies: [{ id: ack, label: Receipt, body: "Received by {{org}}." }]
  - { id: reporter, name: A reporter, channel: email, address: r@example.org }
approvals:
  - { from: legal, to: [fbi], by: exec }
  - { channels: [press], by: exec }
reactions:
  - when: { to: fbi, from: legal, channel: filing }
    stop: report
  - unless: { to: reporter, from: comms, by: 2h }
    release: story
variables:
  org: { label: Organisation, default: Acme }
`;

const issues = (text: string) => parseScenario(text, 'mini.yaml').issues.map(formatIssue);

describe('scenario personas, approvals and reactions', () => {
	it('parses them into the engine’s form', () => {
		const { scenario } = parseScenario(base, 'mini.yaml');
		expect(issues(base)).toEqual([]);
		expect(scenario?.personas?.[0]).toMatchObject({ id: 'fbi', channel: 'filing', replies: [{ id: 'ack' }] });
		expect(scenario?.approvals).toEqual([
			{ from: ['legal'], to: ['fbi'], by: 'exec' },
			{ channels: ['press'], by: 'exec' }
		]);
		expect(scenario?.reactions).toEqual([
			{
				kind: 'when',
				match: { to: 'fbi', from: ['legal'], channel: 'filing' },
				action: { kind: 'stop', clock: 'report' }
			},
			{
				kind: 'unless',
				match: { to: 'reporter', from: ['comms'] },
				by: 2 * 3_600_000,
				action: { kind: 'release', inject: 'story', delay: 0 }
			}
		]);
	});

	it('names unknown personas, teams, injects and clocks, and impossible reactions', () => {
		const broken = base
			.replace('to: [fbi], by: exec', 'to: [fbii], by: exc')
			.replace('when: { to: fbi, from: legal', 'when: { to: fib, from: legl')
			.replace('release: story', 'release: story\n    stop: report')
			.replace('- { id: reporter, name', '- { id: legal, name');
		expect(issues(broken)).toEqual(
			expect.arrayContaining([
				expect.stringContaining('approvals[0].to[0]: unknown persona or team "fbii" (did you mean "fbi"?)'),
				expect.stringContaining('approvals[0].by: unknown team "exc" (did you mean "exec"?)'),
				expect.stringContaining('reactions[0].when.to: unknown persona "fib" (did you mean "fbi"?)'),
				expect.stringContaining('reactions[0].when.from: unknown team "legl" (did you mean "legal"?)'),
				expect.stringContaining('reactions[1]: a reaction needs exactly one of release, start or stop'),
				expect.stringContaining('personas[1].id: persona id "legal" is also a team id')
			])
		);
		expect(issues(base.replace('channel: filing }\n    stop', 'channel: fax }\n    stop'))).toEqual([
			expect.stringContaining(
				'reactions[0].when.channel: "fax" is not one of: email, phone, press, filing, chat'
			)
		]);
	});

	it('lets an answer script send messages: approval on the route, the clock stopped at the send time', () => {
		const { scenario } = parseScenario(base, 'mini.yaml');
		const script = parseAnswerScript(
			`answers: []
messages:
  - { team: legal, to: fbi, at: 1h, subject: CPNI report, body: Records were taken. }
  - { team: comms, to: reporter, channel: press, at: 3h, subject: Statement, body: Investigating. }
`,
			'script.yaml'
		);
		expect(script.issues).toEqual([]);
		const result = runSimulation(scenario!, script.script!);
		expect(result.clocks.find((c) => c.id === 'report')).toMatchObject({
			status: 'met',
			stoppedAt: 3_600_000
		});
		expect(result.timeline.filter((r) => r.kind === 'message').map((r) => r.text)).toEqual([
			'Legal sent "CPNI report" to FBI',
			'Comms sent "Statement" to A reporter'
		]);
		// Comms wrote after the 2h mark, so the story ran for it.
		expect(result.timeline.some((r) => r.inject === 'story' && r.team === 'comms')).toBe(true);
	});

	it('reports a scripted message to an unknown recipient', () => {
		const { scenario } = parseScenario(base, 'mini.yaml');
		const script = parseAnswerScript(
			`answers: []\nmessages:\n  - { team: legal, to: fbx, at: 1h, subject: S, body: B }\n`,
			'script.yaml'
		).script!;
		expect(() => runSimulation(scenario!, script)).toThrow(
			'script.yaml:3 messages[0].to: "fbx" is neither a persona of mini nor a team in this script'
		);
	});
});

describe('holds breached by a message', () => {
	const withHold = base.replace(
		'personas:',
		`  - id: quiet
    name: Public notice hold
    regime: Rule
    kind: hold
    owner: exec
    starts: { inject: memo }
    breaches: [{ message: { channels: [press] } }, { message: { from: legal, to: [reporter] } }]
    deadline: 1 day
    scoring: { met: 2, missed: -4 }
personas:`
	);

	it('parses a message condition into the engine’s form', () => {
		expect(issues(withHold)).toEqual([]);
		const clock = parseScenario(withHold, 'mini.yaml').scenario!.clocks.find((c) => c.id === 'quiet');
		expect(clock?.breaches).toEqual([
			{ kind: 'message', message: { channels: ['press'] } },
			{ kind: 'message', message: { from: ['legal'], to: ['reporter'] } }
		]);
	});

	it('refuses a message condition outside a hold’s breaches, an empty one and unknown names', () => {
		const broken = withHold
			.replace('stops: [{ inject: story }]', 'stops: [{ message: { channels: [press] } }]')
			.replace('{ message: { channels: [press] } }, {', '{ message: {} }, {')
			.replace('from: legal, to: [reporter]', 'from: legl, to: [reportr]');
		expect(issues(broken)).toEqual(
			expect.arrayContaining([
				expect.stringContaining(
					'clocks[0].stops[0]: a message condition only breaches a hold: to start or stop a clock on a message, write a reaction'
				),
				expect.stringContaining(
					'clocks[1].breaches[0].message: say which messages breach the hold: give from, to or channels'
				),
				expect.stringContaining(
					'clocks[1].breaches[1].message.from: unknown team "legl" (did you mean "legal"?)'
				),
				expect.stringContaining(
					'clocks[1].breaches[1].message.to[0]: unknown persona or team "reportr" (did you mean "reporter"?)'
				)
			])
		);
	});

	it('breaches the hold at the send time of a press statement sent while it is in force, and says so', () => {
		const { scenario } = parseScenario(withHold, 'mini.yaml');
		const script = parseAnswerScript(
			`answers: []
messages:
  - { team: comms, to: reporter, at: 1h, subject: Reply, body: We are looking into it. }
  - { team: comms, to: reporter, channel: press, at: 3h, subject: Statement, body: We were breached. }
`,
			'script.yaml'
		);
		const result = runSimulation(scenario!, script.script!);
		// The e-mail reply matched no breach; the press statement at 3h did.
		expect(result.clocks.find((c) => c.id === 'quiet')).toMatchObject({
			status: 'breached',
			stoppedAt: 3 * 3_600_000
		});
		expect(result.timeline.filter((r) => r.kind === 'message').map((r) => r.text)).toContain(
			'Comms sent "Statement" while Public notice hold was in force: the hold is breached'
		);
		expect(result.scores.exec.entries.find((e) => e.id === 'clock:quiet')).toMatchObject({ points: -4 });
	});
});

describe('message rubrics', () => {
	const withRubric = base.replace(
		'variables:',
		`objectives:
  - { id: obj-notify, title: Notify }
messageRubrics:
  - id: report
    title: The breach report
    match: { from: legal, to: [fbi] }
    objectives: [obj-notify]
    criteria:
      - { id: content, label: Says what was taken, points: 3, guidance: SECRET-GUIDANCE }
      - { id: approval, label: Approved first, points: 1 }
variables:`
	);
	const script = (marks: string) =>
		parseAnswerScript(
			`answers: []\nmessages:\n  - { team: legal, to: fbi, at: 1h, subject: CPNI report, body: Records were taken.${marks} }\n`,
			'script.yaml'
		);

	it('parses rubrics and refuses unknown names, duplicate criteria and an empty match', () => {
		expect(issues(withRubric)).toEqual([]);
		expect(parseScenario(withRubric, 'mini.yaml').scenario?.messageRubrics).toEqual([
			{
				id: 'report',
				title: 'The breach report',
				match: { from: ['legal'], to: ['fbi'] },
				objectives: ['obj-notify'],
				criteria: [
					{ id: 'content', label: 'Says what was taken', points: 3, guidance: 'SECRET-GUIDANCE' },
					{ id: 'approval', label: 'Approved first', points: 1, guidance: '' }
				]
			}
		]);
		const broken = withRubric
			.replace('match: { from: legal, to: [fbi] }', 'match: { to: [fbx] }')
			.replace('objectives: [obj-notify]\n    criteria', 'objectives: [obj-notfy]\n    criteria')
			.replace('{ id: approval, label', '{ id: content, label');
		expect(issues(broken)).toEqual(
			expect.arrayContaining([
				expect.stringContaining(
					'messageRubrics[0].match.to[0]: unknown persona or team "fbx" (did you mean "fbi"?)'
				),
				expect.stringContaining(
					'messageRubrics[0].objectives[0]: unknown objective "obj-notfy" (did you mean "obj-notify"?)'
				),
				expect.stringContaining(
					'messageRubrics[0].criteria[1].id: duplicate criterion id "content" in "report"'
				)
			])
		);
		expect(issues(withRubric.replace('match: { from: legal, to: [fbi] }', 'match: {}'))).toEqual([
			expect.stringContaining(
				'messageRubrics[0].match: say which messages the rubric marks: give from, to or channels'
			)
		]);
	});

	it('scores a scripted message’s marks for its team, against the rubric’s objectives', () => {
		const { scenario } = parseScenario(withRubric, 'mini.yaml');
		const played = runSimulation(scenario!, script(', marks: { content: 0.5, approval: 1 }').script!);
		expect(played.scores.legal.entries.find((e) => e.id === 'message:report:legal')).toMatchObject({
			points: 2.5,
			maxPoints: 4,
			objectives: ['obj-notify'],
			rule: 'Message "The breach report": Says what was taken 0.5×3, Approved first 1×1'
		});
		expect(played.timeline.map((r) => r.text)).toContain(
			'script marked "CPNI report" from Legal against "The breach report" (2.5 of 4)'
		);
	});

	it('scores a team that never sent its expected message 0 of the maximum', () => {
		const { scenario } = parseScenario(withRubric, 'mini.yaml');
		const silent = runSimulation(scenario!, parseAnswerScript('answers: []\n', 'script.yaml').script!);
		expect(silent.scores.legal.entries.find((e) => e.id === 'message:report:legal')).toMatchObject({
			points: 0,
			maxPoints: 4,
			evidence: 'not sent'
		});
		expect(silent.scores.comms.entries.some((e) => e.id.startsWith('message:'))).toBe(false);
	});

	it('refuses script marks for a criterion the rubric does not have', () => {
		const { scenario } = parseScenario(withRubric, 'mini.yaml');
		expect(() => runSimulation(scenario!, script(', marks: { tone: 1 }').script!)).toThrow(
			'script.yaml:3 messages[0].marks.tone: "tone" is not a criterion of message rubric report'
		);
	});
});
