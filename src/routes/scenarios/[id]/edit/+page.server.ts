import { fail, redirect } from '@sveltejs/kit';
import { auditRequest } from '$lib/server/auth/audit-request';
import { app } from '$lib/server/app';
import { actionFailure, loadError } from '$lib/server/errors';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, studio } = app();
	const user = await sessions.require(event);
	const draft = await studio.open(user, event.params.id).catch(loadError);
	return {
		draft: {
			id: draft.id,
			title: draft.title,
			source: draft.source,
			revision: draft.revision,
			basedOn: draft.basedOn,
			updatedAt: draft.updatedAt,
			updatedByName: draft.updatedByName,
			importNotes: draft.importNotes,
			canPublish: draft.canPublish,
			published: draft.versions.length > 0
		}
	};
};

const revisionOf = (data: FormData) => Number(data.get('revision'));

export const actions: Actions = {
	/** Saves the text over the revision it was based on; answers with the new revision and the problems. */
	save: async (event) => {
		const user = await app().sessions.require(event);
		const data = await event.request.formData();
		const field = data.get('source');
		// The editor sends the text as a file, so its line breaks arrive exactly as typed.
		const source = typeof field === 'string' ? field : field ? await field.text() : null;
		if (source === null) return fail(400, { code: 'form/invalid', message: m.editor_nothing_to_save() });
		try {
			const saved = await app().studio.save(user, event.params.id, source, revisionOf(data));
			return { saved: true, revision: saved.revision, problems: saved.issues.length };
		} catch (e) {
			return actionFailure(e);
		}
	},

	/** Publishes the saved draft as the next version, with its change note. */
	publish: async (event) => {
		const user = await app().sessions.require(event);
		const data = await event.request.formData();
		const note = String(data.get('note') ?? '');
		let number: number;
		try {
			number = await app().studio.publish(user, event.params.id, revisionOf(data), note);
		} catch (e) {
			return actionFailure(e, { note });
		}
		await auditRequest(event, user, 'scenario.publish', event.params.id, { version: number, note });
		redirect(303, `/scenarios/${encodeURIComponent(event.params.id)}?published=${number}`);
	},

	/** Drops the draft (and the scenario, if it was never published). */
	discard: async (event) => {
		const user = await app().sessions.require(event);
		let remains: boolean;
		try {
			({ scenarioRemains: remains } = await app().studio.discard(user, event.params.id));
		} catch (e) {
			return actionFailure(e);
		}
		redirect(303, remains ? `/scenarios/${encodeURIComponent(event.params.id)}` : '/scenarios');
	}
};
