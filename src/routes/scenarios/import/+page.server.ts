import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure } from '$lib/server/errors';
import { canDraft, DRAFT_ROLES } from '$lib/server/services/scenario-access';
import { missingRoleMessage } from '$lib/server/auth/roles';
import { MSEL_FIELDS, type ColumnMapping } from '$lib/studio/import/msel-columns';
import { formatBytes, MAX_UPLOAD_BYTES } from '$lib/studio/limits';
import type { Actions, PageServerLoad } from './$types';

async function author(event: RequestEvent) {
	const user = await app().sessions.require(event);
	if (!canDraft(user)) error(403, missingRoleMessage(DRAFT_ROLES));
	return user;
}

/** The uploaded file's name and bytes; a clear refusal when none was chosen. */
async function upload(data: FormData) {
	const file = data.get('file');
	if (!(file instanceof File) || file.size === 0 || !file.name)
		return { error: 'Choose a file to upload first.' } as const;
	return { name: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) } as const;
}

const opened = (id: string) => redirect(303, `/scenarios/${encodeURIComponent(id)}/edit`);

export const load: PageServerLoad = async (event) => {
	await author(event);
	return {
		fields: MSEL_FIELDS.map(({ key, label, hint }) => ({ key, label, hint })),
		maxUpload: MAX_UPLOAD_BYTES,
		maxUploadText: formatBytes(MAX_UPLOAD_BYTES)
	};
};

export const actions: Actions = {
	yaml: async (event) => {
		const user = await author(event);
		const file = await upload(await event.request.formData());
		if ('error' in file) return fail(400, { format: 'yaml', message: file.error, notes: [] });
		let id: string;
		try {
			id = await app().imports.yaml(user, file.name, file.bytes);
		} catch (e) {
			return actionFailure(e, { format: 'yaml' });
		}
		opened(id);
	},

	iceberg: async (event) => {
		const user = await author(event);
		const file = await upload(await event.request.formData());
		if ('error' in file) return fail(400, { format: 'iceberg', message: file.error, notes: [] });
		let outcome;
		try {
			outcome = await app().imports.icebergTtx(user, file.name, file.bytes);
		} catch (e) {
			return actionFailure(e, { format: 'iceberg' });
		}
		if (!outcome.ok) return fail(400, { format: 'iceberg', message: outcome.message, notes: outcome.notes });
		opened(outcome.id);
	},

	/** Step 1 of an MSEL: read the sheet and propose which column holds what. */
	msel: async (event) => {
		const user = await author(event);
		const file = await upload(await event.request.formData());
		if ('error' in file) return fail(400, { format: 'msel', message: file.error, notes: [] });
		try {
			return { inspection: await app().imports.inspectMsel(user, file.name, file.bytes) };
		} catch (e) {
			return actionFailure(e, { format: 'msel' });
		}
	},

	/** Step 2 of an MSEL: import with the mapping the author confirmed. */
	mselImport: async (event) => {
		const user = await author(event);
		const data = await event.request.formData();
		const mapping: ColumnMapping = {};
		for (const field of MSEL_FIELDS) {
			const value = String(data.get(`map-${field.key}`) ?? '');
			if (/^\d{1,3}$/.test(value)) mapping[field.key] = Number(value);
		}
		const expected = data.get('expectedActions') === 'notes' ? 'notes' : 'decisions';
		const title = String(data.get('title') ?? '').slice(0, 300);
		let outcome;
		try {
			outcome = await app().imports.importMsel(user, String(data.get('token') ?? ''), mapping, {
				title: title.trim() || undefined,
				expectedActions: expected
			});
		} catch (e) {
			return actionFailure(e, { format: 'msel' });
		}
		if (!outcome.ok) return fail(400, { format: 'msel', message: outcome.message, notes: outcome.notes });
		opened(outcome.id);
	}
};
