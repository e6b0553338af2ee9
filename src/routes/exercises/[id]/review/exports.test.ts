import { isRedirect, redirect } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SYMBOL } from '$lib/server/app';
import { ServiceError } from '$lib/server/errors';
import { GET as getCsv } from './export.csv/+server';
import { GET as getJson } from './export.json/+server';

const slot = globalThis as Record<symbol, unknown>;
let facilitator = { userId: 'u1', username: 'dana', name: 'Dana', roles: ['facilitator'] };
let signedIn = true;

// Only the two services the export routes touch; the real ones are tested with the server.
const audited: unknown[][] = [];
const fakeApp = {
	audit: { record: async (...entry: unknown[]) => void audited.push(entry) },
	sessions: {
		require: async () => {
			if (!signedIn) redirect(303, '/login?next=%2Fexercises%2Fx%2Freview%2Fexport.csv');
			return facilitator;
		}
	},
	review: {
		exportCsv: async (_f: unknown, id: string) => {
			if (id !== 'x') throw new ServiceError('exercise/not_found', `There is no exercise "${id}".`, 404);
			return { filename: 'quickstart-northwind-x-scores.csv', body: 'team_id,team_name\r\nsoc,SOC\r\n' };
		},
		exportJson: async () => ({ filename: 'quickstart-northwind-x.json', body: '{"inputs":[]}' })
	}
};

// The handlers only read params; `never` lets one stand-in event serve both routes' event types.
function event(id: string): never {
	return { params: { id } } as never;
}

/** What a handler threw (redirect or HTTP error), or its response. */
async function outcome(run: () => unknown): Promise<unknown> {
	try {
		return await run();
	} catch (e) {
		return e;
	}
}

beforeEach(() => {
	signedIn = true;
	facilitator = { userId: 'u1', username: 'dana', name: 'Dana', roles: ['facilitator'] };
	slot[APP_SYMBOL] = fakeApp;
});
afterEach(() => {
	delete slot[APP_SYMBOL];
});

describe('review exports', () => {
	it('serves the CSV as an attachment named by the service', async () => {
		const res = await getCsv(event('x'));
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="quickstart-northwind-x-scores.csv"'
		);
		expect(await res.text()).toContain('soc,SOC');
		expect(audited.at(-1)?.slice(0, 4)).toEqual([
			{ userId: 'u1', name: 'Dana' },
			'exercise.export',
			'quickstart-northwind-x-scores.csv',
			{ format: 'csv' }
		]);
	});
	it('serves the JSON log as an attachment', async () => {
		const res = await getJson(event('x'));
		expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="quickstart-northwind-x.json"');
	});
	it('sends a signed-out visitor to the login page', async () => {
		signedIn = false;
		const thrown = await outcome(() => getCsv(event('x')));
		expect(isRedirect(thrown) && thrown.location).toContain('/login');
	});
	it('serves an evaluator account and refuses one with neither facilitator nor evaluator role', async () => {
		facilitator = { ...facilitator, roles: ['evaluator'] };
		expect((await getCsv(event('x'))).status).toBe(200);
		facilitator = { ...facilitator, roles: ['author'] };
		const thrown = (await outcome(() => getCsv(event('x')))) as { status: number; body: { message: string } };
		expect(thrown.status).toBe(403);
		expect(thrown.body.message).toBe(
			'This needs the Facilitator or Evaluator role, which your account does not have. Ask an administrator to grant it.'
		);
	});
	it('answers 404 with the service message for an unknown exercise', async () => {
		const thrown = (await outcome(() => getCsv(event('nope')))) as {
			status: number;
			body: { message: string };
		};
		expect(thrown.status).toBe(404);
		expect(thrown.body.message).toBe('There is no exercise "nope".');
	});
});
