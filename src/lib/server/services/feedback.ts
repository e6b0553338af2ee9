/**
 * Participant feedback: seats fill the form once the exercise reaches hot wash (or has ended), once each; the
 * facilitator reads it aggregated. Forms are anonymous in everything shown or exported.
 */
import { scenarioTexts } from '$lib/engine/scenario-texts';
import type { FeedbackComments, FeedbackRatings, Store } from '../db/store';
import { fault } from '../errors';
import { m } from '$lib/paraglide/messages';
import type { HostRegistry } from '../exercise/host-registry';
import { FEEDBACK_STATEMENTS, summariseFeedback, type FeedbackSummary } from './feedback-summary';
import type { Seat } from './seats';
import type { Facilitator } from './sessions';

/** A form read from the request: the values to store, or a message per field. */
export type FeedbackForm =
	| { ok: true; ratings: FeedbackRatings; comments: FeedbackComments }
	| { ok: false; errors: Record<string, string>; values: Record<string, string> };

const MAX_COMMENT = 2000;
const MAX_TAKEAWAY = 40;

/** Reads and checks the feedback form fields (rating-<statement>, wentWell, improve, takeaway). */
export function readFeedbackForm(form: FormData): FeedbackForm {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.trim() : '';
	};
	const errors: Record<string, string> = {};
	const values: Record<string, string> = {};
	const ratings: FeedbackRatings = {};
	for (const s of FEEDBACK_STATEMENTS) {
		const raw = (values[`rating-${s.id}`] = text(`rating-${s.id}`));
		const n = Number(raw);
		if (!raw) errors[`rating-${s.id}`] = m.feedback_err_rate({ statement: s.text });
		else if (!Number.isInteger(n) || n < 1 || n > 5)
			errors[`rating-${s.id}`] = m.feedback_err_whole({ value: raw });
		else ratings[s.id] = n;
	}
	const comments: FeedbackComments = {};
	for (const key of ['wentWell', 'improve'] as const) {
		const v = (values[key] = text(key));
		if (v.length > MAX_COMMENT) errors[key] = m.feedback_err_long({ max: MAX_COMMENT });
		else if (v) comments[key] = v;
	}
	const takeaway = (values.takeaway = text('takeaway'));
	if (/\s/.test(takeaway)) errors.takeaway = m.feedback_err_one_word();
	else if (takeaway.length > MAX_TAKEAWAY)
		errors.takeaway = m.feedback_err_takeaway_long({ max: MAX_TAKEAWAY });
	else if (takeaway) comments.takeaway = takeaway;
	return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, ratings, comments };
}

/** Where a seat stands with the form. */
export interface FeedbackStatus {
	exerciseId: string;
	open: boolean;
	sent: boolean;
	title: string;
}

/** Collecting and summarising feedback. */
export class Feedback {
	constructor(
		private readonly store: Store,
		private readonly hosts: HostRegistry
	) {}

	/** Whether the form is open for this seat and whether it was already sent. */
	async status(seat: Seat): Promise<FeedbackStatus> {
		const host = await this.hosts.get(seat.exerciseId);
		const record = await this.store.exercises.get(seat.exerciseId);
		const forms = await this.store.feedback.list(seat.exerciseId);
		return {
			exerciseId: seat.exerciseId,
			open: host.lifecycle === 'hotwash' || host.lifecycle === 'ended',
			sent: forms.some((f) => f.seatId === seat.seatId),
			title: record?.name ?? scenarioTexts(host.state).title
		};
	}

	/** Stores a seat's form; `feedback/not_open` before the hot wash, `feedback/already_sent` the second time. */
	async submit(seat: Seat, form: { ratings: FeedbackRatings; comments: FeedbackComments }): Promise<void> {
		const status = await this.status(seat);
		if (!status.open) {
			fault('feedback/not_open', 'The feedback form opens when the facilitator starts the hot wash.', 409);
		}
		if (status.sent) fault('feedback/already_sent', 'You have already sent your feedback. Thank you!', 409);
		await this.store.feedback.add({ exerciseId: seat.exerciseId, seatId: seat.seatId, ...form });
	}

	/** The feedback collected so far, aggregated. */
	async summary(_f: Facilitator, exerciseId: string): Promise<FeedbackSummary> {
		if (!(await this.store.exercises.get(exerciseId))) {
			fault('exercise/not_found', `There is no exercise "${exerciseId}".`, 404);
		}
		return summariseFeedback(await this.store.feedback.list(exerciseId));
	}
}
