import { m } from '$lib/paraglide/messages';
import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure, ServiceError } from '$lib/server/errors';
import { readSetupForm, validateSetup } from './validate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	if (!(await app().sessions.needsSetup())) redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const form = readSetupForm(await event.request.formData());
		const values = { name: form.name, username: form.username };
		const errors = validateSetup(form);
		if (Object.keys(errors).length > 0) {
			return fail(400, {
				code: 'form/invalid',
				message: m.setup_err_fields(),
				errors,
				values
			});
		}
		try {
			await app().sessions.setup(event, {
				name: form.name.trim(),
				username: form.username,
				password: form.password
			});
		} catch (e) {
			// A password the policy refuses is shown beside its field, like the form's own checks.
			if (e instanceof ServiceError && e.code === 'password/weak') {
				return fail(400, {
					code: e.code,
					message: m.setup_err_fields(),
					errors: { password: e.message },
					values
				});
			}
			return actionFailure(e, values);
		}
		redirect(303, '/scenarios');
	}
};
