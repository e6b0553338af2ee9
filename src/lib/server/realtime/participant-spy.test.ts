/**
 * The spy test: every shipped scenario is played through the real server with its strong answer script, one
 * socket.io participant per team, and each participant records every payload it receives from StartEx to EndEx
 * and through each debrief setting after it. No payload may carry a clock before its `visible` rule lets that
 * team see it, a clock or phase note, an inject's facilitator notes, rubric guidance, an option or band rationale,
 * a model answer, another team's answers or reasoning, or any rating or score before the debrief settings allow.
 * It is data-driven: every scenarios/*.yaml with a test/fixtures/answers/<name>-strong.yaml is played.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswerScript, type AnswerScript } from '$lib/engine/answer-script';
import { parseScenario } from '$lib/engine/scenario';
import { fill } from '$lib/engine/templates';
import type { ClockDef, DebriefSettings, Scenario } from '$lib/engine/types';
import type { WireFacilitatorView, WireTeamView } from '$lib/realtime/wire-view';
import type { PatchMessage, ViewMessage } from '$lib/realtime/contract';
import { testTargets, type TestDatabase } from '../db/test-targets';
import { facilitatorCookie, manualClock, startServer, type TestServer } from '../testing/harness';
import { ScriptedRun } from '../testing/scripted-run';

const ROOT = join(import.meta.dirname, '../../../..');
const SCENARIOS = join(ROOT, 'scenarios');
const ANSWERS = join(ROOT, 'test/fixtures/answers');

const shipped = readdirSync(SCENARIOS)
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => ({ file: f, name: f.replace(/\.yaml$/, '') }))
	.filter(({ name }) => existsSync(join(ANSWERS, `${name}-strong.yaml`)));

/** Keys that only staff views may carry, at any time. */
const STAFF_ONLY_KEYS = [
	'notes',
	'facilitatorNotes',
	'guidance',
	'visible',
	'marks',
	'markNote',
	'timeline',
	// A message's rubric, its marks and the holds it breached.
	'rubric',
	'mark',
	'breaches'
];
/** Keys of the debrief and scores, which no team payload carries before EndEx. */
const AFTER_END_KEYS = [
	'score',
	'debrief',
	'points',
	'maxPoints',
	'rating',
	'ratings',
	'suggestion',
	'rationale',
	'modelAnswers',
	'otherTeams'
];

/** Texts of the ad-hoc question the spy run asks the first team, unique enough to search every payload for. */
const ADHOC = {
	prompt: 'SPY-ADHOC-PROMPT: who tells the regulator?',
	option: 'SPY-ADHOC-OPTION legal calls them',
	reasoning: 'SPY-ADHOC-REASONING they own the relationship'
};

/** Every key used anywhere in a JSON value. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const v of value) keysOf(v, out);
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			out.add(k);
			keysOf(v, out);
		}
	return out;
}

/** The clocks a team may see, by the rule the README states, given the facilitator's view of the same moment. */
function visibleClocks(scenario: Scenario, fac: WireFacilitatorView, team: string): string[] {
	const started = !['lobby', 'briefing'].includes(fac.header.lifecycle);
	const status = new Map(fac.clocks.map((c) => [c.id, c.status]));
	const may = (c: ClockDef) => {
		const running = (status.get(c.id) ?? 'idle') !== 'idle';
		switch (c.visible) {
			case 'all':
				return started;
			case 'owner':
				return c.owner === team ? started : running;
			case 'started':
				return running;
			case 'facilitator':
				return false;
		}
	};
	return scenario.clocks.filter(may).map((c) => c.id);
}

/** Facilitator-only texts of a scenario, filled with the exercise's variables; rationales kept apart. */
function secretTexts(scenario: Scenario, vars: Record<string, string>) {
	const f = (t: string | undefined) => (t ? fill(t, vars).trim() : '');
	const long = (t: string) => t.length >= 12;
	const always = [
		...scenario.clocks.map((c) => f(c.notes)),
		...scenario.phases.map((p) => f(p.notes)),
		...scenario.injects.map((i) => f(i.facilitatorNotes)),
		...scenario.injects.flatMap((i) => (i.decision?.rubric ?? []).map((r) => f(r.guidance))),
		...(scenario.messageRubrics ?? []).flatMap((r) => r.criteria.map((c) => f(c.guidance)))
	].filter(long);
	const rationales = scenario.injects
		.flatMap((i) => [
			...(i.decision?.options ?? []).map((o) => f(o.rationale)),
			...(i.decision?.numeric?.bands ?? []).map((b) => f(b.rationale))
		])
		.filter(long);
	// A message rubric's criteria reach a team only in its own score, after EndEx.
	const criteria = (scenario.messageRubrics ?? [])
		.flatMap((r) => r.criteria.map((c) => f(c.label)))
		.filter(long);
	return { always, rationales, criteria };
}

