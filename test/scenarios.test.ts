/**
 * Scenario contract tests: every scenario in scenarios/ validates and simulates with its answer scripts, the
 * published JSON Schema is current, each broken fixture yields its own message, and the CLI behaves.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswerScript } from '../src/lib/engine/answer-script';
import { formatIssue, parseScenario, scenarioJsonSchema } from '../src/lib/engine/scenario';
import { runSimulation } from '../src/lib/engine/simulate';

const root = join(import.meta.dirname, '..');
const scenariosDir = join(root, 'scenarios');
const brokenDir = join(root, 'test/fixtures/broken');
const answersDir = join(root, 'test/fixtures/answers');
const yamlIn = (dir: string) =>
	readdirSync(dir)
		.filter((name) => name.endsWith('.yaml'))
		.sort();

function problems(dir: string, name: string): string[] {
	return parseScenario(readFileSync(join(dir, name), 'utf8'), name).issues.map(formatIssue);
}

describe('scenarios/', () => {
	const files = yamlIn(scenariosDir);

	it.each(files)('%s validates without issues', (name) => {
		expect(problems(scenariosDir, name)).toEqual([]);
	});

	it('gives every scenario a distinct id', () => {
		const ids = files.map(
			(name) => parseScenario(readFileSync(join(scenariosDir, name), 'utf8'), name).scenario?.id
		);
		expect(new Set(ids).size).toBe(files.length);
	});

	it('publishes a schema.json generated from the current zod schema (run: npx tsx scripts/gen-schema.ts)', () => {
		const committed = JSON.parse(readFileSync(join(scenariosDir, 'schema.json'), 'utf8'));
		expect(committed).toEqual(scenarioJsonSchema());
	});

	// An answer script belongs to the scenario with the longest id it starts with ("salt-typhoon-exec-weak" is
	// salt-typhoon-exec's, not salt-typhoon's).
	const ids = new Map(
		files.map((name) => [
			parseScenario(readFileSync(join(scenariosDir, name), 'utf8'), name).scenario?.id ?? name,
			name
		])
	);
	const scripts = yamlIn(answersDir).flatMap((script) => {
		const owner = [...ids.keys()]
			.filter((id) => script.startsWith(`${id}-`))
			.sort((a, b) => b.length - a.length)[0];
		return owner ? [{ name: ids.get(owner)!, script }] : [];
	});

	it.each(scripts)('$name simulates to the end with $script', ({ name, script }) => {
		const { scenario } = parseScenario(readFileSync(join(scenariosDir, name), 'utf8'), name);
		const parsed = parseAnswerScript(readFileSync(join(answersDir, script), 'utf8'), script);
		expect(parsed.issues.map(formatIssue)).toEqual([]);
		const result = runSimulation(scenario!, parsed.script!);
		expect(result.state.lifecycle).toBe('ended');
		expect(result.timeline.some((row) => row.kind === 'answered')).toBe(true);
	});
});

/**
 * Issue 8: an exercise scores judgement, not recognition, speed or luck. For every shipped scenario with a
 * strong script: a team that picks the first option it is shown (leaving rankings as presented) scores far below
 * the strong run, no untouched ranking earns full marks, and a wrong answer given fast earns nothing more than
 * the same answer given at the last minute.
 */
