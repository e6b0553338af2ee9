import { fail, redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '../join-code-input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
	default: async ({ request }) => {
		const raw = String((await request.formData()).get('code') ?? '');
		const result = normaliseJoinCode(raw);
		if ('error' in result)
			return fail(400, { code: 'form/invalid', message: result.error, values: { code: raw } });
		redirect(303, `/join/${encodeURIComponent(result.code)}`);
	}
};