describe.each(shipped)('a participant’s socket over a full run of $file', ({ file, name }) => {
	const target = testTargets[0];
	let db: TestDatabase;
	let server: TestServer;
	let run: ScriptedRun;
	let script: AnswerScript;
	let teams: string[];
	let vars: Record<string, string>;
	/** The team the ad-hoc question went to. */
	let adhocTo: string;
	/** The debrief settings in force at each version after EndEx, as the facilitator set them. */
	const settingsAt = new Map<number, DebriefSettings>();

	beforeAll(async () => {
		const parsed = parseScenario(readFileSync(join(SCENARIOS, file), 'utf8'), file);
		expect(parsed.issues).toEqual([]);
		const scenario = parsed.scenario!;
		const scriptFile = `${name}-strong.yaml`;
		const s = parseAnswerScript(readFileSync(join(ANSWERS, scriptFile), 'utf8'), scriptFile);
		script = s.script!;
		teams = script.teams ?? scenario.teams.map((t) => t.id);

		db = await target.create();
		const clock = manualClock();
		server = await startServer(db, clock, 200, SCENARIOS);
		const fac = await facilitatorCookie(server.app);
		const f = (await server.app.sessions.byToken(fac.cookie.split('=')[1]))!;
		const created = await server.app.exercises.create(f, {
			scenarioId: scenario.id,
			teams,
			variables: script.variables
		});
		run = new ScriptedRun(server, scenario, script, created.id);
		await run.connect(fac.cookie, created.joinCode, teams);
		vars = Object.fromEntries(
			Object.entries(scenario.variables).map(([k, v]) => [k, script.variables?.[k] ?? v.default])
		);

		await run.facilitator({ type: 'exercise.brief' });
		await run.facilitator({ type: 'exercise.start' });
		// An ad-hoc question to the first team only: no other team may ever see it, its options or its answer.
		adhocTo = teams[0];
		await run.facilitator({
			type: 'inject.adhoc',
			title: 'Spy test: a question for one team',
			body: 'Only the first team receives this.',
			channel: 'chat',
			audience: [adhocTo],
			decision: {
				prompt: ADHOC.prompt,
				options: [ADHOC.option, 'Another option'],
				deadlineMinutes: 30,
				justify: true
			}
		});
		const asked = (await run.teamView(adhocTo)).decisions.find((d) => d.prompt === ADHOC.prompt)!;
		await run.answer(adhocTo, {
			type: 'answer.submit',
			decisionId: asked.id,
			answer: { type: 'single', option: asked.options.find((o) => o.label === ADHOC.option)!.id },
			justification: ADHOC.reasoning
		});
		// An evaluator's rating mid-run must not reach the team before the debrief.
		const objective = scenario.objectives[0];
		await run.facilitator({
			type: 'rating.set',
			teamId: teams[0],
			objectiveId: objective.id,
			rating: 'S',
			reason: 'Rated mid-run by the spy test',
			evidence: []
		});
		await run.playUntil(script.endAt ?? Infinity);
		// Hot wash: the facilitator may already choose the debrief, but teams see nothing of it before EndEx.
		await run.facilitator({ type: 'exercise.hotwash' });
		await run.facilitator({ type: 'debrief.set', rationale: true, modelAnswers: true, otherTeams: true });
		for (const team of teams) await run.teamView(team);
		await run.facilitator({ type: 'exercise.end' });
		const none = { rationale: false, modelAnswers: false, otherTeams: false };
		const settings: DebriefSettings[] = [
			none,
			{ ...none, rationale: true },
			{ ...none, modelAnswers: true },
			{ ...none, otherTeams: true },
			{ rationale: true, modelAnswers: true, otherTeams: true },
			none
		];
		for (const s of settings) {
			const version = await run.facilitator({ type: 'debrief.set', ...s });
			settingsAt.set(version, s);
			for (const team of teams) await run.teamView(team);
		}
	}, 300_000);

	afterAll(async () => {
		await server?.close();
		await db?.drop();
	});

	/**
	 * Every view a team held (synced, pushed whole or built from a patch), with the facilitator's view of the
	 * same version.
	 */
	function viewsOf(team: string): { msg: ViewMessage; fac: WireFacilitatorView }[] {
		return run.teamViews(team).map((msg) => {
			const fac = run.facilitatorViews.get(msg.version);
			if (!fac) throw new Error(`no facilitator view of version ${msg.version}`);
			return { msg, fac };
		});
	}

	it('records a whole run for every team: StartEx, deliveries, EndEx and the debrief', () => {
		for (const team of teams) {
			const views = viewsOf(team).map((v) => v.msg.view as WireTeamView);
			expect(views.some((v) => v.header.lifecycle === 'running')).toBe(true);
			expect(views.some((v) => v.header.lifecycle === 'hotwash')).toBe(true);
			expect(views.some((v) => v.feed.length > 0)).toBe(true);
			expect(views.at(-1)!.header.lifecycle).toBe('ended');
		}
		expect(run.submitted.length).toBeGreaterThan(0);
	});

	it('shows a team no inject, decision or clock before StartEx', () => {
		for (const team of teams) {
			const before = viewsOf(team)
				.map((v) => v.msg.view as WireTeamView)
				.filter((v) => v.header.lifecycle === 'lobby' || v.header.lifecycle === 'briefing');
			expect(before.length).toBeGreaterThan(0);
			for (const v of before) expect([v.feed, v.decisions, v.clocks]).toEqual([[], [], []]);
		}
	});

	it('receives only events meant for a team: its own views', () => {
		for (const team of teams) {
			const events = new Set(run.received.get(team)!.map((r) => r.event));
			expect([...events].every((e) => ['exercise:patch', 'exercise:view', 'sync'].includes(e))).toBe(true);
			expect(events.has('exercise:patch')).toBe(true);
			expect(run.gaps(team)).toBe(0);
			for (const { msg } of viewsOf(team)) {
				expect(msg.view.kind).toBe('team');
				expect((msg.view as WireTeamView).team.id).toBe(team);
			}
		}
	});

	it('never shows a clock before its visibility rule lets the team see it', () => {
		for (const team of teams)
			for (const { msg, fac } of viewsOf(team)) {
				const shown = (msg.view as WireTeamView).clocks.map((c) => c.id);
				expect(shown, `${team} at version ${msg.version}`).toEqual(visibleClocks(run.scenario, fac, team));
			}
		const hidden = run.scenario.clocks.filter((c) => c.description.trim().length >= 12);
		for (const team of teams)
			for (const { msg, fac } of viewsOf(team)) {
				const json = JSON.stringify(msg);
				const allowed = new Set(visibleClocks(run.scenario, fac, team));
				for (const c of hidden)
					if (!allowed.has(c.id))
						expect(json.includes(fill(c.description, vars).trim()), `${c.id} to ${team}`).toBe(false);
			}
	});

	it('never carries notes, facilitator notes, rubric guidance, marks or the event log', () => {
		const { always } = secretTexts(run.scenario, vars);
		for (const team of teams)
			for (const { msg } of viewsOf(team)) {
				const keys = keysOf(msg.view);
				for (const k of STAFF_ONLY_KEYS) expect(keys.has(k), `"${k}" to ${team}`).toBe(false);
				const json = JSON.stringify(msg);
				for (const text of always) expect(json.includes(text), `"${text}" to ${team}`).toBe(false);
			}
	});

	it('carries no score, rating, suggestion, rationale, model answer or message criterion before EndEx', () => {
		const { rationales, criteria } = secretTexts(run.scenario, vars);
		for (const team of teams)
			for (const { msg } of viewsOf(team)) {
				if ((msg.view as WireTeamView).header.lifecycle === 'ended') continue;
				for (const text of criteria)
					expect(JSON.stringify(msg).includes(text), `message criterion "${text}" to ${team}`).toBe(false);
				const keys = keysOf(msg.view);
				for (const k of AFTER_END_KEYS) expect(keys.has(k), `"${k}" to ${team} before EndEx`).toBe(false);
				const json = JSON.stringify(msg);
				for (const text of rationales) expect(json.includes(text), `rationale to ${team}`).toBe(false);
			}
	});

	it('after EndEx carries rationale, model answers and other teams’ results only as the settings allow', () => {
		const { rationales } = secretTexts(run.scenario, vars);
		const seen = { rationale: false, modelAnswers: false, otherTeams: false };
		for (const team of teams)
			for (const { msg, fac } of viewsOf(team)) {
				const view = msg.view as WireTeamView;
				if (view.header.lifecycle !== 'ended') continue;
				const allowed = fac.debrief;
				// The settings themselves travel with the debrief; what they share is checked below.
				const { settings: _settings, ...shared } = view.debrief ?? {};
				const keys = keysOf({ ...view, debrief: shared });
				expect(view.score, 'own score after EndEx').toBeDefined();
				const json = JSON.stringify(view);
				const hasRationale = keys.has('rationale') || rationales.some((t) => json.includes(t));
				if (!allowed.rationale) expect(hasRationale, `rationale to ${team}`).toBe(false);
				if (!allowed.modelAnswers) expect(keys.has('modelAnswers'), `model answers to ${team}`).toBe(false);
				if (!allowed.otherTeams) expect(keys.has('otherTeams'), `other teams to ${team}`).toBe(false);
				if (keys.has('modelAnswers')) seen.modelAnswers = true;
				if (keys.has('otherTeams')) seen.otherTeams = true;
				if (hasRationale) seen.rationale = true;
			}
		// Each setting, once on, did reach the teams (so the checks above are not vacuous).
		expect(seen.modelAnswers).toBe(true);
		expect(seen.otherTeams || teams.length === 1).toBe(true);
		expect(seen.rationale).toBe(true);
		expect([...settingsAt.keys()].every((v) => run.facilitatorViews.has(v))).toBe(true);
	});

	it('never carries another team’s drafts; a message reaches only its team, its approver and its recipients', () => {
		const played = run.messages;
		expect(played.length > 0 || (script.messages ?? []).length === 0).toBe(true);
		for (const team of teams)
			for (const { msg } of viewsOf(team)) {
				const json = JSON.stringify(msg);
				for (const m of played) {
					if (m.team !== team) expect(json.includes(m.draft), `${m.team}'s draft to ${team}`).toBe(false);
					const entitled = m.team === team || m.approver === team || m.to.includes(team);
					if (!entitled) expect(json.includes(m.sent), `${m.team}'s message to ${team}`).toBe(false);
				}
			}
		// Scripted marks reached the facilitator (so the staff-only keys checked above were in play).
		if ((script.messages ?? []).some((m) => m.marks)) {
			const last = [...run.facilitatorViews.values()].at(-1)!;
			expect(last.messages.some((m) => m.mark !== undefined)).toBe(true);
		}
		// The approving team did see what it approved (so the check above is not vacuous).
		for (const m of played.filter((p) => p.approver))
			expect(viewsOf(m.approver!).some(({ msg }) => JSON.stringify(msg).includes(m.sent))).toBe(true);
	});

	it('never carries another team’s answers or reasoning', () => {
		for (const team of teams)
			for (const { msg } of viewsOf(team)) {
				const view = msg.view as WireTeamView;
				for (const d of view.decisions) if (d.answer) expect(d.answer.teamId).toBe(team);
				const json = JSON.stringify(msg);
				const own = new Set(run.submitted.filter((s) => s.team === team).map((s) => s.text));
				for (const s of run.submitted)
					if (s.team !== team && !own.has(s.text) && s.text.length >= 12)
						expect(json.includes(s.text), `${s.team}'s text to ${team}`).toBe(false);
			}
	});

	it('gives an ad-hoc question and its answer to the addressed team only, in views and patches', () => {
		const texts = Object.values(ADHOC);
		for (const team of teams) {
			const payloads = run.received.get(team)!.map((r) => JSON.stringify(r.payload));
			for (const text of texts) {
				const seen = payloads.some((p) => p.includes(text));
				expect(seen, `"${text}" to ${team}`).toBe(team === adhocTo);
			}
		}
		const last = viewsOf(adhocTo).at(-1)!.msg.view as WireTeamView;
		expect(last.decisions.find((d) => d.prompt === ADHOC.prompt)).toMatchObject({
			adhoc: true,
			answer: { justification: ADHOC.reasoning }
		});
	});

	it('sends each team patches that carry nothing its own views may not: no staff keys, secrets or other teams’ work', () => {
		const { always, rationales } = secretTexts(run.scenario, vars);
		let patches = 0;
		for (const team of teams) {
			const own = new Set(run.submitted.filter((s) => s.team === team).map((s) => s.text));
			const others = run.submitted.filter((s) => s.team !== team && !own.has(s.text) && s.text.length >= 12);
			const drafts = run.messages.filter((m) => m.team !== team).map((m) => m.draft);
			const held = new Map(run.teamViews(team).map((m) => [m.version, m.view as WireTeamView]));
			for (const r of run.received.get(team)!) {
				if (r.event !== 'exercise:patch') continue;
				patches++;
				const patch = r.payload as PatchMessage;
				const json = JSON.stringify(patch);
				const keys = keysOf(patch.patch.map((op) => [op[0].filter((s) => typeof s === 'string'), op[1]]));
				for (const k of STAFF_ONLY_KEYS) expect(keys.has(k), `"${k}" in a patch to ${team}`).toBe(false);
				for (const text of always) expect(json.includes(text), `"${text}" in a patch to ${team}`).toBe(false);
				for (const s of others)
					expect(json.includes(s.text), `${s.team}'s text in a patch to ${team}`).toBe(false);
				for (const d of drafts) expect(json.includes(d), `a draft in a patch to ${team}`).toBe(false);
				const after = held.get(patch.to);
				if (after?.header.lifecycle !== 'ended') {
					for (const k of AFTER_END_KEYS) expect(keys.has(k), `"${k}" in a patch to ${team}`).toBe(false);
					for (const text of rationales)
						expect(json.includes(text), `rationale in a patch to ${team}`).toBe(false);
				}
			}
		}
		expect(patches).toBeGreaterThan(0);
	});
});
