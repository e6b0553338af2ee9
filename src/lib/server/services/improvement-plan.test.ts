import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { ServiceError } from '../errors';
import { fakeRequest, startApp } from '../testing/harness';
import { afterAction } from './review-services';
import type { Facilitator } from './sessions';

const action = {
	capability: 'Cybersecurity',
	issue: 'Router logs were not kept off-box',
	action: 'Forward router syslog to the SIEM',
	element: 'equipment' as const,
	owner: 'Network engineering',
	dueDate: '2026-03-31'
};

describe('improvement plan', () => {
	let app: App;
	let close: () => Promise<void>;
	let f: Facilitator;
	const create = (organisation: string) =>
		app.exercises.create(f, { scenarioId: 'server-drill', organisation, teams: ['soc'] }).then((e) => e.id);

	beforeEach(async () => {
		({ app, close } = await startApp());
		f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
	});
	afterEach(() => close());

	it("carries an organisation's open actions over to its next exercise until they are done", async () => {
		const { plan } = afterAction(app);
		const first = await create('Northwind');
		const open = await plan.add(f, first, action);
		await plan.add(f, first, { ...action, action: 'Write the CPNI runbook', status: 'done' });
		const next = await create('Northwind');
		const other = await create('Southwind');
		expect((await plan.forExercise(f, next)).carried.map((a) => a.id)).toEqual([open.id]);
		expect((await plan.forExercise(f, next)).carried[0].from?.exerciseId).toBe(first);
		expect((await plan.forExercise(f, other)).carried).toEqual([]);
		await plan.update(f, next, open.id, { status: 'done' });
		expect((await plan.forExercise(f, next)).carried).toEqual([]);
	});

	it('names the field when an action is invalid', async () => {
		const id = await create('Northwind');
		const refused = await afterAction(app)
			.plan.add(f, id, { ...action, element: 'budget' as never })
			.catch((e) => e);
		expect(refused).toBeInstanceOf(ServiceError);
		expect(refused.code).toBe('improvement/invalid');
		expect(refused.message).toContain('Element');
	});

	it("refuses to edit another organisation's action from this exercise", async () => {
		const { plan } = afterAction(app);
		const theirs = await plan.add(f, await create('Southwind'), action);
		const refused = await plan
			.update(f, await create('Northwind'), theirs.id, { status: 'done' })
			.catch((e) => e);
		expect(refused.code).toBe('improvement/not_found');
		expect(refused.status).toBe(404);
	});
});
