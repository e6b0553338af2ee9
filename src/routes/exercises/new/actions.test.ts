import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SYMBOL } from '$lib/server/app';
import { ServiceError } from '$lib/server/errors';
import { actions } from './+page.server';

const slot = globalThis as Record<symbol, unknown>;
const created: unknown[] = [];
let refuse: ServiceError | null = null;

const detail = {
	id: 'quickstart',
	file: 'scenarios/quickstart.yaml',
	issues: [],
	scenario: { variables: { org: { label: 'Organisation name', default: 'Northwind Telecom' } } },
	teams: [
		{ id: 'soc', name: 'SOC', description: '', roles: [] },
		{ id: 'legal', name: 'Legal', description: '', roles: [] }
	]
};

// Only the services the action calls; the real ones are tested with the server.
const audited: unknown[][] = [];
const fakeApp = {
	audit: { record: async (...entry: unknown[]) => void audited.push(entry) },
	sessions: {
		require: async () => ({ userId: 'u1', username: 'dana', name: 'Dana', roles: ['facilitator'] })
	},
	scenarios: { get: async () => detail },
	exercises: {
		create: async (_f: unknown, form: unknown) => {
			if (refuse) throw refuse;
			created.push(form);
			return {
				id: 'ex-1',
				title: 'Quickstart drill',
				name: (form as { name?: string }).name ?? 'Quickstart drill · 2026-12-06',
				joinCode: 'K7QM-2XHD-9P',
				staffCode: 'A2B3-C4D5-E6'
			};
		}
	}
};

function post(entries: [string, string][]) {
	const body = new FormData();
	for (const [k, v] of entries) body.append(k, v);
	const request = new Request('http://test/exercises/new?scenario=quickstart', { method: 'POST', body });
	return { request, url: new URL(request.url), getClientAddress: () => '192.0.2.1' } as unknown as Parameters<
		typeof actions.default
	>[0];
}

beforeEach(() => {
	created.length = 0;
	refuse = null;
	slot[APP_SYMBOL] = fakeApp;
});
afterEach(() => {
	delete slot[APP_SYMBOL];
});

describe('new exercise action', () => {
	it('creates the exercise with the checked teams and opens its lobby', async () => {
		let thrown: unknown;
		try {
			await actions.default(
				post([
					['name', ' Night shift drill '],
					['var-org', 'Northwind'],
					['teams', 'soc'],
					['compression', '30']
				])
			);
		} catch (e) {
			thrown = e;
		}
		expect(isRedirect(thrown) && thrown.location).toBe('/exercises/ex-1/lobby');
		expect(audited.at(-1)).toEqual([
			{ userId: 'u1', name: 'Dana' },
			'exercise.created',
			'Night shift drill',
			{ scenario: 'quickstart', title: 'Quickstart drill' },
			'192.0.2.1'
		]);
		expect(created).toEqual([
			{
				scenarioId: 'quickstart',
				name: 'Night shift drill',
				variables: { org: 'Northwind' },
				teams: ['soc'],
				compression: 30
			}
		]);
	});
	it('returns the field errors without creating anything when no team is checked', async () => {
		const result = await actions.default(
			post([
				['var-org', 'Northwind'],
				['compression', '30']
			])
		);
		expect(isActionFailure(result) && result.data).toMatchObject({
			errors: { teams: 'Choose at least one team.' }
		});
		expect(created).toEqual([]);
	});
	it('asks for a name when the name field is blank, keeping what was typed', async () => {
		const result = await actions.default(
			post([
				['name', '  '],
				['teams', 'soc'],
				['compression', '30']
			])
		);
		expect(isActionFailure(result) && result.data).toMatchObject({
			errors: { name: 'Give the exercise a name.' },
			values: { name: '  ' }
		});
		expect(created).toEqual([]);
	});
	it('shows the service refusal with the values kept', async () => {
		refuse = new ServiceError('form/invalid', 'The organisation name is too long.', 400);
		const result = await actions.default(
			post([
				['var-org', 'Northwind'],
				['teams', 'legal'],
				['compression', '30']
			])
		);
		expect(isActionFailure(result) && result.data).toMatchObject({
			message: 'The organisation name is too long.',
			values: { 'var-org': 'Northwind', teams: ['legal'] }
		});
	});
});
