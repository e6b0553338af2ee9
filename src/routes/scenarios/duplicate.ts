/** The "Duplicate into a draft" form action, shared by the library and a scenario's page. */
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure } from '$lib/server/errors';

/** Copies a published scenario into a new draft of the signed-in account, then opens the draft. */
export async function duplicateAction(event: RequestEvent) {
	const user = await app().sessions.require(event);
	const data = await event.request.formData();
	const values = {
		scenario: String(data.get('scenario') ?? ''),
		id: String(data.get('id') ?? '').slice(0, 200),
		title: String(data.get('title') ?? '').slice(0, 300)
	};
	let id: string;
	try {
		id = await app().studio.duplicate(user, values.scenario, { id: values.id, title: values.title });
	} catch (e) {
		return actionFailure(e, values);
	}
	redirect(303, `/scenarios/${encodeURIComponent(id)}/edit`);
}
