/**
 * Answer scripts: YAML files that say how each team answers, so a scenario can be played headlessly
 * (`npm run scenario -- simulate`). Problems are reported like the scenario parser's: file, line and path.
 *
 *   teams: [soc, legal]          # optional, default: all scenario teams
 *   compression: 30              # optional
 *   variables: { org: Acme }     # optional
 *   answers:
 *     - { team: soc, decision: d-contain, after: 15m, answer: monitor }   # after: scenario time after delivery, default 5m
 *     - { team: legal, decision: d-statement, answer: "text", marks: { accuracy: 1 } }
 *     - { team: legal, decision: d-materiality, answer: material, justification: "why", confidence: high }
 *   otherwise: { answer: first-shown, after: 2m }   # optional: how every decision the script leaves out is answered
 *   endAt: 6h                    # optional: the facilitator ends the exercise at this scenario time
 *   messages:                    # optional: messages teams send, at a scenario time after StartEx
 *     - { team: legal, to: fbi, channel: filing, at: 50h, subject: CPNI report, body: "..." }
 *
 * `marks` marks a text answer's rubric, or the reasoning of a justified choice. `otherwise` (script-otherwise.ts)
 * answers every other decision that reaches a team: with the first option as shown (`first-shown`, rankings left
 * untouched) or the lowest-scoring answer (`worst`), `after` a duration or at the `last-minute` of its deadline.
 * A scripted message that needs approval is submitted and approved by the approving team at once, then sent;
 * its `marks` (optional) mark it against the scenario's message rubric it matches, as an evaluator would.
 */
import { answerExtrasProblem, answerProblem } from './answers';
import { rubricFor } from './messages/rubrics';
import { parseOtherwise, type OtherwiseRule } from './script-otherwise';
import { parseDuration } from './scenario/durations';
import { formatPath, readSource, type Path } from './scenario/source-map';
import {
	CONFIDENCES,
	MESSAGE_CHANNELS,
	type AnswerValue,
	type Confidence,
	type MessageChannel,
	type Scenario,
	type ScenarioIssue
} from './types';

/** Default delay between a decision reaching a team and its scripted answer. */
export const DEFAULT_ANSWER_AFTER = 5 * 60_000;

/** One scripted answer. The raw answer is typed against the decision when the script is checked. */
export interface ScriptedAnswer {
	team: string;
	decision: string;
	/** Scenario ms after the decision reached the team. */
	after: number;
	answer: string | number | string[];
	justification?: string;
	confidence?: Confidence;
	marks?: Record<string, number>;
	/** Source line, for later problems. */
	line: number;
	index: number;
}

/** One scripted message, sent at scenario ms `at` after StartEx. */
export interface ScriptedMessage {
	team: string;
	to: string[];
	/** Absent: the first recipient persona's channel, else email. */
	channel?: MessageChannel;
	subject: string;
	body: string;
	at: number;
	/** An evaluator's marks against the message's rubric, given as soon as it is sent. */
	marks?: Record<string, number>;
	line: number;
	index: number;
}

/** A parsed answer script. */
export interface AnswerScript {
	file: string;
	teams?: string[];
	compression?: number;
	variables?: Record<string, string>;
	answers: ScriptedAnswer[];
	/** Scenario ms after StartEx at which the facilitator ends the exercise early; absent: when nothing is left. */
	endAt?: number;
	/** How decisions the script does not list are answered; absent: they stay unanswered. */
	otherwise?: OtherwiseRule;
	/** Messages teams send, soonest first. */
	messages: ScriptedMessage[];
}

