/**
 * Issue 8's information discipline, checked on the flagship's content: played with the strong and the weak
 * scripts, a team's view at every step of the run carries no facilitator note, option rationale, rubric
 * guidance or model answer, and shows a clock only once it runs (never an exercise anchor). The clocks are
 * `visible: started` precisely so that a clock appearing can never answer the question in front of the team.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswerScript } from '../src/lib/engine/answer-script';
import { parseScenario } from '../src/lib/engine/scenario';
import { Simulation } from '../src/lib/engine/simulation';
import { fill } from '../src/lib/engine/templates';
import type { TeamView } from '../src/lib/engine/types';
import { viewFor } from '../src/lib/engine/views';

const root = join(import.meta.dirname, '..');
const { scenario } = parseScenario(readFileSync(join(root, 'scenarios/salt-typhoon.yaml'), 'utf8'), 'x');
const vars = { org: 'Northwind Telecom' };

/** Every text only staff may see, filled as a view would fill it. */
const secrets = [
	...scenario!.injects.flatMap((i) => [
		i.facilitatorNotes ?? '',
		...(i.decision?.options ?? []).map((o) => o.rationale),
		...(i.decision?.rubric ?? []).map((c) => c.guidance),
		...(i.decision?.numeric?.bands ?? []).map((b) => b.rationale)
	]),
	...scenario!.clocks.map((c) => c.notes ?? ''),
	...scenario!.phases.map((p) => p.notes ?? ''),
	scenario!.guide?.strongAnswers ?? ''
]
	.map((t) => fill(t, vars).trim())
	.filter((t) => t.length > 20);

describe.each(['salt-typhoon-strong.yaml', 'salt-typhoon-weak.yaml'])(
	'the flagship played with %s',
	(file) => {
		const script = parseAnswerScript(readFileSync(join(root, 'test/fixtures/answers', file), 'utf8'), file);
		const leaks = new Set<string>();
		const early = new Set<string>();
		let views = 0;
		new Simulation(scenario!, script.script!).runUntil((state) => {
			if (state.lifecycle === 'ended') return true;
			for (const teamId of state.config.teams) {
				const view = viewFor(state, { role: 'participant', teamId }, 0) as TeamView;
				const text = JSON.stringify(view);
				views++;
				for (const secret of secrets)
					if (text.includes(secret)) leaks.add(`${teamId}: ${secret.slice(0, 60)}`);
				for (const clock of view.clocks)
					if (clock.status === 'idle' || clock.id.startsWith('anchor-')) early.add(`${teamId}: ${clock.id}`);
				if ('notes' in view || view.clocks.some((c) => 'notes' in c)) leaks.add(`${teamId}: notes field`);
			}
			return false;
		});

		it('looks for every inject note, clock note and option rationale', () => {
			const notes = scenario!.injects.filter((i) => (i.facilitatorNotes ?? '').length > 20).length;
			expect(notes).toBeGreaterThan(50);
			expect(secrets.length).toBeGreaterThan(notes + scenario!.clocks.length);
		});

		it('looked at every team through the run', () => {
			expect(views).toBeGreaterThan(scenario!.teams.length * 50);
		});

		it('never shows a team a note, rationale, rubric guidance or model answer before the end', () => {
			expect([...leaks]).toEqual([]);
		});

		it('never shows a team a clock before it runs, nor an anchor', () => {
			expect([...early]).toEqual([]);
		});
	}
);
