import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from './index';

const base = `id: mini
version: "1.0"
title: Mini
summary: A small scenario.
audience: Tests
duration: 1h
compression: 6
startsAt: "2024-10-08T09:00"
objectives:
  - { id: obj, title: Detect, csf: [DE.AE, RS.CO] }
teams:
  - { id: soc, name: SOC }
  - { id: legal, name: Legal }
phases:
  - { id: p1, title: One }
injects:
  - id: alert
    phase: p1
    title: Alert
    channel: ticket
    from: Bot
    trigger: { at: 1h30m }
    body: Text.
    notes: For facilitators.
    decision:
      prompt: Now what?
      type: single
      deadline: 30m
      objectives: [obj]
      options:
        - { id: a, label: A, points: 2 }
        - { id: b, label: B }
  - id: branch
    phase: p1
    title: Branch
    channel: chat
    to: [soc]
    trigger: { when: alert, options: [a], delay: 90s }
    body: Text.
clocks:
  - id: clk
    name: Clock
    regime: Rule
    owner: legal
    starts: { inject: alert }
    stops: [{ decision: alert, options: [a] }]
    deadline: 7 business days
    scoring: { met: 1, missed: -1 }
`;

describe('parseScenario', () => {
	const { scenario, issues } = parseScenario(base, 'mini.yaml');

	it('returns a scenario and no issues for a valid file', () => {
		expect(issues).toEqual([]);
		expect(scenario?.id).toBe('mini');
	});

	it('turns durations into scenario milliseconds and the duration into wall minutes', () => {
		expect(scenario?.durationMinutes).toBe(60);
		expect(scenario?.injects[0].trigger).toEqual({ kind: 'at', at: 90 * 60_000 });
		expect(scenario?.injects[0].decision?.deadline).toBe(30 * 60_000);
		expect(scenario?.injects[1].trigger).toEqual({
			kind: 'answer',
			decision: 'alert',
			options: ['a'],
			delay: 90_000
		});
	});

	it('maps YAML names onto the engine vocabulary and fills defaults', () => {
		const [alert, branch] = scenario!.injects;
		expect(alert).toMatchObject({
			sender: 'Bot',
			audience: 'all',
			facilitatorNotes: 'For facilitators.',
			hold: false
		});
		expect(alert.decision?.id).toBe('alert');
		expect(alert.decision?.options[1]).toEqual({ id: 'b', label: 'B', points: 0, rationale: '' });
		expect(branch.audience).toEqual(['soc']);
		expect(scenario?.objectives[0].csf).toEqual([
			{ function: 'DE', category: 'DE.AE' },
			{ function: 'RS', category: 'RS.CO' }
		]);
	});

	it('reads justify, shuffle and ranking credit, defaulting to no reasoning, shuffled, exact', () => {
		expect(scenario?.injects[0].decision).toMatchObject({ justify: false, shuffle: true });
		const text = base.replace(
			'      type: single\n',
			'      type: single\n      justify: true\n      shuffle: false\n      rubric:\n        - { id: why, label: Why, points: 2 }\n'
		);
		const parsed = parseScenario(text, 'mini.yaml');
		expect(parsed.issues).toEqual([]);
		expect(parsed.scenario?.injects[0].decision).toMatchObject({
			justify: true,
			shuffle: false,
			rubric: [{ id: 'why', label: 'Why', points: 2, guidance: '' }]
		});
		const ranking = base
			.replace(
				'      type: single\n',
				'      type: ranking\n      ranking: { order: [b, a], pointsPerPosition: 1, credit: kendall }\n'
			)
			.replace('when: alert, options: [a]', 'when: alert');
		expect(parseScenario(ranking, 'mini.yaml').scenario?.injects[0].decision?.ranking).toEqual({
			order: ['b', 'a'],
			pointsPerPosition: 1,
			credit: 'kendall'
		});
	});

	it('maps clock conditions and a business-day deadline', () => {
		expect(scenario?.clocks[0]).toMatchObject({
			start: { kind: 'inject', inject: 'alert' },
			stop: [{ kind: 'answer', decision: 'alert', options: ['a'] }],
			deadline: { amount: 7, unit: 'businessDays' }
		});
	});

	it('returns no scenario when there is any issue', () => {
		const broken = parseScenario(
			base.replace('phase: p1\n    title: Branch', 'phase: p9\n    title: Branch'),
			'mini.yaml'
		);
		expect(broken.scenario).toBeUndefined();
		expect(broken.issues.map(formatIssue)).toEqual([
			'mini.yaml:34 injects[1].phase: unknown phase "p9" (did you mean "p1"?)'
		]);
	});

	it('keeps checking references when another element is malformed', () => {
		const text = base.replace('channel: chat', 'channel: fax').replace('owner: legal', 'owner: legl');
		expect(parseScenario(text, 'mini.yaml').issues.map(formatIssue)).toEqual([
			'mini.yaml:36 injects[1].channel: "fax" is not one of: email, news, ticket, log, phone, voicemail, regulator, social, memo, chat, briefing',
			'mini.yaml:44 clocks[0].owner: unknown team "legl" (did you mean "legal"?)'
		]);
	});

	it('needs attackVersion once ATT&CK ids are cited, and carries it into the scenario', () => {
		const cited = base.replace('csf: [DE.AE, RS.CO] }', 'csf: [DE.AE, RS.CO], attack: [T1040] }');
		expect(parseScenario(cited, 'mini.yaml').issues.map(formatIssue)).toEqual([
			'mini.yaml:1 attackVersion: the scenario cites ATT&CK ids but does not say which ATT&CK release they were checked against: add attackVersion: "19" at the top level'
		]);
		const stated = parseScenario(cited.replace('version: "1.0"', 'version: "1.0"\nattackVersion: "19"'), 'x');
		expect(stated.issues).toEqual([]);
		expect(stated.scenario?.attackVersion).toBe('19');
	});

	it('does not apply writing rules to a copy stored with an exercise', () => {
		const dated = base.replace(
			'  - { id: p1, title: One }',
			"  - { id: p1, title: One, update: 'Thursday 3 October.' }"
		);
		expect(parseScenario(dated, 'mini.yaml').issues.map((i) => i.message)).toEqual([
			expect.stringContaining('writes the date "Thursday 3" by hand')
		]);
		expect(parseScenario(dated, 'mini.yaml', { stored: true }).issues).toEqual([]);
	});
});
