import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import { flowOutline } from './flow';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, scenarios } = app();
	await sessions.require(event);
	try {
		const detail = await scenarios.get(event.params.id);
		return { detail, flow: detail.scenario ? flowOutline(detail.scenario) : [] };
	} catch (e) {
		loadError(e);
	}
};
