import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { ServiceError } from '../errors';
import { fakeRequest, startApp } from '../testing/harness';
import type { Facilitator } from './sessions';

/** server-drill declares `org` and `region` and uses them in a team description, notes, a rubric and an objective. */
describe('creating an exercise with variable values', () => {
	let app: App;
	let close: () => Promise<void>;
	let f: Facilitator;

	beforeEach(async () => {
		({ app, close } = await startApp());
		f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
	});
	afterEach(() => close());

	const create = (variables: Record<string, string>) =>
		app.exercises.create(f, { scenarioId: 'server-drill', variables, teams: ['soc', 'legal'] });

	it('refuses a value that breaks its definition with a message naming the field', async () => {
		const refused = await create({ org: 'Contoso', region: 'Zone 9' }).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ServiceError);
		expect((refused as ServiceError).code).toBe('form/invalid');
		expect((refused as ServiceError).message).toBe(
			'Region: "Zone 9" is not in the expected form (letters and spaces).'
		);
		const blank = await create({ org: '   ' }).catch((e: unknown) => e);
		expect((blank as ServiceError).message).toBe(
			'Organisation name: enter a value (it is used in the scenario texts).'
		);
		const unknown = await create({ org: 'Contoso', colour: 'red' }).catch((e: unknown) => e);
		expect((unknown as ServiceError).message).toBe('The scenario has no variable "colour".');
		expect(await app.exercises.list(f)).toEqual([]);
	});

	it('fills the values into the join page, every view and the exports', async () => {
		const { id, joinCode } = await create({ org: 'Contoso', region: 'Pacific' });
		const info = await app.seats.lookup(fakeRequest(), joinCode);
		expect(info.organisation).toBe('Contoso');
		expect(info.teams.find((t) => t.id === 'legal')?.description).toBe('Counsel for Contoso');
		expect((await app.exercises.get(id)).teams.find((t) => t.id === 'legal')?.description).toBe(
			'Counsel for Contoso'
		);

		const host = await app.hosts.get(id);
		await host.submit({ role: 'facilitator', userId: f.userId }, { type: 'exercise.start' }, 'k-start');
		const facilitator = JSON.stringify(host.view({ role: 'facilitator' }));
		expect(facilitator).toContain('do not show teams of Contoso in Pacific');
		expect(facilitator).toContain('Names the Contoso routers');
		expect(facilitator).toContain('EVALUATOR-GUIDANCE-MARKER (Pacific)');
		expect(facilitator).toContain('Make the call for Contoso.');
		for (const viewer of [
			{ role: 'facilitator' as const },
			{ role: 'evaluator' as const },
			{ role: 'observer' as const },
			{ role: 'participant' as const, teamId: 'legal' }
		])
			expect(JSON.stringify(host.view(viewer)), viewer.role).not.toMatch(/\{\{\s*(org|region)\s*\}\}/);

		for (const file of [
			await app.review.exportCsv(f, id),
			await app.review.exportMarkdown(f, id),
			await app.review.exportJson(f, id)
		]) {
			// The JSON export's input log carries the scenario-free commands only; every text in it is filled.
			expect(file.body, file.filename).not.toMatch(/\{\{\s*(org|region)\s*\}\}/);
		}
	});
});

describe('naming an exercise', () => {
	let app: App;
	let close: () => Promise<void>;
	let f: Facilitator;

	beforeEach(async () => {
		({ app, close } = await startApp());
		f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
	});
	afterEach(() => close());

	const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as ServiceError);

	it('keeps the name given at creation and lists and renames it', async () => {
		const { id, name } = await app.exercises.create(f, {
			scenarioId: 'server-drill',
			name: '  Night shift drill ',
			teams: ['soc']
		});
		expect(name).toBe('Night shift drill');
		expect((await app.exercises.get(id)).name).toBe('Night shift drill');
		expect(await app.exercises.rename(f, id, 'Night shift drill, take two')).toEqual({
			from: 'Night shift drill',
			to: 'Night shift drill, take two'
		});
		expect((await app.exercises.list(f)).map((e) => e.name)).toEqual(['Night shift drill, take two']);
	});

	it('names an exercise created without a name after its scenario title and the day', async () => {
		const { id, title } = await app.exercises.create(f, { scenarioId: 'server-drill', teams: ['soc'] });
		const today = new Date().toISOString().slice(0, 10);
		expect((await app.exercises.get(id)).name).toBe(`${title} · ${today}`);
	});

	it('refuses a blank or overlong name with a message naming the field', async () => {
		const blank = await refusal(
			app.exercises.create(f, { scenarioId: 'server-drill', name: '   ', teams: ['soc'] })
		);
		expect(blank).toMatchObject({ code: 'form/invalid', message: 'Give the exercise a name.' });
		const { id } = await app.exercises.create(f, { scenarioId: 'server-drill', teams: ['soc'] });
		const long = await refusal(app.exercises.rename(f, id, 'x'.repeat(121)));
		expect(long).toMatchObject({
			code: 'form/invalid',
			message: 'The exercise name can be at most 120 characters (this one has 121).'
		});
		const missing = await refusal(app.exercises.rename(f, 'nope', 'Fine name'));
		expect(missing).toMatchObject({ code: 'exercise/not_found' });
	});
});
