import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure, loadError } from '$lib/server/errors';
import { canDraft, canEditDraft } from '$lib/server/services/scenario-access';
import { duplicateAction } from '../duplicate';
import { fillVariables } from '../template';
import { clockRows, flowOutline } from './flow';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, scenarios, store } = app();
	const user = await sessions.require(event);
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
		const [record, versions, draft] = await Promise.all([
			store.scenarios.get(detail.id),
			store.scenarios.versions(detail.id),
			store.scenarios.draft(detail.id)
		]);
		const editable = record !== null && record.origin === 'studio' && canEditDraft(user, record);
		// The page needs the outline, not the whole scenario (bodies, notes, artifacts) in its payload.
		const { scenario, ...rest } = detail;
		return {
			detail: { ...rest, summary: fill(detail.summary), guide },
			flow: scenario ? flowOutline(scenario) : [],
			clocks: scenario ? clockRows(scenario) : [],
			sources: scenario?.sources ?? [],
			versions: versions.map((v) => ({
				number: v.number,
				label: v.label,
				note: v.note,
				by: v.publishedByName,
				at: v.createdAt.getTime()
			})),
			canDraft: canDraft(user),
			/** Studio scenarios its owner or an author may edit: whether a draft is open, or can be started. */
			editing: editable ? { hasDraft: draft !== null } : null
		};
	} catch (e) {
		loadError(e);
	}
};

export const actions: Actions = {
	duplicate: duplicateAction,
	/** Opens the scenario's draft, starting one from the latest version when there is none. */
	edit: async (event) => {
		const user = await app().sessions.require(event);
		try {
			await app().studio.startEditing(user, event.params.id);
		} catch (e) {
			return actionFailure(e);
		}
		redirect(303, `/scenarios/${encodeURIComponent(event.params.id)}/edit`);
	}
};
