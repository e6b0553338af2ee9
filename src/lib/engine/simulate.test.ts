import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAnswerScript, parseAnswerScript } from './answer-script';
import { testScenario } from './fixtures/test-scenario';
import { parseScenario } from './scenario';
import { optionOrderFor } from './option-order';
import { formatSimulation, runSimulation } from './simulate';

const SCRIPT = `teams: [soc, legal, comms]
compression: 60
variables: { org: Acme }
answers:
  - { team: soc, decision: d-contain, after: 15m, answer: ignore }
  - { team: soc, decision: d-ioc, answer: [a, b] }
  - { team: legal, decision: d-determination, after: 10m, answer: "yes" }
  - { team: legal, decision: d-notify, after: 1h, answer: notify-now }
  - { team: legal, decision: d-hours, answer: 12 }
  - { team: comms, decision: d-statement, answer: "We are investigating.", marks: { accuracy: 1, tone: 0.5 } }
  - { team: comms, decision: d-priorities, answer: [regulators, customers, press] }
`;

function parsed(text = SCRIPT) {
	const r = parseAnswerScript(text, 'script.yaml');
	if (!r.script) throw new Error(JSON.stringify(r.issues));
	return r.script;
}

describe('answer scripts', () => {
	it('parses teams, compression, variables, durations and answers', () => {
		const s = parsed();
		expect(s.compression).toBe(60);
		expect(s.answers[0]).toMatchObject({
			team: 'soc',
			decision: 'd-contain',
			after: 15 * 60_000,
			answer: 'ignore',
			line: 5
		});
		expect(s.answers[1].after).toBe(5 * 60_000);
	});

	it('reports problems with file, line and path', () => {
		const r = parseAnswerScript(
			'answers:\n  - { team: soc, decision: d-contain, after: soon, answer: x }\n  - { team: soc }\n',
			'bad.yaml'
		);
		expect(r.script).toBeUndefined();
		expect(r.issues).toContainEqual({
			file: 'bad.yaml',
			line: 2,
			path: 'answers[0].after',
			message: '"soon" is not a duration like 15m, 2h or 1h30m'
		});
		expect(r.issues.some((i) => i.line === 3 && i.path === 'answers[1].decision')).toBe(true);
	});

	it('reports a YAML syntax error with its line', () => {
		const r = parseAnswerScript('answers:\n  - { team: soc\n', 'broken.yaml');
		expect(r.issues[0]).toMatchObject({ file: 'broken.yaml', path: '' });
		expect(r.issues[0].message).toMatch(/YAML syntax error/);
	});

	it('checks answers against the scenario', () => {
		const s = parsed(
			'answers:\n  - { team: soc, decision: d-contain, answer: [a] }\n  - { team: ghost, decision: d-nope, answer: x }\n'
		);
		const issues = checkAnswerScript(testScenario(), s);
		expect(issues.map((i) => i.path)).toEqual([
			'answers[0].answer',
			'answers[1].team',
			'answers[1].decision'
		]);
	});
});

describe('simulation', () => {
	it('plays the test scenario from lobby to end with branching, clocks and scores', () => {
		const result = runSimulation(testScenario(), parsed());
		expect(result.state.lifecycle).toBe('ended');
		expect(result.state.delivered.soc.escalate).toBeDefined();
		expect(result.state.delivered.soc['held-brief']).toBeDefined();
		expect(result.clocks.find((c) => c.id === 'fcc-notice')?.status).toBe('met');
		expect(result.scores.comms.entries.find((e) => e.id === 'decision:d-statement:comms')?.points).toBe(5);
		const answered = result.timeline.filter((r) => r.kind === 'answered');
		expect(answered).toHaveLength(7);
		expect(answered[0]).toMatchObject({ team: 'soc', answer: 'Ignore', points: 0, maxPoints: 7 });
	});

	it('renders a readable table with scores and clocks', () => {
		const text = formatSimulation(runSimulation(testScenario(), parsed()));
		expect(text).toContain('Simulation of Test scenario');
		expect(text).toMatch(/30m\s+Thu 2024-10-10 08:30\s+soc\s+Inject alert/);
		expect(text).toContain('FCC 47 CFR 64.2011 CPNI breach notice (7 business days, legal): met');
	});

	it('refuses a script that does not fit the scenario', () => {
		expect(() =>
			runSimulation(testScenario(), parsed('answers:\n  - { team: soc, decision: d-x, answer: a }\n'))
		).toThrow(/script.yaml:2 answers\[0\].decision/);
	});
});

