import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/engine/scenario';
import { previewInject } from './preview';
import { simulate } from './simulation';
import { bestAnswersScript } from './starter-script';

const flagship = parseScenario(
	readFileSync('scenarios/salt-typhoon.yaml', 'utf8'),
	'salt-typhoon.yaml'
).scenario!;
const quickstart = parseScenario(
	readFileSync('scenarios/example-quickstart.yaml', 'utf8'),
	'q.yaml'
).scenario!;

describe('previewInject', () => {
	it("shows an inject through the team's own view: templates filled, decision without points", () => {
		const inject = quickstart.injects.find((i) => i.decision && i.audience !== 'all')!;
		const team = (inject.audience as string[])[0];
		const preview = previewInject(quickstart, inject.id, team);
		if (!preview.ok) throw new Error(preview.message);
		expect(preview.inject.id).toBe(inject.id);
		expect(preview.inject.body).not.toContain('{{');
		expect(preview.decision?.options.every((o) => Object.keys(o).sort().join() === 'id,label')).toBe(true);
		expect(preview.team.id).toBe(team);
	});

	it('says when an inject does not go to the chosen team', () => {
		const inject = quickstart.injects.find((i) => i.audience !== 'all')!;
		const other = quickstart.teams.find((t) => !(inject.audience as string[]).includes(t.id))!;
		expect(previewInject(quickstart, inject.id, other.id)).toEqual({
			ok: false,
			message: `"${inject.title}" does not go to ${other.name}.`
		});
	});
});

describe('simulate', () => {
	it('runs the shipped strong script and reports timeline, branches, clocks and scores', () => {
		const script = readFileSync('test/fixtures/answers/salt-typhoon-strong.yaml', 'utf8');
		const progress: number[] = [];
		const outcome = simulate(flagship, script, { onProgress: (at) => progress.push(at) });
		if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
		expect(outcome.view.timeline.length).toBeGreaterThan(50);
		expect(outcome.view.branches.length).toBeGreaterThan(0);
		expect(
			outcome.view.clocks.every((c) => ['met', 'missed', 'idle', 'running', 'breached'].includes(c.status))
		).toBe(true);
		expect(outcome.view.scores).toHaveLength(flagship.teams.length);
		expect(progress.at(-1)).toBeGreaterThan(progress[0]);
	});

	it('gives script problems as the CLI words them', () => {
		const outcome = simulate(flagship, 'answers:\n  - { team: nobody, decision: d-x, answer: a }\n');
		expect(outcome).toEqual({
			ok: false,
			problems: [
				'answers.yaml:2 answers[0].team: team "nobody" is not in scenario salt-typhoon',
				'answers.yaml:2 answers[0].decision: decision "d-x" is not in scenario salt-typhoon'
			]
		});
	});

	it.each([quickstart, flagship])(
		'writes a best-answers starter script for $id that simulates cleanly',
		(scenario) => {
			const outcome = simulate(scenario, bestAnswersScript(scenario));
			if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
			const total = outcome.view.scores.reduce((n, s) => n + s.points, 0);
			expect(total).toBeGreaterThan(0);
		}
	);
});
