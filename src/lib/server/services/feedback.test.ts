import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { ServiceError } from '../errors';
import { fakeRequest, startApp } from '../testing/harness';
import { readFeedbackForm } from './feedback';
import { FEEDBACK_STATEMENTS } from './feedback-summary';
import { afterAction } from './review-services';
import type { Seat } from './seats';
import type { Facilitator } from './sessions';

function filled(rating: number, extra: Record<string, string> = {}): FormData {
	const form = new FormData();
	for (const s of FEEDBACK_STATEMENTS) form.set(`rating-${s.id}`, String(rating));
	for (const [k, v] of Object.entries(extra)) form.set(k, v);
	return form;
}

describe('feedback form', () => {
	it('names the statement left unrated', () => {
		const form = filled(4);
		form.delete('rating-realism');
		const read = readFeedbackForm(form);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.errors['rating-realism']).toContain('The scenario was realistic');
	});
	it('refuses a takeaway of more than one word', () => {
		const read = readFeedbackForm(filled(4, { takeaway: 'call legal' }));
		expect(!read.ok && read.errors.takeaway).toBe('Use a single word for your takeaway.');
	});
	it('refuses a rating outside 1 to 5', () => {
		const read = readFeedbackForm(filled(6));
		expect(!read.ok && read.errors['rating-objectives']).toContain('from 1 to 5');
	});
});

describe('feedback service', () => {
	let app: App;
	let close: () => Promise<void>;
	let f: Facilitator;
	let id: string;
	let seats: Seat[];

	beforeEach(async () => {
		({ app, close } = await startApp());
		f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
		const created = await app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind',
			teams: ['soc', 'legal']
		});
		id = created.id;
		seats = [
			await app.seats.join(fakeRequest(), { code: created.joinCode, name: 'Lee', teamId: 'soc' }),
			await app.seats.join(fakeRequest(), { code: created.joinCode, name: 'Kim', teamId: 'legal' })
		];
	});
	afterEach(() => close());

	const send = (seat: Seat, rating: number, takeaway: string) => {
		const read = readFeedbackForm(filled(rating, { takeaway, wentWell: 'Clear injects' }));
		if (!read.ok) throw new Error('form should be valid');
		return afterAction(app).feedback.submit(seat, read);
	};

	it('keeps the form closed until the hot wash', async () => {
		const refused = await send(seats[0], 4, 'logging').catch((e) => e);
		expect(refused).toBeInstanceOf(ServiceError);
		expect(refused.code).toBe('feedback/not_open');
	});

	it('takes one form per seat and aggregates means and takeaways', async () => {
		const host = await app.hosts.get(id);
		await host.submit({ role: 'facilitator' }, { type: 'exercise.start' }, 'k1');
		await host.submit({ role: 'facilitator' }, { type: 'exercise.hotwash' }, 'k2');
		await send(seats[0], 4, 'Logging');
		await send(seats[1], 5, 'logging!');
		expect((await send(seats[0], 3, 'again').catch((e) => e)).code).toBe('feedback/already_sent');
		const summary = await afterAction(app).feedback.summary(f, id);
		expect(summary.responses).toBe(2);
		expect(summary.statements[0]).toMatchObject({ mean: 4.5, counts: [0, 0, 0, 1, 1] });
		expect(summary.takeaways).toEqual([{ word: 'logging', count: 2 }]);
	});
});
