import { app } from '$lib/server/app';
import { canDraft } from '$lib/server/services/scenario-access';
import { duplicateAction } from './duplicate';
import { fillVariables, firstParagraph } from './template';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, scenarios, studio } = app();
	const user = await sessions.require(event);
	const all = await scenarios.list();
	const valid = await Promise.all(
		all
			.filter((s) => s.issues.length === 0)
			.map(async (s) => {
				const variables = (await scenarios.get(s.id)).scenario?.variables ?? {};
				return { ...s, summary: fillVariables(firstParagraph(s.summary), variables) };
			})
	);
	const drafting = canDraft(user);
	return {
		valid,
		invalid: await scenarios.problems(),
		canDraft: drafting,
		drafts: drafting ? await studio.drafts(user) : []
	};
};

export const actions: Actions = { duplicate: duplicateAction };
