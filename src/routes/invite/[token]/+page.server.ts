import { m } from '$lib/paraglide/messages';
import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { ROLE_LABELS } from '$lib/server/auth/roles';
import { actionFailure, ServiceError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const invite = await app().accounts.openInvite(event.params.token);
	return invite
		? { open: true as const, label: invite.label, roles: invite.roles.map((r) => ROLE_LABELS[r]) }
		: { open: false as const };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const form = {
			name: String(data.get('name') ?? ''),
			username: String(data.get('username') ?? ''),
			password: String(data.get('password') ?? '')
		};
		const values = { name: form.name, username: form.username };
		try {
			await app().accounts.acceptInvite(event, event.params.token, form);
		} catch (e) {
			if (e instanceof ServiceError && e.code === 'password/weak') {
				return fail(400, {
					code: e.code,
					message: m.invite_err_password(),
					password: e.message,
					values
				});
			}
			return actionFailure(e, values);
		}
		redirect(303, '/');
	}
};
