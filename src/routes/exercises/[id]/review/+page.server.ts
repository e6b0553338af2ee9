import { requireRole } from '$lib/server/auth/require-role';
import { hasAnyRole } from '$lib/server/auth/roles';
import { error, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure, loadError } from '$lib/server/errors';
import { findChromium, noBrowserMessage } from '$lib/server/services/exports-pdf';
import { readActionForm } from '$lib/server/services/improvement-plan';
import { afterAction, staffReview } from '$lib/server/services/review-services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { sessions, seats, review } = app();
	const id = event.params.id;
	const print = event.url.searchParams.has('print');
	const signedIn = await sessions.current(event);
	const facilitator = hasAnyRole(signedIn, ['facilitator', 'evaluator']) ? signedIn : null;
	if (facilitator) {
		const staff = await staffReview(app(), facilitator, id).catch(loadError);
		const pdfUnavailable = (await findChromium()) ? null : noBrowserMessage();
		return { ...staff, viewer: 'facilitator' as const, print, pdfUnavailable };
	}
	const seat = await seats.current(event);
	if (!seat) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	if (seat.exerciseId !== id)
		error(403, 'Your seat is in another exercise, so this review is not open to you.');
	const data = await review.forSeat(seat).catch(loadError);
	return { review: data, plan: null, feedback: null, viewer: seat.kind, print, pdfUnavailable: null };
};

const form = (data: FormData, key: string) => String(data.get(key) ?? '');

export const actions: Actions = {
	observe: async (event) => {
		const f = await requireRole(event, 'facilitator', 'evaluator');
		const data = await event.request.formData();
		const values = {
			kind: form(data, 'kind'),
			text: form(data, 'text'),
			objectiveId: form(data, 'objectiveId'),
			teamId: form(data, 'teamId')
		};
		try {
			await afterAction(app()).notes.add(f, event.params.id, values);
		} catch (e) {
			return actionFailure(e, { form: 'observe', ...values });
		}
		return { saved: 'observe' };
	},
	addAction: async (event) => {
		const f = await requireRole(event, 'facilitator', 'evaluator');
		const input = readActionForm(await event.request.formData());
		try {
			await afterAction(app()).plan.add(f, event.params.id, input);
		} catch (e) {
			return actionFailure(e, { form: 'addAction', ...input });
		}
		return { saved: 'addAction' };
	},
	updateAction: async (event) => {
		const f = await requireRole(event, 'facilitator', 'evaluator');
		const data = await event.request.formData();
		const actionId = form(data, 'actionId');
		try {
			await afterAction(app()).plan.update(f, event.params.id, actionId, readActionForm(data));
		} catch (e) {
			return actionFailure(e, { form: `action-${actionId}` });
		}
		return { saved: `action-${actionId}` };
	}
};