const ROOT_KEYS = new Set(['teams', 'compression', 'variables', 'answers', 'otherwise', 'endAt', 'messages']);
const MESSAGE_KEYS = new Set(['team', 'to', 'channel', 'subject', 'body', 'at', 'marks']);
const ANSWER_KEYS = new Set(['team', 'decision', 'after', 'answer', 'justification', 'confidence', 'marks']);

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Parse an answer script; `script` is present only when there are no issues. */
export function parseAnswerScript(
	text: string,
	file: string
): { script?: AnswerScript; issues: ScenarioIssue[] } {
	const source = readSource(text);
	if (source.syntaxErrors.length)
		return { issues: source.syntaxErrors.map((e) => ({ file, line: e.line, path: '', message: e.message })) };
	const issues: ScenarioIssue[] = [];
	const report = (path: Path, message: string) =>
		issues.push({ file, line: source.lineOf(path), path: formatPath(path), message });
	const root = source.value;
	if (!isMap(root))
		return {
			issues: [{ file, line: 1, path: '', message: 'an answer script is a mapping with an `answers` list' }]
		};
	for (const key of Object.keys(root))
		if (!ROOT_KEYS.has(key))
			report(
				[key],
				`unknown key "${key}" (expected teams, compression, variables, answers, otherwise, endAt or messages)`
			);
	const script: AnswerScript = { file, answers: [], messages: [] };
	if (root.teams !== undefined) {
		if (!Array.isArray(root.teams) || root.teams.length === 0 || !root.teams.every(isId))
			report(['teams'], 'teams must be a non-empty list of team ids');
		else script.teams = root.teams;
	}
	if (root.compression !== undefined) {
		if (typeof root.compression !== 'number' || !(root.compression > 0))
			report(['compression'], 'compression must be a number above 0');
		else script.compression = root.compression;
	}
	if (root.variables !== undefined) {
		if (
			!isMap(root.variables) ||
			!Object.values(root.variables).every((v) => typeof v === 'string' || typeof v === 'number')
		)
			report(['variables'], 'variables must map names to text');
		else
			script.variables = Object.fromEntries(Object.entries(root.variables).map(([k, v]) => [k, String(v)]));
	}
	if (root.endAt !== undefined) {
		const endAt = parseDuration(root.endAt as string | number);
		if (endAt === null || endAt <= 0)
			report(['endAt'], `"${String(root.endAt)}" is not a scenario time after StartEx like 6h or 2d`);
		else script.endAt = endAt;
	}
	if (root.otherwise !== undefined) script.otherwise = parseOtherwise(root.otherwise, report);
	if (!Array.isArray(root.answers)) report(['answers'], 'answers must be a list (it may be empty: [])');
	else
		root.answers.forEach((raw, i) => {
			const at = (...rest: Path) => ['answers', i, ...rest];
			if (!isMap(raw)) return report(at(), 'each answer is a mapping with team, decision and answer');
			for (const key of Object.keys(raw)) if (!ANSWER_KEYS.has(key)) report(at(key), `unknown key "${key}"`);
			if (!isId(raw.team)) report(at('team'), 'team is required');
			if (!isId(raw.decision)) report(at('decision'), 'decision is required');
			const after =
				raw.after === undefined ? DEFAULT_ANSWER_AFTER : parseDuration(raw.after as string | number);
			if (after === null)
				report(at('after'), `"${String(raw.after)}" is not a duration like 15m, 2h or 1h30m`);
			const a = raw.answer;
			const okAnswer =
				typeof a === 'string' ||
				(typeof a === 'number' && Number.isFinite(a)) ||
				(Array.isArray(a) && a.every((x) => typeof x === 'string'));
			if (!okAnswer)
				report(at('answer'), 'answer must be an option id, a number, a text or a list of option ids');
			if (raw.justification !== undefined && typeof raw.justification !== 'string')
				report(at('justification'), 'justification must be text');
			if (raw.confidence !== undefined && !CONFIDENCES.includes(raw.confidence as Confidence))
				report(at('confidence'), 'confidence must be low, medium or high');
			let marks: Record<string, number> | undefined;
			if (raw.marks !== undefined) {
				if (
					!isMap(raw.marks) ||
					!Object.values(raw.marks).every((v) => typeof v === 'number' && v >= 0 && v <= 1)
				)
					report(at('marks'), 'marks map rubric criteria to a number from 0 to 1');
				else marks = raw.marks as Record<string, number>;
			}
			if (isId(raw.team) && isId(raw.decision) && after !== null && okAnswer)
				script.answers.push({
					team: raw.team,
					decision: raw.decision,
					after,
					answer: a as ScriptedAnswer['answer'],
					...(typeof raw.justification === 'string' ? { justification: raw.justification } : {}),
					...(CONFIDENCES.includes(raw.confidence as Confidence)
						? { confidence: raw.confidence as Confidence }
						: {}),
					marks,
					line: source.lineOf(at()),
					index: i
				});
		});
	if (root.messages !== undefined) {
		if (!Array.isArray(root.messages)) report(['messages'], 'messages must be a list');
		else
			root.messages.forEach((raw, i) => {
				const at = (...rest: Path) => ['messages', i, ...rest];
				if (!isMap(raw)) return report(at(), 'each message is a mapping with team, to, at, subject and body');
				for (const key of Object.keys(raw))
					if (!MESSAGE_KEYS.has(key)) report(at(key), `unknown key "${key}"`);
				const to = typeof raw.to === 'string' ? [raw.to] : raw.to;
				const okTo = Array.isArray(to) && to.length > 0 && to.every(isId);
				if (!isId(raw.team)) report(at('team'), 'team is required');
				if (!okTo) report(at('to'), 'to must be a persona or team id, or a list of them');
				const channel = raw.channel as MessageChannel | undefined;
				if (channel !== undefined && !MESSAGE_CHANNELS.includes(channel))
					report(at('channel'), `channel must be one of ${MESSAGE_CHANNELS.join(', ')}`);
				const when = parseDuration(raw.at as string | number);
				if (when === null)
					report(at('at'), `"${String(raw.at)}" is not a scenario time after StartEx like 50h`);
				for (const key of ['subject', 'body'] as const)
					if (typeof raw[key] !== 'string' || !(raw[key] as string).trim())
						report(at(key), `${key} is required`);
				const marksOk =
					raw.marks === undefined ||
					(isMap(raw.marks) &&
						Object.keys(raw.marks).length > 0 &&
						Object.values(raw.marks).every((v) => typeof v === 'number' && v >= 0 && v <= 1));
				if (!marksOk) report(at('marks'), 'marks map rubric criteria to a number from 0 to 1');
				if (
					isId(raw.team) &&
					okTo &&
					when !== null &&
					typeof raw.subject === 'string' &&
					typeof raw.body === 'string'
				)
					script.messages.push({
						team: raw.team,
						to: to as string[],
						...(channel && MESSAGE_CHANNELS.includes(channel) ? { channel } : {}),
						subject: raw.subject,
						body: raw.body,
						at: when,
						...(raw.marks !== undefined && marksOk ? { marks: raw.marks as Record<string, number> } : {}),
						line: source.lineOf(at()),
						index: i
					});
			});
		script.messages.sort((a, b) => a.at - b.at || a.index - b.index);
	}
	return issues.length ? { issues } : { script, issues };
}