describe('scenarios measure judgement', () => {
	const files = yamlIn(scenariosDir);
	const scenarioOf = (name: string) =>
		parseScenario(readFileSync(join(scenariosDir, name), 'utf8'), name).scenario!;
	const play = (name: string, script: string) => {
		const parsed = parseAnswerScript(script, name);
		expect(parsed.issues.map(formatIssue)).toEqual([]);
		return runSimulation(scenarioOf(name), parsed.script!);
	};
	const share = (scores: Record<string, { total: { points: number; maxPoints: number } }>) => {
		const all = Object.values(scores).map((s) => s.total);
		return all.reduce((n, t) => n + t.points, 0) / all.reduce((n, t) => n + t.maxPoints, 0);
	};
	const withScripts = files.flatMap((name) => {
		const id = scenarioOf(name).id;
		const script = (kind: string) => join(answersDir, `${id}-${kind}.yaml`);
		return yamlIn(answersDir).includes(`${id}-strong.yaml`)
			? [{ name, strong: script('strong'), firstShown: script('first-shown') }]
			: [];
	});

	it('has a first-shown script beside every strong script', () => {
		for (const { firstShown } of withScripts)
			expect(yamlIn(answersDir)).toContain(firstShown.split('/').at(-1));
	});

	it.each(withScripts)('$name: first-shown answers score poorly', ({ name, strong, firstShown }) => {
		const good = play(name, readFileSync(strong, 'utf8'));
		const first = play(name, readFileSync(firstShown, 'utf8'));
		expect(share(first.scores)).toBeLessThan(share(good.scores) - 0.25);
		const rankings = new Set(
			first.scenario.injects.flatMap((i) => (i.decision?.type === 'ranking' ? [i.decision.id] : []))
		);
		const untouched = Object.values(first.scores)
			.flatMap((s) => s.entries)
			.filter(
				(e) =>
					e.id.startsWith('decision:') && rankings.has(e.id.split(':')[1]) && e.evidence !== 'not answered'
			);
		for (const e of untouched) expect(e.points, e.id).toBeLessThan(e.maxPoints);
		const sum = (k: 'points' | 'maxPoints') => untouched.reduce((n, e) => n + e[k], 0);
		expect(sum('points')).toBeLessThanOrEqual(sum('maxPoints') / 2);
	});

	it.each(files)(
		'%s: a fast wrong answer scores no better than the same answer at the last minute',
		(name) => {
			const fast = play(name, 'otherwise: { answer: worst, after: 1m }\nanswers: []\n');
			const slow = play(name, 'otherwise: { answer: worst, after: last-minute }\nanswers: []\n');
			for (const [team, score] of Object.entries(fast.scores)) {
				const answered = (s: typeof score) =>
					new Map(s.entries.filter((e) => !e.id.startsWith('clock:')).map((e) => [e.id, e.points]));
				const quick = answered(score);
				const late = answered(slow.scores[team]);
				const both = [...quick.keys()].filter((id) => late.has(id));
				expect(both.length, team).toBeGreaterThan(0);
				const sum = (m: Map<string, number>) => both.reduce((n, id) => n + m.get(id)!, 0);
				expect(sum(quick), team).toBeLessThanOrEqual(sum(late));
				for (const id of both.filter((x) => x.startsWith('timeliness:'))) {
					const earned = ['decision', 'justification'].reduce(
						(n, kind) => n + (quick.get(id.replace(/^timeliness:/, `${kind}:`)) ?? 0),
						0
					);
					if (earned <= 0) expect(quick.get(id), id).toBeLessThanOrEqual(0);
				}
			}
		}
	);
});

describe('scenarios/README.md', () => {
	it('shows an annotated example that validates', () => {
		const readme = readFileSync(join(scenariosDir, 'README.md'), 'utf8');
		const example = readme.split('## An annotated example')[1].split('```yaml\n')[1].split('```')[0];
		expect(parseScenario(example, 'README.md').issues.map(formatIssue)).toEqual([]);
	});
});

describe('the example scenario', () => {
	const read = (script: string) => {
		const { scenario } = parseScenario(
			readFileSync(join(scenariosDir, 'example-quickstart.yaml'), 'utf8'),
			'x'
		);
		const parsed = parseAnswerScript(readFileSync(join(answersDir, script), 'utf8'), script);
		return runSimulation(scenario!, parsed.script!);
	};

	it('scores the strong answer script above the weak one for every team', () => {
		const strong = read('example-quickstart-strong.yaml').scores;
		const weak = read('example-quickstart-weak.yaml').scores;
		for (const team of ['soc', 'legal', 'comms'])
			expect(strong[team].total.points).toBeGreaterThan(weak[team].total.points);
	});

	it('meets the CPNI clock in the strong run and never starts it in the weak one', () => {
		expect(read('example-quickstart-strong.yaml').clocks.find((c) => c.id === 'fcc-cpni')?.status).toBe(
			'met'
		);
		expect(read('example-quickstart-weak.yaml').clocks.find((c) => c.id === 'fcc-cpni')?.status).toBe('idle');
	});
});

