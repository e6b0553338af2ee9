import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { ServiceError } from '../errors';
import { fakeRequest, manualClock, startApp } from '../testing/harness';
import type { Facilitator } from './sessions';
import { CSV_COLUMNS } from './review';

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
});
