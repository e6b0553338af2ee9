import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { ServiceError } from '../errors';
import { fakeRequest, manualClock, startApp } from '../testing/harness';
import type { Facilitator } from './sessions';
import { CSV_COLUMNS } from './review';
import { readFileSync } from 'node:fs';
import { schemaErrors, type JsonSchema } from './exports-json-schema';

const schema = (name: string) => JSON.parse(readFileSync(`docs/${name}.schema.json`, 'utf8')) as JsonSchema;

describe('review service', () => {
	let app: App;
	let close: () => Promise<void>;
	let f: Facilitator;
	let id: string;
	let joinCode: string;

	beforeEach(async () => {
		const clock = manualClock();
		({ app, close } = await startApp(clock));
		f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
		({ id, joinCode } = await app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind, "Inc"',
			teams: ['soc', 'legal']
		}));
		const host = await app.hosts.get(id);
		await host.submit({ role: 'facilitator', userId: f.userId }, { type: 'exercise.start' }, 'k-start');
		clock.advance(1000);
		await host.submit({ role: 'system' }, { type: 'clock.tick' }, 'k-tick');
		await host.submit(
			{ role: 'participant', teamId: 'soc' },
			{
				type: 'answer.submit',
				decisionId: 'd-first',
				teamId: 'soc',
				answer: { type: 'single', option: 'hunt' }
			},
			'k-answer'
		);
	});
	afterEach(() => close());

	it('exports one CSV row per score entry under the documented header', async () => {
		const { filename, body } = await app.review.exportCsv(f, id);
		const lines = body.trimEnd().split('\r\n');
		expect(lines[0]).toBe(CSV_COLUMNS.join(','));
		expect(filename).toMatch(/^server-drill-northwind-inc-.*-scores\.csv$/);
		const hunt = lines.find((l) => l.includes('d-first') && l.startsWith('soc,'));
		expect(hunt).toBeDefined();
		expect(hunt).toContain(',5,5,');
	});

	it('exports JSON with the input log that replays the exercise', async () => {
		const doc = JSON.parse((await app.review.exportJson(f, id)).body);
		expect(doc.inputs.map((i: { key: string }) => i.key)).toEqual(['k-start', 'k-tick', 'k-answer']);
		expect(doc.config.teams).toEqual(['soc', 'legal']);
		expect(doc.scenario).toMatchObject({ id: 'server-drill', version: '1.0' });
	});

	it('keeps the review closed to participants until the exercise is over, then shows their team only', async () => {
		const seat = await app.seats.join(fakeRequest(), { code: joinCode, name: 'Lee', teamId: 'legal' });
		const early = await app.review.forSeat(seat).catch((x) => x);
		expect(early).toBeInstanceOf(ServiceError);
		expect(early.code).toBe('review/not_ready');
		const host = await app.hosts.get(id);
		await host.submit({ role: 'facilitator' }, { type: 'exercise.end' }, 'k-end');
		const data = await app.review.forSeat(seat);
		expect(Object.keys(data.scores)).toEqual(['legal']);
		expect(data.timeline.every((e) => !e.teamId || e.teamId === 'legal')).toBe(true);
		expect(JSON.stringify(data)).not.toContain('hunt');
	});

	it('writes a JSON export that conforms to docs/exercise-export.schema.json', async () => {
		const doc = JSON.parse((await app.review.exportJson(f, id)).body);
		expect(schemaErrors(schema('exercise-export'), doc)).toEqual([]);
		expect(doc.format).toBe('switchboard.exercise-export');
	});

	it('carries the message timeline with approvals and replies in the review and every export', async () => {
		const host = await app.hosts.get(id);
		const soc = { role: 'participant' as const, teamId: 'soc', name: 'Sam' };
		const draft = { channel: 'chat' as const, to: ['legal'], subject: 'Scope so far', body: 'Two routers.' };
		await host.submit(soc, { type: 'message.save', messageId: 'm-1', teamId: 'soc', draft }, 'k-m1');
		await host.submit(soc, { type: 'message.send', messageId: 'm-1', teamId: 'soc' }, 'k-m2');
		const hidden = { ...draft, subject: 'Unsent SOC draft' };
		await host.submit(soc, { type: 'message.save', messageId: 'm-2', teamId: 'soc', draft: hidden }, 'k-m3');

		const data = await app.review.forFacilitator(f, id);
		expect(data.messages?.map((m) => [m.subject, m.status, m.steps.map((s) => s.kind)])).toEqual([
			['Scope so far', 'sent', ['drafted', 'sent']],
			['Unsent SOC draft', 'draft', ['drafted']]
		]);
		const doc = JSON.parse((await app.review.exportJson(f, id)).body);
		expect(schemaErrors(schema('exercise-export'), doc)).toEqual([]);
		expect(doc.messages).toHaveLength(2);
		expect(doc.timeline.map((e: { text: string }) => e.text)).toContain('SOC sent "Scope so far" to Legal');
		const lines = (await app.review.exportJsonl(f, id)).body.trimEnd().split('\n');
		for (const line of lines) expect(schemaErrors(schema('event-log'), JSON.parse(line))).toEqual([]);
		const md = (await app.review.exportMarkdown(f, id)).body;
		expect(md).toContain('## Messages by team');
		expect(md).toContain('- **Scope so far** (chat) to Legal: sent');

		// Legal's own review shows what it received, never SOC's unsent draft.
		const seat = await app.seats.join(fakeRequest(), { code: joinCode, name: 'Lee', teamId: 'legal' });
		await host.submit({ role: 'facilitator' }, { type: 'exercise.end' }, 'k-end');
		const legal = await app.review.forSeat(seat);
		expect(legal.messages?.map((m) => m.subject)).toEqual(['Scope so far']);
		expect(JSON.stringify(legal)).not.toContain('Unsent SOC draft');
	});

	it('writes one schema-valid input per JSONL line, in seq order', async () => {
		const { body, filename } = await app.review.exportJsonl(f, id);
		const lines = body
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l));
		expect(filename).toMatch(/-events\.jsonl$/);
		expect(lines.map((l) => l.seq)).toEqual([1, 2, 3]);
		for (const line of lines) expect(schemaErrors(schema('event-log'), line)).toEqual([]);
	});

	it('puts the answer behind a decision entry into the CSV row', async () => {
		const { body } = await app.review.exportCsv(f, id);
		const row = body.split('\r\n').find((l) => l.startsWith('soc,') && l.includes('decision:d-first:soc'));
		expect(row).toContain(',d-first,Hunt quietly,');
	});

	it('names the unanswered decision among the areas for improvement', async () => {
		const data = await app.review.forFacilitator(f, id);
		const texts = data.summary.improvements.map((x) => x.text);
		expect(texts).toContain('Legal left "What now?" unanswered.');
		expect(texts.some((t) => t.startsWith('Legal — Decide'))).toBe(false);
		expect(texts[0]).toMatch(/^SOC — Decide: not rated yet — suggestion M \(5 of 9 points\)\.$/);
		expect(data.summary.strengths).toEqual([]);
		const md = (await app.review.exportMarkdown(f, id)).body;
		expect(md).toContain('**SOC: not rated yet — suggestion M.**');
		expect(md).toContain('| SOC | Not rated yet | suggestion M |');
	});

	it('shows the evaluator’s rating beside the suggestion, with who, why and the evidence in words', async () => {
		const host = await app.hosts.get(id);
		const entry = (await app.review.forFacilitator(f, id)).scores.soc.entries[0];
		await host.submit(
			{ role: 'evaluator', name: 'Eve' },
			{
				type: 'rating.set',
				teamId: 'soc',
				objectiveId: 'obj-a',
				rating: 'S',
				reason: 'Hunted quietly but never told legal',
				evidence: [entry.id, 'watched the bridge call']
			},
			'k-rate'
		);
		const data = await app.review.forFacilitator(f, id);
		const soc = data.objectiveReviews[0].teams.find((t) => t.teamId === 'soc');
		expect(soc).toMatchObject({
			rating: 'S',
			suggestion: 'M',
			ratedBy: 'Eve',
			reason: 'Hunted quietly but never told legal',
			evidenceCited: [
				`${entry.rule}: ${entry.points} of ${entry.maxPoints} points`,
				'watched the bridge call'
			]
		});
		expect(data.summary.ratings).toEqual({ P: 0, S: 1, M: 0, U: 0 });
		expect(data.summary.strengths[0].text).toBe(
			'SOC — Decide: rated S (suggestion M) by Eve: Hunted quietly but never told legal.'
		);
		expect(data.timeline.at(-1)?.text).toBe('Rated SOC S on "Decide" (by Eve)');
		const csv = (await app.review.exportCsv(f, id)).body.split('\r\n');
		const row = csv.find((l) => l.startsWith('soc,') && l.includes('rating:obj-a:soc'));
		expect(row).toContain(',S,M,Eve,Hunted quietly but never told legal,');
		const md = (await app.review.exportMarkdown(f, id)).body;
		expect(md).toMatch(
			/\*\*SOC: rated S — suggestion M; rated by Eve on \d{4}-\d\d-\d\d \d\d:\d\d UTC\.\*\* Why: Hunted quietly but never told legal/
		);
		expect(md).toContain('| SOC | S — Performed with some challenges | suggestion M |');
		const doc = JSON.parse((await app.review.exportJson(f, id)).body);
		expect(schemaErrors(schema('exercise-export'), doc)).toEqual([]);
		expect(doc.scores.soc.byObjective['obj-a']).toMatchObject({
			rating: 'S',
			suggestion: 'M',
			ratedBy: 'Eve'
		});
		const jsonl = (await app.review.exportJsonl(f, id)).body
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l));
		for (const line of jsonl) expect(schemaErrors(schema('event-log'), line)).toEqual([]);
	});

	it('states coverage in the executive summary instead of an overall rating', async () => {
		const data = await app.review.forFacilitator(f, id);
		expect(data.summary.overall).not.toHaveProperty('rating');
		expect(data.summary.coverage).toMatchObject({
			decisionsDelivered: 3,
			decisionsAnswered: 1,
			endedEarly: false
		});
		expect(data.summary.coverage.statement).toMatch(
			/^Coverage: 3 of \d+ decisions addressed to the teams reached them and 1 was answered;/
		);
		expect(data.summary.coverage.statement).toContain('The exercise is still running.');
	});

	it('replays what a team saw: no answer before it was given, the answer after', async () => {
		const before = await app.review.replayForFacilitator(f, id, 'soc', 2);
		const after = await app.review.replayForFacilitator(f, id, 'soc', 3);
		const first = (frame: typeof before) => frame.view.decisions.find((d) => d.id === 'd-first');
		expect(first(before)?.answer).toBeUndefined();
		expect(first(after)?.answer?.value).toEqual({ type: 'single', option: 'hunt' });
		expect((await app.review.replayForFacilitator(f, id, 'soc', 0)).view.feed).toEqual([]);
	});

	it("refuses a participant's replay of another team", async () => {
		const seat = await app.seats.join(fakeRequest(), { code: joinCode, name: 'Lee', teamId: 'legal' });
		const host = await app.hosts.get(id);
		await host.submit({ role: 'facilitator' }, { type: 'exercise.end' }, 'k-end');
		const refused = await app.review.replayForSeat(seat, 'soc', 3).catch((x) => x);
		expect(refused).toBeInstanceOf(ServiceError);
		expect(refused.code).toBe('review/forbidden');
		expect((await app.review.replayForSeat(seat, 'legal', 3)).view.team.id).toBe('legal');
	});

	it('exports a Markdown report with the summary, objectives and plan sections', async () => {
		const { body } = await app.review.exportMarkdown(f, id);
		for (const heading of [
			'# After-action report: Server drill',
			'## Executive summary',
			'### Decide',
			'## Improvement plan'
		]) {
			expect(body).toContain(heading);
		}
	});
});
