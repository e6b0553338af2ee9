import { describe, expect, it } from 'vitest';
import { formatBalance, teamBalance } from './balance';
import { parseScenario } from './index';

const YAML = `id: balance
version: "1.0"
title: Balance
summary: S.
audience: Tests
duration: 1h
compression: 6
startsAt: "2024-10-08T09:00"
teams:
  - { id: soc, name: SOC }
  - { id: legal, name: Legal }
  - { id: comms, name: Comms }
phases:
  - { id: p1, title: One }
  - { id: p2, title: Two }
injects:
  - id: alert
    phase: p1
    title: Alert
    channel: ticket
    to: [soc]
    trigger: { at: 5m }
    body: Text.
    decision:
      id: d-contain
      prompt: Now what?
      type: single
      deadline: 30m
      timeliness: { onTime: 1, late: -1 }
      options:
        - { id: watch, label: Watch quietly and scope the fleet first, points: 4 }
        - { id: shut, label: Shut it down, points: 1 }
  - id: memo
    phase: p1
    title: Memo
    channel: memo
    to: [legal]
    trigger: { at: 20m }
    body: Text.
    decision:
      id: d-memo
      prompt: Breach?
      type: single
      justify: true
      rubric:
        - { id: facts, label: Names the facts, points: 2 }
      options:
        - { id: yes, label: Yes, points: 3 }
        - { id: not-yet, label: Not yet, points: 0 }
  - id: outage
    phase: p2
    title: Outage
    channel: ticket
    to: [soc]
    trigger: { when: d-contain, options: [shut] }
    body: Text.
    decision:
      id: d-outage
      prompt: Report it?
      type: text
      rubric:
        - { id: facts, label: Facts, points: 5 }
  - id: statement
    phase: p2
    title: Statement
    channel: news
    to: [comms, legal]
    trigger: { at: 40m }
    body: Text.
    decision:
      id: d-statement
      prompt: Say what?
      type: multiple
      options:
        - { id: a, label: Holding line, points: 2 }
        - { id: b, label: Details, points: -1 }
        - { id: c, label: Contact, points: 2 }
  - id: board
    phase: p2
    title: Board
    channel: briefing
    to: [legal]
    trigger: manual
    body: Text.
    decision:
      id: d-board
      prompt: Tell the board?
      type: numeric
      numeric: { bands: [{ max: 2, points: 3 }, { min: 2, points: 0 }] }
clocks:
  - id: notice
    name: Notice
    regime: Rule
    owner: legal
    starts: { decision: d-memo, options: [yes] }
    stops: [{ decision: d-statement }]
    deadline: 7 business days
    scoring: { met: 6, missed: -6 }
`;

describe('teamBalance', () => {
	const report = teamBalance(parseScenario(YAML, 'balance.yaml').scenario!);
	const team = (id: string) => report.teams.find((t) => t.team === id)!;

	it('counts per phase the decisions a team is sure to get, with timeliness, and apart from branches', () => {
		expect(team('soc').phases).toEqual({
			p1: { decisions: 1, points: 5, branchDecisions: 0, branchPoints: 0 },
			p2: { decisions: 0, points: 0, branchDecisions: 1, branchPoints: 5 }
		});
		// The reasoning behind a justified choice is scored too (2 rubric points on top of the best option's 3).
		expect(team('legal').phases.p1).toEqual({ decisions: 1, points: 5, branchDecisions: 0, branchPoints: 0 });
		// a manual inject is a branch: the facilitator may never release it.
		expect(team('legal').phases.p2).toEqual({ decisions: 1, points: 4, branchDecisions: 1, branchPoints: 3 });
		expect(team('legal').clockPoints).toBe(6);
	});

	it('gives each team its share of the points and names every shortfall against the target', () => {
		expect(report.totalPoints).toBe(5 + 15 + 4);
		expect(team('legal').share).toBeCloseTo(15 / 24);
		expect(report.shortfalls.map((s) => s.key)).toEqual(['soc@p2', 'comms@p1']);
		expect(report.shortfalls[0].message).toBe(
			'soc has no decision it is sure to get in p2 "Two" (1 only on a branch)'
		);
	});

	it('flags choice decisions whose one best option is also the longest label', () => {
		expect(report.longestIsBest).toEqual([
			{ decision: 'd-contain', inject: 'alert', label: 'Watch quietly and scope the fleet first' }
		]);
		expect(report.choiceDecisions).toBe(3);
		expect(formatBalance(report)).toContain(
			'Best option is also the longest label (1 of 3 choice decisions):'
		);
	});

	it('counts the message rubrics that name a team as the sender among its points', () => {
		const withRubric = `${YAML}messageRubrics:
  - id: statement
    title: The holding statement
    match: { from: comms, channels: [press] }
    criteria:
      - { id: content, label: True and cleared, points: 3 }
      - { id: timing, label: Before the deadline, points: 1 }
`;
		const parsed = parseScenario(withRubric, 'balance.yaml');
		expect(parsed.issues).toEqual([]);
		const rubric = teamBalance(parsed.scenario!);
		const comms = rubric.teams.find((t) => t.team === 'comms')!;
		expect(comms.messagePoints).toBe(4);
		expect(rubric.teams.find((t) => t.team === 'legal')!.messagePoints).toBe(0);
		expect(rubric.totalPoints).toBe(report.totalPoints + 4);
		expect(comms.points).toBe(team('comms').points + 4);
		expect(formatBalance(rubric)).toMatch(/clocks\s+messages\s+total/);
	});
});
