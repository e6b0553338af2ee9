import { app } from '$lib/server/app';
import { actionFailure } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = await app().sessions.require(event);
	return { name: user.name, secondFactor: await app().secondFactor.status(user) };
};

export const actions: Actions = {
	begin: async (event) => {
		const user = await app().sessions.require(event);
		try {
			await app().secondFactor.begin(user);
		} catch (e) {
			return actionFailure(e);
		}
		return { step: 'begun' };
	},
	confirm: async (event) => {
		const user = await app().sessions.require(event);
		const code = String((await event.request.formData()).get('code') ?? '');
		try {
			return { recoveryCodes: await app().secondFactor.confirm(event, user, code) };
		} catch (e) {
			return actionFailure(e);
		}
	},
	disable: async (event) => {
		const user = await app().sessions.require(event);
		const password = String((await event.request.formData()).get('password') ?? '');
		try {
			await app().secondFactor.disable(event, user, password);
		} catch (e) {
			return actionFailure(e);
		}
		return { step: 'off' };
	}
};
