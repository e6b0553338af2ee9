import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import { fillVariables } from '../template';
import { clockRows, flowOutline } from './flow';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, scenarios } = app();
	await sessions.require(event);
	try {
		const detail = await scenarios.get(event.params.id);
		const fill = (text: string) => fillVariables(text, detail.scenario?.variables ?? {});
		const guide = detail.guide && {
			...detail.guide,
			overview: fill(detail.guide.overview),
			timing: fill(detail.guide.timing),
			strongAnswers: fill(detail.guide.strongAnswers),
			hotwashQuestions: detail.guide.hotwashQuestions.map(fill)
		};
		// The page needs the outline, not the whole scenario (bodies, notes, artifacts) in its payload.
		const { scenario, ...rest } = detail;
		return {
			detail: { ...rest, summary: fill(detail.summary), guide },
			flow: scenario ? flowOutline(scenario) : [],
			clocks: scenario ? clockRows(scenario) : [],
			sources: scenario?.sources ?? []
		};
	} catch (e) {
		loadError(e);
	}
};
