import { app } from '$lib/server/app';
import { fillVariables, firstParagraph } from './template';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, scenarios } = app();
	await sessions.require(event);
	const all = await scenarios.list();
	const valid = await Promise.all(
		all
			.filter((s) => s.issues.length === 0)
			.map(async (s) => {
				const variables = (await scenarios.get(s.id)).scenario?.variables ?? {};
				return { ...s, summary: fillVariables(firstParagraph(s.summary), variables) };
			})
	);
	return { valid, invalid: await scenarios.problems() };
};
