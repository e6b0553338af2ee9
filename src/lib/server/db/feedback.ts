/** Post-exercise feedback from seats. */
import { newId } from './ids';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from './context';
import { StoreError, type FeedbackStore } from './store';
import { requireText } from './validate';

const CODE = 'feedback/invalid';

function checkRecord<T>(value: unknown, field: string, isValue: (v: unknown) => v is T, what: string) {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new StoreError(CODE, `${field} must be an object keyed by question id.`);
	}
	for (const [key, v] of Object.entries(value)) {
		if (!isValue(v)) throw new StoreError(CODE, `${field}["${key}"] must be ${what}.`);
	}
	return value as Record<string, T>;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isShortText = (v: unknown): v is string => typeof v === 'string' && v.length <= 8000;

/** The feedback noun over a dialect context. */
export function feedbackStore({ db, t }: Ctx): FeedbackStore {
	return {
		async add(input) {
			const exerciseId = requireText(input.exerciseId, 'Exercise id', CODE, 200);
			const seatId = requireText(input.seatId, 'Seat id', CODE, 200);
			const ratings = checkRecord(input.ratings, 'Ratings', isFiniteNumber, 'a number');
			const comments = checkRecord(
				input.comments,
				'Comments',
				isShortText,
				'text of at most 8000 characters'
			);
			const seat = await db
				.select({ id: t.seats.id })
				.from(t.seats)
				.where(and(eq(t.seats.id, seatId), eq(t.seats.exerciseId, exerciseId)))
				.limit(1);
			if (seat.length === 0) {
				throw new StoreError('seat/not_found', `No seat "${seatId}" in exercise "${exerciseId}".`);
			}
			const [row] = await db
				.insert(t.feedback)
				.values({ id: newId(), exerciseId, seatId, ratings, comments, createdAt: new Date() })
				.returning();
			return row;
		},
		async list(exerciseId) {
			return db
				.select()
				.from(t.feedback)
				.where(eq(t.feedback.exerciseId, exerciseId))
				.orderBy(asc(t.feedback.createdAt), asc(t.feedback.id));
		}
	};
}