describe('the otherwise rule', () => {
	it('parses answer, after, justification and confidence, and reports a bad rule', () => {
		expect(
			parsed('otherwise: { answer: worst, after: last-minute, confidence: low }\nanswers: []\n').otherwise
		).toEqual({
			answer: 'worst',
			after: 'last-minute',
			justification: 'No reason given.',
			confidence: 'low'
		});
		const r = parseAnswerScript(
			'otherwise: { answer: best, after: soon, colour: red }\nanswers: []\n',
			'x.yaml'
		);
		expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
			'otherwise.colour: unknown key "colour"',
			'otherwise.answer: answer must be first-shown or worst',
			'otherwise.after: "soon" is not a duration like 15m, or last-minute'
		]);
	});

	it('answers every unlisted decision with the first option shown, leaving rankings and texts as they are', () => {
		const result = runSimulation(
			testScenario(),
			parsed(
				'otherwise: { answer: first-shown, after: 2m }\nanswers:\n  - { team: soc, decision: d-contain, answer: monitor }\n'
			)
		);
		const answers = result.state.answers;
		expect(answers.soc['d-contain'].value).toEqual({ type: 'single', option: 'monitor' });
		expect(answers.comms['d-statement']).toBeUndefined();
		const shown = optionOrderFor(
			result.state.config.exerciseId,
			'comms',
			result.scenario.injects.find((i) => i.id === 'comms-rank')!.decision!
		);
		expect(answers.comms['d-priorities'].value).toEqual({ type: 'ranking', order: shown });
		expect(answers.legal['d-hours'].scenarioAt - result.state.delivered.legal['legal-hours']).toBe(
			2 * 60_000
		);
	});

	it('answers with the lowest-scoring option just before the deadline', () => {
		const result = runSimulation(
			testScenario(),
			parsed('otherwise: { answer: worst, after: last-minute }\nanswers: []\n')
		);
		const a = result.state.answers.soc['d-contain'];
		expect(a).toMatchObject({ value: { type: 'single', option: 'ignore' }, onTime: true });
		expect(a.scenarioAt - result.state.delivered.soc.alert).toBe(59 * 60_000);
		expect(result.state.answers.soc['d-ioc'].value).toEqual({ type: 'multiple', options: ['c'] });
		expect(result.state.answers.legal['d-hours'].value).toEqual({ type: 'numeric', value: 25 });
	});

	it('sends a scripted justification and confidence with the answer', () => {
		const scenario = testScenario();
		scenario.injects.find((i) => i.id === 'alert')!.decision!.justify = true;
		const script = parsed(
			'answers:\n  - { team: soc, decision: d-contain, answer: monitor, justification: Quiet first, confidence: high }\n'
		);
		expect(runSimulation(scenario, script).state.answers.soc['d-contain']).toMatchObject({
			justification: 'Quiet first',
			confidence: 'high'
		});
		expect(() =>
			runSimulation(scenario, parsed('answers:\n  - { team: soc, decision: d-contain, answer: monitor }\n'))
		).toThrow(/answers\[0\]\.justification: give the team’s reasoning/);
	});
});

describe('an early end', () => {
	it('ends the exercise at endAt and skips answers due later', () => {
		const result = runSimulation(testScenario(), parsed(`${SCRIPT}endAt: 1h\n`));
		expect(result.state.lifecycle).toBe('ended');
		expect(result.state.clock.now).toBe(60 * 60_000);
		expect(result.state.answers.legal['d-notify']).toBeUndefined();
		expect(result.scores.soc.coverage.endedEarly).toBe(true);
	});

	it('refuses an endAt that is not a time after StartEx', () => {
		expect(parseAnswerScript('endAt: soon\nanswers: []\n', 'x.yaml').issues[0]).toMatchObject({
			path: 'endAt',
			message: '"soon" is not a scenario time after StartEx like 6h or 2d'
		});
	});
});

