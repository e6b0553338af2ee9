import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { loadError } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** A version's YAML exactly as published (`?version=N`, latest without it), or the draft's (`?draft`). */
export const GET: RequestHandler = async (event) => {
	const { sessions, studio } = app();
	const user = await sessions.require(event);
	const { id } = event.params;
	const asked = event.url.searchParams.get('version');
	if (asked !== null && !/^[1-9]\d{0,5}$/.test(asked))
		error(400, `"${asked.slice(0, 20)}" is not a version number: use 1, 2, 3...`);
	const file = await (
		event.url.searchParams.has('draft')
			? studio.exportDraft(user, id)
			: studio.exportVersion(id, asked === null ? undefined : Number(asked))
	).catch(loadError);
	return new Response(file.source, {
		headers: {
			'content-type': 'application/yaml; charset=utf-8',
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