const expected: Record<string, { what: string; issues: string[] }> = {
	'syntax-error.yaml': {
		what: 'reports an unclosed [ on the line where it opens',
		issues: [
			'syntax-error.yaml:17: YAML syntax error: the [ on this line is never closed with ]; close it on the same line, or quote text that starts with ['
		]
	},
	'syntax-colon.yaml': {
		what: 'explains ": " in unquoted text, a field written twice and text starting with @',
		issues: [
			'syntax-colon.yaml:16: YAML syntax error: this line reads as a field inside a field; quote text that contains ": " (a colon and a space), e.g. title: "Alert: router down"',
			'syntax-colon.yaml:20: YAML syntax error: the field "channel" is written twice in the same mapping',
			'syntax-colon.yaml:25: YAML syntax error: text cannot start with @; put the whole text in quotes'
		]
	},
	'syntax-tab.yaml': {
		what: 'reports a tab used for indentation, and nothing that follows from it',
		issues: [
			'syntax-tab.yaml:16: YAML syntax error: a tab is used for indentation; YAML indents with spaces only'
		]
	},
	'syntax-quote.yaml': {
		what: 'reports an unclosed quote on the line where it opens, not at the end of the file',
		issues: [
			'syntax-quote.yaml:16: YAML syntax error: the " that opens this text is never closed; close it at the end of the text (for a " inside the text, use \' outside instead)'
		]
	},
	'comma-mapping.yaml': {
		what: 'explains text cut short by a comma inside { ... } and text read as a mapping',
		issues: [
			'comma-mapping.yaml:15 phases[0].questions[0]: expected text, found a mapping: if this is text that contains ": " (a colon and a space), put it in quotes',
			'comma-mapping.yaml:27 injects[0].decision.options[0].then escalate: unknown field "then escalate" with no value: inside { ... } a comma ends the value, so quote text that contains commas',
			'comma-mapping.yaml:28 injects[0].decision.options[1].now: unknown field "now" with no value: inside { ... } a comma ends the value, so quote text that contains commas'
		]
	},
	'empty.yaml': {
		what: 'reports an empty file',
		issues: ['empty.yaml:1: the file is empty: a scenario needs id, title, teams, phases and injects']
	},
	'shape.yaml': {
		what: 'reports every shape problem at once, in plain words',
		issues: [
			'shape.yaml:1 id: "Broken_Shape" must be kebab-case, e.g. salt-typhoon',
			'shape.yaml:15 injects[0].title: required field "title" is missing',
			'shape.yaml:17 injects[0].channel: "fax" is not one of: email, news, ticket, log, phone, voicemail, regulator, social, memo, chat, briefing',
			'shape.yaml:18 injects[0].trigger.at: "soon" is not a duration: write e.g. 90s, 30m, 2h, 1h30m, 3d, "2 hours" or a number of minutes',
			'shape.yaml:19 injects[0].hold: expected true or false, found "yes"',
			'shape.yaml:24 injects[0].decision.option: unknown field "option" (did you mean "options"?)',
			'shape.yaml:30 injects[1].trigger: a trigger takes exactly one form, but this one has at and after'
		]
	},
	'bad-trigger.yaml': {
		what: 'explains a trigger written in no known form',
		issues: [
			'bad-trigger.yaml:32 injects[1].trigger: a trigger needs one of at, after, when, unanswered, clockMissed (did you mean "after"?)',
			'bad-trigger.yaml:38 injects[2].trigger: "soon" is not a trigger: write "manual" or a mapping with one of at, after, when, unanswered, clockMissed'
		]
	},
	'unknown-inject.yaml': {
		what: 'reports an after trigger on an unknown inject',
		issues: [
			'unknown-inject.yaml:38 injects[2].trigger.after: unknown inject "fbi-cal" (did you mean "fbi-call"?)'
		]
	},
	'unknown-references.yaml': {
		what: 'reports unknown phases, teams, decisions, clocks, objectives and sources',
		issues: [
			'unknown-references.yaml:17 objectives[0].sources[0]: unknown source "S-2" (did you mean "S-1"?)',
			'unknown-references.yaml:32 injects[0].decision.objectives[0]: unknown objective "obj-detct" (did you mean "obj-detect"?)',
			'unknown-references.yaml:34 injects[1].phase: unknown phase "p2" (did you mean "p1"?)',
			'unknown-references.yaml:37 injects[1].to[1]: unknown team "execs"',
			'unknown-references.yaml:38 injects[1].trigger.when: unknown decision "d-contian" (did you mean "d-contain"?)',
			'unknown-references.yaml:44 injects[2].trigger.clockMissed: unknown clock "fcc"',
			'unknown-references.yaml:50 clocks[0].owner: unknown team "lgl" (did you mean "legal"?)',
			'unknown-references.yaml:52 clocks[0].stops[0].decision: unknown decision "d-notify"',
			'unknown-references.yaml:54 clocks[0].scoring.objectives[0]: unknown objective "obj-notify"',
			'unknown-references.yaml:55 clocks[0].sources[0]: unknown source "S-9" (did you mean "S-1"?)'
		]
	},
	'unknown-option.yaml': {
		what: 'reports an answer trigger on an option the decision does not have',
		issues: [
			'unknown-option.yaml:32 injects[1].trigger.options[0]: decision "d-contain" has no option "shutdown" (its options: monitor, shut)'
		]
	},
	'unknown-variable.yaml': {
		what: 'reports {{variables}} that are not declared',
		issues: [
			'unknown-variable.yaml:22 injects[0].body: unknown variable "{{orgname}}" (declared: org)',
			'unknown-variable.yaml:24 injects[0].notes: unknown variable "{{region}}" (declared: org)'
		]
	},
	'duplicate-ids.yaml': {
		what: 'reports duplicate ids of every kind, pointing at the first definition',
		issues: [
			'duplicate-ids.yaml:12 teams[2].id: duplicate team id "soc": already defined on line 10',
			'duplicate-ids.yaml:15 phases[1].id: duplicate phase id "p1": already defined on line 14',
			'duplicate-ids.yaml:18 sources[1].id: duplicate source id "S-1": already defined on line 17',
			'duplicate-ids.yaml:21 objectives[1].id: duplicate objective id "obj": already defined on line 20',
			'duplicate-ids.yaml:36 injects[0].decision.options[2].id: duplicate option id "monitor": already defined on line 34',
			'duplicate-ids.yaml:37 injects[1].id: duplicate inject id "alert": already defined on line 23',
			'duplicate-ids.yaml:43 injects[2].id: duplicate decision id "d-contain" (a decision without an id takes its inject id): already used by the decision on line 29',
			'duplicate-ids.yaml:54 injects[2].decision.rubric[1].id: duplicate rubric criterion id "tone": already defined on line 53',
			'duplicate-ids.yaml:67 clocks[1].id: duplicate clock id "c": already defined on line 57'
		]
	},
	'unreachable.yaml': {
		what: 'reports injects that can never be delivered, with the reason',
		issues: [
			'unreachable.yaml:34 injects[1].trigger.after: can never be delivered: inject "alert" reaches only soc, and this inject is for legal',
			'unreachable.yaml:40 injects[2].trigger.unanswered: can never be delivered: decision "d-contain" has no deadline, so it is never left unanswered',
			'unreachable.yaml:46 injects[3].trigger.after: can never be delivered: it waits for inject "escalation", which can never be delivered'
		]
	},
	'cycle.yaml': {
		what: 'reports trigger cycles, including an inject waiting for its own decision',
		issues: [
			'cycle.yaml:32 injects[1].trigger: trigger cycle: "call-a" waits for "call-c", which waits for "call-b", which waits for "call-a", so none of them can ever be delivered',
			'cycle.yaml:50 injects[4].trigger: trigger cycle: "self" waits for itself, so it can never be delivered'
		]
	},
	'no-scoring.yaml': {
		what: 'reports decisions that nothing can score',
		issues: [
			'no-scoring.yaml:21 injects[0].decision: decision "d-contain" has no scoring: give at least one option non-zero points',
			'no-scoring.yaml:34 injects[1].decision: decision "statement" has no scoring: a text decision needs a rubric for evaluators to mark',
			'no-scoring.yaml:43 injects[2].decision: decision "estimate" has no scoring: a numeric decision needs numeric.bands',
			'no-scoring.yaml:53 injects[3].decision: decision "priorities" has no scoring: a ranking decision needs ranking.order and ranking.pointsPerPosition'
		]
	},
	'clocks.yaml': {
		what: 'reports clocks that can never stop or never start',
		issues: [
			'clocks.yaml:34 injects[1].trigger.when: can never be delivered: only teams that received decision "d-contain" (soc) can trigger it, and this inject is for legal',
			'clocks.yaml:41 injects[2].trigger.after: can never be delivered: it waits for inject "letter", which can never be delivered',
			'clocks.yaml:49 clocks[0].stops: clock "cpni" can never stop: inject "never" can never be delivered',
			'clocks.yaml:56 clocks[1].starts: clock "sec" can never start: clock "cpni" can never stop'
		]
	},
	'clock-rules.yaml': {
		what: 'reports clock kinds, guards, extensions and anchors that do not fit together',
		issues: [
			'clock-rules.yaml:32 clocks[0].kind: hold "hold-no-breach" needs breaches: the conditions that break the hold while it runs',
			'clock-rules.yaml:35 clocks[0].stops: hold "hold-no-breach" cannot have stops: a hold ends at its deadline; list what breaks it under breaches',
			'clock-rules.yaml:38 clocks[1].stops: clock "deadline-breach" needs stops: the conditions that meet it (or write kind: hold for a period that must be observed)',
			'clock-rules.yaml:43 clocks[1].breaches: clock "deadline-breach" is a deadline clock: breaches only apply to kind: hold',
			'clock-rules.yaml:45 clocks[1].from.clockStopped: clock "deadline-breach" cannot count its deadline from its own stop',
			'clock-rules.yaml:47 clocks[1].extensions[0].by: an extension must move the deadline by more than zero, found "0 days"',
			'clock-rules.yaml:47 clocks[1].extensions[0].on.inject: unknown inject "alrt" (did you mean "alert"?)',
			'clock-rules.yaml:53 clocks[2].starts: clock "waits-a" can never start: it requires clock "waits-b" to be running, which can never happen',
			'clock-rules.yaml:61 clocks[3].starts: clock "waits-b" can never start: it requires clock "waits-a" to be running, which can never happen',
			'clock-rules.yaml:63 clocks[3].stops[0].requires[0].options[0]: decision "d-contain" has no option "shutt" (did you mean "shut"?)',
			'clock-rules.yaml:71 clocks[4].stops[0].requires[0]: a guard needs one of clockStopped, clockRunning, inject, decision (did you mean "clockStopped"?)'
		]
	},
	'deadlines.yaml': {
		what: 'reports deadlines that are not positive and timeliness without a deadline',
		issues: [
			'deadlines.yaml:25 injects[0].decision.deadline: deadline must be longer than zero, found "0m"',
			'deadlines.yaml:38 injects[1].decision.timeliness: timeliness needs a deadline to measure answers against',
			'deadlines.yaml:47 clocks[0].deadline: deadline must be longer than zero, found "0 business days"'
		]
	},
	'frameworks.yaml': {
		what: 'checks CSF categories, HSEEP core capabilities and ATT&CK ids (lists and text) against the reference data',
		issues: [
			'frameworks.yaml:3 attackVersion: the scenario was checked against ATT&CK v17, but the validator\'s table is ATT&CK v19: re-check its ids (see src/lib/engine/scenario/reference/README.md) and set attackVersion: "19"',
			'frameworks.yaml:13 objectives[0].csf[1]: "DE.DP" is not a NIST CSF 2.0 category (the DE categories are DE.CM, DE.AE)',
			'frameworks.yaml:13 objectives[0].csf[2]: "RS.IM" is not a NIST CSF 2.0 category (the RS categories are RS.MA, RS.AN, RS.CO, RS.MI)',
			'frameworks.yaml:14 objectives[0].hseep[1]: "Cyber Security" is not one of the 32 core capabilities of the National Preparedness Goal (did you mean "Cybersecurity"?)',
			'frameworks.yaml:14 objectives[0].hseep[2]: "Incident Command" is not one of the 32 core capabilities of the National Preparedness Goal (the list, with its source, is in src/lib/engine/scenario/reference/hseep.ts)',
			'frameworks.yaml:15 objectives[0].attack[1]: T1562.004 (Impair Defenses: Disable or Modify System Firewall) was retired in ATT&CK v19: use "T1686" (Disable or Modify System Firewall) or "T1686.002" (Disable or Modify System Firewall: Network Device Firewall)',
			'frameworks.yaml:15 objectives[0].attack[2]: T1999 is not in Switchboard\'s ATT&CK v19 table (did you mean "T1199"?); if it is right, check it on attack.mitre.org and add it to src/lib/engine/scenario/reference/attack.ts',
			'frameworks.yaml:27 injects[0].notes: in this text, T1070.002 (Indicator Removal: Clear Linux or Mac System Logs) was retired in ATT&CK v19: use "T1685.006" (Disable or Modify Tools: Clear Linux or Mac System Logs)'
		]
	},
	'dates.yaml': {
		what: 'reports a start date and holidays that do not exist on the calendar',
		issues: [
			'dates.yaml:8 startsAt: "2024-02-30T09:00" is not a real date: February 2024 has 29 days',
			'dates.yaml:9 holidays[1]: "2024-11-31" is not a real date: November 2024 has 30 days',
			'dates.yaml:9 holidays[2]: "2025-02-29" is not a real date: February 2025 has 28 days',
			'dates.yaml:9 holidays[3]: "2024-13-01" is not a real date: there is no month 13'
		]
	},
	'hold-manual.yaml': {
		what: 'reports hold: true on a manual inject',
		issues: [
			'hold-manual.yaml:26 injects[1].hold: hold: true does nothing on a manual inject, which always waits for the facilitator: remove hold, or give the inject a trigger'
		]
	},
	'numeric-bands.yaml': {
		what: 'reports numbers no band scores, bands that can never score and bands outside the range',
		issues: [
			'numeric-bands.yaml:26 injects[0].decision.numeric.bands: numbers between 2 and 3 (such as 2.5) fall in no band, so they score nothing: let the next band start at 2 (the first matching band wins)',
			'numeric-bands.yaml:26 injects[0].decision.numeric.bands: numbers between 11 and 12 (such as 11.5) fall in no band, so they score nothing: let the next band start at 11 (the first matching band wins)',
			'numeric-bands.yaml:26 injects[0].decision.numeric.bands: numbers above 24 up to 60 (such as 42) fall in no band, so they score nothing: let a band end at 60',
			'numeric-bands.yaml:29 injects[0].decision.numeric.bands[2]: band 4..6 can never score: every number in it already falls in an earlier band (the first matching band wins)',
			'numeric-bands.yaml:31 injects[0].decision.numeric.bands[4]: band 70..∞ lies outside the answer range 0..60, so no answer can fall in it',
			'numeric-bands.yaml:42 injects[1].decision.numeric.bands: numbers below 0 (such as -1) fall in no band, so they score nothing: add a band without a min, or set numeric.min'
		]
	},
	'justify.yaml': {
		what: 'reports a rubric on an unjustified choice, a justified text and an unshuffled ranking in its scored order',
		issues: [
			'justify.yaml:26 injects[0].decision.rubric: a single decision takes a rubric only with "justify: true" (the rubric marks the team’s reasoning)',
			'justify.yaml:37 injects[1].decision.justify: "justify" does not apply to a text decision: its answer already is the team’s reasoning',
			'justify.yaml:49 injects[2].decision.shuffle: with "shuffle: false" the options are shown as written, and they are written in the expected order: an untouched ranking would score full marks; list them in another order'
		]
	},
	'templates.yaml': {
		what: 'reports templates that are never filled, hand-written dates in phase updates and unusable variables',
		issues: [
			'templates.yaml:10 variables.org.default: the default is 17 characters, longer than maxLength 5',
			'templates.yaml:11 variables.region.pattern: is not a valid regular expression: Invalid regular expression: /^(?:[a-z)$/u: Unterminated character class',
			'templates.yaml:12 variables.city.default: the default "Dallas" does not match the pattern [A-Z]{3}',
			'templates.yaml:14 sources[0].url: "{{org}}" would be shown as written: templates are only filled in texts people read (titles, bodies, labels, notes, guidance), and url is not one',
			'templates.yaml:20 phases[0].update: the update writes the date "Thursday 3" by hand; write {{phase.date}} (or {{phase.day}}, {{phase.time}}) so it shows the day the phase actually opens',
			'templates.yaml:23 phases[1].update: the update writes the date "4 Oct" by hand; write {{phase.date}} (or {{phase.day}}, {{phase.time}}) so it shows the day the phase actually opens',
			'templates.yaml:30 injects[0].body: "{{phase.date}}" only works in a phase\'s title, update, notes and questions',
			'templates.yaml:34 clocks[0].regime: "{{org}}" would be shown as written: templates are only filled in texts people read (titles, bodies, labels, notes, guidance), and regime is not one'
		]
	},
	'ranking.yaml': {
		what: 'reports a ranking order that is not a permutation of the options',
		issues: [
			'ranking.yaml:28 injects[0].decision.ranking.order: ranking order must list every option exactly once: "rotate" missing; "hunt" listed more than once; "patch" not among the options'
		]
	}
};

