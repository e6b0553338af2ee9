import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure, ServiceError } from '$lib/server/errors';
import { readParticipantForm, readStaffForm } from './join-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { seats } = app();
	try {
		const [info, seat] = await Promise.all([seats.lookup(event, event.params.code), seats.current(event)]);
		const current = seat && seat.exerciseId === info.exerciseId ? seat : null;
		return { code: event.params.code, info, current, problem: null };
	} catch (e) {
		if (!(e instanceof ServiceError)) throw e;
		return {
			code: event.params.code,
			info: null,
			current: null,
			problem: { code: e.code, message: e.message }
		};
	}
};

export const actions: Actions = {
	participant: async (event) => {
		const form = await event.request.formData();
		const values = { name: String(form.get('name') ?? ''), teamId: String(form.get('teamId') ?? '') };
		const { seats } = app();
		let exerciseId: string;
		try {
			const info = await seats.lookup(event, event.params.code);
			const read = readParticipantForm(
				form,
				info.teams.map((t) => t.id)
			);
			if ('field' in read) return fail(400, { code: 'form/invalid', ...read, values });
			exerciseId = (await seats.join(event, { code: event.params.code, ...read })).exerciseId;
		} catch (e) {
			return actionFailure(e, values);
		}
		redirect(303, `/play/${exerciseId}`);
	},
	staff: async (event) => {
		const form = await event.request.formData();
		const values = { name: String(form.get('name') ?? ''), role: String(form.get('role') ?? '') };
		const read = readStaffForm(form);
		if ('field' in read) return fail(400, { code: 'form/invalid', ...read, values });
		let exerciseId: string;
		try {
			exerciseId = (await app().seats.joinStaff(event, { code: event.params.code, ...read })).exerciseId;
		} catch (e) {
			return actionFailure(e, values);
		}
		redirect(303, `/observe/${exerciseId}`);
	}
};
