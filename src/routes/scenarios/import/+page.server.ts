import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure } from '$lib/server/errors';
import { canDraft, DRAFT_ROLES } from '$lib/server/services/scenario-access';
import { missingRoleMessage } from '$lib/server/auth/roles';
import { MSEL_FIELDS, type ColumnMapping } from '$lib/studio/import/msel-columns';
import { MAX_UPLOAD_BYTES } from '$lib/studio/limits';
import { bytesText, fieldWords, refusalText } from '$lib/studio/import/words';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

async function author(event: RequestEvent) {
	const user = await app().sessions.require(event);
	if (!canDraft(user)) error(403, missingRoleMessage(DRAFT_ROLES));
	return user;
}

/**
 * The posted form. A body over the server's request limit (BODY_SIZE_LIMIT) cannot be read: that is refused
 * with the upload limit in words rather than a bare "Payload Too Large".
 */
async function formOf(event: RequestEvent): Promise<FormData | { error: string }> {
	try {
		return await event.request.formData();
	} catch (e) {
		const length = Number(event.request.headers.get('content-length'));
		const tooLarge = (e as { status?: number })?.status === 413 || length > MAX_UPLOAD_BYTES;
		if (tooLarge)
			return {
				error:
					length > 0
						? m.import_page_upload_size({
								size: bytesText(length),
								max: bytesText(MAX_UPLOAD_BYTES)
							})
						: m.import_page_upload_too_large({ max: bytesText(MAX_UPLOAD_BYTES) })
			};
		return { error: m.import_page_upload_unreadable() };
	}
}

/** The uploaded file's name and bytes; a clear refusal when none was chosen or the body was too large. */
async function upload(event: RequestEvent) {
	const data = await formOf(event);
	if ('error' in data) return { error: data.error } as const;
	const file = data.get('file');
	if (!(file instanceof File) || file.size === 0 || !file.name)
		return { error: m.import_page_choose_file() } as const;
	return { name: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) } as const;
}

const opened = (id: string) => redirect(303, `/scenarios/${encodeURIComponent(id)}/edit`);

export const load: PageServerLoad = async (event) => {
	await author(event);
	return {
		fields: MSEL_FIELDS.map(({ key }) => ({ key, ...fieldWords(key) })),
		maxUpload: MAX_UPLOAD_BYTES,
		maxUploadText: bytesText(MAX_UPLOAD_BYTES)
	};
};

export const actions: Actions = {
	yaml: async (event) => {
		const user = await author(event);
		const file = await upload(event);
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
		const file = await upload(event);
		if ('error' in file) return fail(400, { format: 'iceberg', message: file.error, notes: [] });
		let outcome;
		try {
			outcome = await app().imports.icebergTtx(user, file.name, file.bytes);
		} catch (e) {
			return actionFailure(e, { format: 'iceberg' });
		}
		if (!outcome.ok)
			return fail(400, { format: 'iceberg', message: refusalText(outcome), notes: outcome.notes });
		opened(outcome.id);
	},

	/** Step 1 of an MSEL: read the sheet and propose which column holds what. */
	msel: async (event) => {
		const user = await author(event);
		const file = await upload(event);
		if ('error' in file) return fail(400, { format: 'msel', message: file.error, notes: [] });
		try {
			return { inspection: await app().imports.inspectMsel(user, file.name, file.bytes) };
		} catch (e) {
			return actionFailure(e, { format: 'msel' });
		}
	},

	/**
	 * Step 2 of an MSEL: import with the mapping the author confirmed. A refusal brings the mapping step back as
	 * the author left it (columns, title, what expected actions become), so they can correct it and try again.
	 */
	mselImport: async (event) => {
		const user = await author(event);
		const data = await formOf(event);
		if ('error' in data) return fail(400, { format: 'msel', message: data.error, notes: [] });
		const mapping: ColumnMapping = {};
		for (const field of MSEL_FIELDS) {
			const value = String(data.get(`map-${field.key}`) ?? '');
			if (/^\d{1,3}$/.test(value)) mapping[field.key] = Number(value);
		}
		const expectedActions = data.get('expectedActions') === 'notes' ? 'notes' : 'decisions';
		const title = String(data.get('title') ?? '').slice(0, 300);
		const token = String(data.get('token') ?? '');
		let outcome;
		try {
			outcome = await app().imports.importMsel(user, token, mapping, {
				title: title.trim() || undefined,
				expectedActions
			});
		} catch (e) {
			return actionFailure(e, { format: 'msel' });
		}
		if (!outcome.ok)
			return fail(400, {
				format: 'msel',
				message: refusalText(outcome),
				notes: outcome.notes,
				inspection: app().imports.reopenMsel(user, token, mapping),
				choices: { title, expectedActions }
			});
		opened(outcome.id);
	}
};
