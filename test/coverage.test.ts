/**
 * Issue 8: HSEEP ratings belong to evaluators, and a computed suggestion is offered only for an objective the
 * team actually exercised. Observation: twelve in-world hours of the flagship's eleven days, played well, were
 * rated P on every objective touched, as if the whole scenario had been.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswerScript } from '../src/lib/engine/answer-script';
import { parseScenario } from '../src/lib/engine/scenario';
import { runSimulation } from '../src/lib/engine/simulate';
import { executiveSummary } from '../src/lib/server/services/review-summary';

const root = join(import.meta.dirname, '..');
const flagship = parseScenario(
	readFileSync(join(root, 'scenarios/salt-typhoon.yaml'), 'utf8'),
	'x'
).scenario!;
const strong = readFileSync(join(root, 'test/fixtures/answers/salt-typhoon-strong.yaml'), 'utf8');
const play = (extra: string) =>
	runSimulation(flagship, parseAnswerScript(`${strong}\n${extra}`, 'strong').script!);

describe('a short slice of the flagship', () => {
	const slice = play('endAt: 12h');
	const scores = Object.values(slice.scores);

	it('leaves every objective unrated until an evaluator rates it', () => {
		for (const s of scores) for (const o of Object.values(s.byObjective)) expect(o.rating).toBeNull();
	});

	it('suggests no rating for an objective the team barely reached', () => {
		const touched = scores.flatMap((s) =>
			Object.entries(s.byObjective)
				.filter(([, o]) => o.maxPoints > 0)
				.map(([id, o]) => ({ team: s.teamId, id, ...o }))
		);
		expect(touched.length).toBeGreaterThan(0);
		expect(touched.filter((o) => !o.exercised).length).toBeGreaterThan(0);
		for (const o of touched) if (!o.exercised) expect(o.suggestion, `${o.team} ${o.id}`).toBeNull();
	});

	it('states how much of the scenario was played and that it ended early', () => {
		for (const s of scores) {
			expect(s.coverage.endedEarly, s.teamId).toBe(true);
			expect(s.coverage.scenarioPlayed).toBeCloseTo(
				12 / ((flagship.durationMinutes * flagship.defaultCompression) / 60),
				3
			);
			expect(s.coverage.decisionsDelivered).toBeLessThan(s.coverage.decisionsInScope);
			expect(s.coverage.phasesReached).toBeLessThan(s.coverage.phasesTotal);
		}
	});

	it('has an executive summary that states the coverage and rates nothing by itself', () => {
		const summary = executiveSummary({
			teams: flagship.teams,
			objectives: flagship.objectives,
			scores: slice.scores,
			clocks: slice.clocks,
			notes: [],
			answers: [],
			lifecycle: 'ended'
		});
		expect(summary.overall).not.toHaveProperty('rating');
		expect(summary.ratings).toEqual({ P: 0, S: 0, M: 0, U: 0 });
		expect(summary.coverage.statement).toMatch(
			/reached; 4% of the scenario's length played\. The exercise ended early/
		);
		for (const f of [...summary.strengths, ...summary.improvements])
			expect(f.text).not.toMatch(/rated [PSMU]/);
	});

	it('keeps suggestions for a full strong run, which does not end early', () => {
		const full = play('');
		for (const s of Object.values(full.scores)) {
			expect(s.coverage.endedEarly, s.teamId).toBe(false);
			const exercised = Object.values(s.byObjective).filter((o) => o.exercised);
			expect(exercised.length, s.teamId).toBeGreaterThan(0);
			for (const o of exercised) expect(['P', 'S']).toContain(o.suggestion);
		}
	});
});
