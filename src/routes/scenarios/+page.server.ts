import { app } from '$lib/server/app';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, scenarios } = app();
	await sessions.require(event);
	const all = await scenarios.list();
	return {
		valid: all.filter((s) => s.issues.length === 0),
		invalid: all.filter((s) => s.issues.length > 0)
	};
};