describe('example scenarios with their answer scripts', () => {
	const dir = 'scenarios';
	const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
	it.each(files)('plays %s: the strong script outscores the weak one', (file) => {
		const { scenario, issues } = parseScenario(readFileSync(`${dir}/${file}`, 'utf8'), file);
		expect(issues).toEqual([]);
		const total = (kind: string) => {
			const path = `test/fixtures/answers/${file.replace('.yaml', '')}-${kind}.yaml`;
			const result = runSimulation(scenario!, parsed(readFileSync(path, 'utf8')));
			expect(result.state.lifecycle).toBe('ended');
			const t = Object.values(result.scores).reduce(
				(a, s) => ({ p: a.p + s.total.points, m: a.m + s.total.maxPoints }),
				{ p: 0, m: 0 }
			);
			return t.p / t.m;
		};
		expect(total('strong')).toBeGreaterThan(total('weak'));
	});
});

describe('answers to decisions a team never receives', () => {
	const BRANCHING = `id: branching
version: "1.0"
title: Branching
summary: S.
audience: Tests
duration: 1h
compression: 6
startsAt: "2024-10-08T09:00"
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
    to: [soc]
    trigger: { at: 5m }
    body: Text.
    decision:
      id: d-contain
      prompt: Now what?
      type: single
      options:
        - { id: monitor, label: Monitor, points: 2 }
        - { id: shut, label: Shut down, points: 1 }
  - id: outage
    phase: p1
    title: Outage
    channel: ticket
    to: [soc]
    trigger: { when: d-contain, options: [shut] }
    body: Text.
    decision:
      id: d-outage
      prompt: Report it?
      type: single
      options:
        - { id: report, label: Report, points: 2 }
        - { id: wait, label: Wait, points: 0 }
  - id: outage-follow-up
    phase: p1
    title: Follow-up
    channel: memo
    to: [soc]
    trigger: { after: outage, delay: 10m }
    body: Text.
    decision:
      id: d-follow-up
      prompt: And then?
      type: single
      options:
        - { id: a, label: A, points: 2 }
        - { id: b, label: B, points: 0 }
`;
	const scenario = parseScenario(BRANCHING, 'branching.yaml').scenario!;

	it("refuses an answer from a team outside the decision's audience, or one the script does not play", () => {
		const s = parsed('teams: [soc]\nanswers:\n  - { team: legal, decision: d-contain, answer: monitor }\n');
		expect(checkAnswerScript(scenario, s).map((i) => `${i.path}: ${i.message}`)).toEqual([
			'answers[0].team: legal does not play in this script (teams: soc), so it never receives d-contain'
		]);
		const all = parsed('answers:\n  - { team: legal, decision: d-contain, answer: monitor }\n');
		expect(checkAnswerScript(scenario, all).map((i) => `${i.path}: ${i.message}`)).toEqual([
			'answers[0].team: legal never receives d-contain: its inject "alert" is only for soc'
		]);
	});

	it("refuses, after the run, answers on a branch the script's own answers never take", () => {
		const script = parsed(
			[
				'answers:',
				'  - { team: soc, decision: d-contain, answer: monitor }',
				'  - { team: soc, decision: d-outage, answer: report }',
				'  - { team: soc, decision: d-follow-up, answer: a }',
				''
			].join('\n')
		);
		expect(() => runSimulation(scenario, script)).toThrow(
			[
				'script.yaml:3 answers[1]: soc answers d-outage, but this run never asks soc for it: its inject "outage" comes when the team answers "d-contain" with "shut"; on the path this script\'s answers take, remove the answer or change the answer that chooses the branch',
				'script.yaml:4 answers[2]: soc answers d-follow-up, but this run never asks soc for it: its inject "outage-follow-up" waits for "outage", which comes when the team answers "d-contain" with "shut"; on the path this script\'s answers take, remove the answer or change the answer that chooses the branch'
			].join('\n')
		);
		const taken = parsed(
			'answers:\n  - { team: soc, decision: d-contain, answer: shut }\n  - { team: soc, decision: d-outage, answer: report }\n  - { team: soc, decision: d-follow-up, answer: a }\n'
		);
		expect(runSimulation(scenario, taken).state.answers.soc['d-follow-up']).toBeDefined();
	});
});
