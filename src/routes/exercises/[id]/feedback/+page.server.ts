import { error, fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { actionFailure, loadError } from '$lib/server/errors';
import { readFeedbackForm } from '$lib/server/services/feedback';
import { FEEDBACK_QUESTIONS, FEEDBACK_STATEMENTS, scaleLabels } from '$lib/server/services/feedback-summary';
import { m } from '$lib/paraglide/messages';
import { afterAction } from '$lib/server/services/review-services';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function seatOf(event: RequestEvent) {
	const seat = await app().seats.current(event);
	if (!seat) {
		if (await app().sessions.current(event)) redirect(303, `/exercises/${event.params.id}/hotwash`);
		redirect(303, '/join');
	}
	if (seat.exerciseId !== event.params.id) error(403, m.feedback_err_other_seat());
	return seat;
}

export const load: PageServerLoad = async (event) => {
	const seat = await seatOf(event);
	const status = await afterAction(app()).feedback.status(seat).catch(loadError);
	return {
		status,
		statements: FEEDBACK_STATEMENTS.map((s) => ({ id: s.id, text: s.text })),
		questions: {
			wentWell: FEEDBACK_QUESTIONS.wentWell,
			improve: FEEDBACK_QUESTIONS.improve,
			takeaway: FEEDBACK_QUESTIONS.takeaway
		},
		scale: scaleLabels()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const seat = await seatOf(event);
		const form = readFeedbackForm(await event.request.formData());
		if (!form.ok) {
			return fail(400, {
				code: 'form/invalid',
				message: m.feedback_err_form(),
				errors: form.errors,
				values: form.values
			});
		}
		try {
			await afterAction(app()).feedback.submit(seat, form);
		} catch (e) {
			return actionFailure(e);
		}
		return { sent: true };
	}
};
