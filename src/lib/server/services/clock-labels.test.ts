/**
 * Clocks are labelled for what they are in the review and every export: a `benchmark: true` clock as an exercise
 * benchmark, not a legal deadline, and a hold as observed or breached, never as a met or missed deadline. The
 * clock-kinds test scenario has one of each; the PDF is the printed review page (checked in the browser test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { fakeRequest, manualClock, startApp } from '../testing/harness';
import { schemaErrors, type JsonSchema } from './exports-json-schema';
import type { ReviewData } from './review';
import type { Facilitator } from './sessions';

const BENCHMARK = 'Exercise benchmark, not a legal deadline';

describe('clock labels in the review and the exports', () => {
	let app: App;
	let close: () => Promise<void>;
	let f: Facilitator;
	let id: string;
	let review: ReviewData;

	beforeAll(async () => {
		({ app, close } = await startApp(manualClock()));
		f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
		({ id } = await app.exercises.create(f, { scenarioId: 'clock-kinds', teams: ['soc', 'legal'] }));
		const host = await app.hosts.get(id);
		const fac = { role: 'facilitator' as const, userId: f.userId };
		const player = (teamId: string) => ({
			role: 'participant' as const,
			teamId,
			userId: teamId,
			name: teamId
		});
		await host.submit(fac, { type: 'exercise.start' }, 'k-start');
		// The SOC's "wait" breaches the hold; Legal's "report" stops the legal deadline and the benchmark in time.
		const answer = (option: string, teamId: string) => ({
			type: 'answer.submit' as const,
			decisionId: 'd-report',
			teamId,
			answer: { type: 'single' as const, option }
		});
		await host.submit(player('soc'), answer('wait', 'soc'), 'k-soc');
		await host.submit(player('legal'), answer('report', 'legal'), 'k-legal');
		await host.submit(fac, { type: 'exercise.end' }, 'k-end');
		review = await app.review.forFacilitator(f, id);
	});
	afterAll(() => close());

	it('counts holds apart from deadlines in the executive summary', () => {
		expect(review.summary.clocks).toMatchObject({ met: 2, missed: 0, observed: 0, breached: 1 });
		const strengths = review.summary.strengths.map((s) => s.text);
		expect(strengths).toContain(
			'SOC met Early warning to the CSIRT (Test guidance 2; exercise benchmark, not a legal deadline) with 1d to spare.'
		);
		const improvements = review.summary.improvements.map((s) => s.text);
		expect(
			improvements.some((t) => t.startsWith('Legal breached the hold Law-enforcement quiet period'))
		).toBe(true);
		expect(improvements.join(' ')).not.toMatch(/missed Law-enforcement/);
	});

	it('says so in the score entries', () => {
		const soc = review.scores.soc.entries.find((e) => e.id === 'clock:bench')!;
		expect(soc.rule).toBe(
			'Test guidance 2 Early warning to the CSIRT met (exercise benchmark, not a legal deadline)'
		);
		const legal = review.scores.legal.entries.find((e) => e.id === 'clock:quiet')!;
		expect(legal.rule).toContain('breached');
	});

	it('labels each clock in the Markdown export', async () => {
		const { body } = await app.review.exportMarkdown(f, id);
		const rows = body.split('\n').filter((l) => l.startsWith('| '));
		const row = (name: string) => rows.find((l) => l.startsWith(`| ${name} |`))!;
		expect(row('Early warning to the CSIRT')).toContain(`| ${BENCHMARK} |`);
		expect(row('Regulator report')).toContain('| Deadline |');
		expect(row('Law-enforcement quiet period')).toContain('| Hold |');
		expect(row('Law-enforcement quiet period')).toMatch(/\| Breached [^|]* before it ended \|$/);
		expect(body).toContain('Regulatory clocks: 2 met, 0 missed; holds: 0 observed, 1 breached.');
	});

	it('labels each clock in the JSON export, which still matches its published schema', async () => {
		const { body } = await app.review.exportJson(f, id);
		const doc = JSON.parse(body);
		const labels = Object.fromEntries(doc.clocks.map((c: { id: string; label: string }) => [c.id, c.label]));
		expect(labels).toEqual({ statutory: 'Deadline', bench: BENCHMARK, quiet: 'Hold' });
		expect(doc.clocks.find((c: { id: string }) => c.id === 'quiet')).toMatchObject({
			kind: 'hold',
			status: 'breached'
		});
		const root = join(import.meta.dirname, '../../../..');
		const schema = JSON.parse(
			readFileSync(join(root, 'docs/exercise-export.schema.json'), 'utf8')
		) as JsonSchema;
		expect(schemaErrors(schema, doc)).toEqual([]);
	});
});