/** The raw scripted answer as the decision's answer type, or a message saying why it does not fit. */
export function toAnswerValue(type: string, raw: ScriptedAnswer['answer']): AnswerValue | string {
	if (type === 'single' && typeof raw === 'string') return { type, option: raw };
	if (type === 'multiple' && Array.isArray(raw)) return { type, options: raw };
	if (type === 'ranking' && Array.isArray(raw)) return { type, order: raw };
	if (type === 'numeric' && typeof raw === 'number') return { type, value: raw };
	if (type === 'text' && typeof raw === 'string') return { type, text: raw };
	const want = {
		single: 'an option id',
		multiple: 'a list of option ids',
		ranking: 'a list of option ids',
		numeric: 'a number',
		text: 'a text'
	}[type];
	return `a ${type} decision needs ${want ?? 'a valid answer'}`;
}

/** Problems of a parsed script against a scenario (unknown teams, decisions, options, criteria, duplicates). */
export function checkAnswerScript(scenario: Scenario, script: AnswerScript): ScenarioIssue[] {
	const issues: ScenarioIssue[] = [];
	const teams = new Set(scenario.teams.map((t) => t.id));
	const playing = new Set(script.teams ?? teams);
	const decisions = new Map(
		scenario.injects.flatMap((i) => (i.decision ? [[i.decision.id, i.decision] as const] : []))
	);
	const injectOf = new Map(
		scenario.injects.flatMap((i) => (i.decision ? [[i.decision.id, i] as const] : []))
	);
	const report = (line: number, path: string, message: string) =>
		issues.push({ file: script.file, line, path, message });
	for (const t of script.teams ?? [])
		if (!teams.has(t)) report(1, 'teams', `team "${t}" is not in scenario ${scenario.id}`);
	const seen = new Set<string>();
	for (const a of script.answers) {
		const path = `answers[${a.index}]`;
		if (!teams.has(a.team))
			report(a.line, `${path}.team`, `team "${a.team}" is not in scenario ${scenario.id}`);
		const d = decisions.get(a.decision);
		if (!d) {
			report(a.line, `${path}.decision`, `decision "${a.decision}" is not in scenario ${scenario.id}`);
			continue;
		}
		const inject = injectOf.get(a.decision)!;
		if (teams.has(a.team) && !playing.has(a.team))
			report(
				a.line,
				`${path}.team`,
				`${a.team} does not play in this script (teams: ${[...playing].join(', ')}), so it never receives ${a.decision}`
			);
		else if (inject.audience !== 'all' && !inject.audience.includes(a.team))
			report(
				a.line,
				`${path}.team`,
				`${a.team} never receives ${a.decision}: its inject "${inject.id}" is only for ${inject.audience.join(', ')}`
			);
		if (seen.has(`${a.team}/${a.decision}`))
			report(a.line, path, `${a.team} already answers ${a.decision} earlier in the script`);
		seen.add(`${a.team}/${a.decision}`);
		const value = toAnswerValue(d.type, a.answer);
		const problem = typeof value === 'string' ? value : answerProblem(d, value);
		if (problem) report(a.line, `${path}.answer`, problem);
		const extras = answerExtrasProblem(d, a.justification, a.confidence);
		if (extras) report(a.line, `${path}.justification`, extras);
		for (const id of Object.keys(a.marks ?? {}))
			if (!d.rubric.some((c) => c.id === id))
				report(a.line, `${path}.marks.${id}`, `"${id}" is not a rubric criterion of ${d.id}`);
	}
	const personas = new Set((scenario.personas ?? []).map((p) => p.id));
	for (const m of script.messages) {
		const path = `messages[${m.index}]`;
		if (m.marks) {
			const persona = scenario.personas?.find((p) => m.to.includes(p.id));
			const channel = m.channel ?? persona?.channel ?? 'email';
			const rubric = rubricFor(scenario, { teamId: m.team, channel, to: m.to });
			if (!rubric)
				report(m.line, `${path}.marks`, 'the message matches none of the scenario’s message rubrics');
			else
				for (const id of Object.keys(m.marks))
					if (!rubric.criteria.some((c) => c.id === id))
						report(
							m.line,
							`${path}.marks.${id}`,
							`"${id}" is not a criterion of message rubric ${rubric.id}`
						);
		}
		if (!playing.has(m.team)) report(m.line, `${path}.team`, `team "${m.team}" does not play in this script`);
		for (const r of m.to)
			if (!personas.has(r) && !playing.has(r))
				report(
					m.line,
					`${path}.to`,
					`"${r}" is neither a persona of ${scenario.id} nor a team in this script`
				);
	}
	return issues;
}