describe('broken scenarios', () => {
	it('has an expectation for every fixture in test/fixtures/broken', () => {
		expect(yamlIn(brokenDir)).toEqual(Object.keys(expected).sort());
	});

	for (const [name, { what, issues }] of Object.entries(expected)) {
		it(`${what} (${name})`, () => {
			expect(problems(brokenDir, name)).toEqual(issues);
		});
	}
});

describe('npm run scenario (scripts/scenario-cli.ts)', () => {
	const cli = (...args: string[]) => {
		const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/scenario-cli.ts', ...args], {
			cwd: root,
			encoding: 'utf8'
		});
		return { status: run.status, stdout: run.stdout, stderr: run.stderr };
	};

	it('validate prints a summary line and exits 0 for valid scenarios', () => {
		const run = cli('validate', 'scenarios/example-quickstart.yaml');
		expect(run.stdout.trim()).toBe('1 scenario valid: example-quickstart');
		expect(run.status).toBe(0);
	});

	it('validate prints every problem of every file and exits 1', () => {
		const run = cli(
			'validate',
			'test/fixtures/broken/unknown-inject.yaml',
			'test/fixtures/broken/ranking.yaml'
		);
		expect(run.stdout).toContain(
			'test/fixtures/broken/unknown-inject.yaml:38 injects[2].trigger.after: unknown inject "fbi-cal"'
		);
		expect(run.stdout).toContain('test/fixtures/broken/ranking.yaml:28 injects[0].decision.ranking.order:');
		expect(run.stderr).toContain('2 problems in 2 files');
		expect(run.status).toBe(1);
	});

	it('simulate --json prints the timeline and final scores', () => {
		const run = cli(
			'simulate',
			'scenarios/example-quickstart.yaml',
			'--answers',
			'test/fixtures/answers/example-quickstart-strong.yaml',
			'--json'
		);
		expect(run.status).toBe(0);
		const result = JSON.parse(run.stdout);
		expect(result.scenario).toBe('example-quickstart');
		expect(result.scores.legal.total.points).toBe(result.scores.legal.total.maxPoints);
	});

	it('simulate refuses an answer to a decision the team never receives and exits 1', () => {
		const run = cli(
			'simulate',
			'scenarios/example-quickstart.yaml',
			'--answers',
			'test/fixtures/broken-answers/example-quickstart-wrong-team.yaml'
		);
		expect(run.stdout.trim()).toBe(
			'test/fixtures/broken-answers/example-quickstart-wrong-team.yaml:4 answers[1].team: comms never receives d-contain: its inject "config-ticket" is only for soc'
		);
		expect(run.status).toBe(1);
	});

	it('balance prints each team by phase, and --json the report; it exits 1 when the target is missed', () => {
		const text = cli('balance', 'scenarios/salt-typhoon-exec.yaml');
		expect(text.stdout).toContain('Team balance of');
		expect(text.stdout).toMatch(/^team +p1 +p2 +p3 +clocks +messages +total +share$/m);
		const json = cli('balance', 'scenarios/salt-typhoon-exec.yaml', '--json');
		const report = JSON.parse(json.stdout);
		expect(report.teams.map((t: { team: string }) => t.team)).toEqual(['exec', 'legal']);
		expect(json.status).toBe(report.shortfalls.length ? 1 : 0);
		expect(text.status).toBe(json.status);
	});

	it('prints the help and exits 2 on a usage error', () => {
		const run = cli('simulate', 'scenarios/example-quickstart.yaml');
		expect(run.stderr).toContain('simulate needs --answers <answers.yaml>');
		expect(run.stderr).toContain('Usage:');
		expect(run.status).toBe(2);
	});
});
