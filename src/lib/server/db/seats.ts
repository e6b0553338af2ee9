/** Seats: participants, observers and evaluators who joined an exercise with a code. */
import { newId } from './ids';
import { eq } from 'drizzle-orm';
import type { Ctx } from './context';
import { SEAT_ROLES } from './records';
import { StoreError, type SeatRecord, type SeatsStore } from './store';
import { optionalText, requireOneOf, requireText } from './validate';

/** The seats noun over a dialect context. */
export function seatsStore({ db, t }: Ctx): SeatsStore {
	async function one(column: 'id' | 'tokenHash', value: string): Promise<SeatRecord | null> {
		const rows = await db.select().from(t.seats).where(eq(t.seats[column], value)).limit(1);
		return rows[0] ?? null;
	}

	return {
		async create(input) {
			const role = requireOneOf(input.role, SEAT_ROLES, 'Seat role', 'seat/invalid');
			const values = {
				id: newId(),
				exerciseId: requireText(input.exerciseId, 'Exercise id', 'seat/invalid', 200),
				role,
				name: requireText(input.name, 'Name', 'seat/invalid', 120),
				teamId: optionalText(input.teamId, 'Team', 'seat/invalid', 200),
				tokenHash: requireText(input.tokenHash, 'Token hash', 'seat/invalid', 128),
				createdAt: new Date(),
				lastSeenAt: new Date()
			};
			const exercise = await db
				.select({ id: t.exercises.id })
				.from(t.exercises)
				.where(eq(t.exercises.id, values.exerciseId))
				.limit(1);
			if (exercise.length === 0) {
				throw new StoreError('exercise/not_found', `No exercise with id "${values.exerciseId}".`);
			}
			const rows = await db.insert(t.seats).values(values).onConflictDoNothing().returning();
			if (!rows[0]) throw new StoreError('seat/token_taken', 'That seat token is already in use.');
			return rows[0];
		},
		byId: (id) => one('id', id),
		byTokenHash: (tokenHash) => one('tokenHash', tokenHash),
		async listForExercise(exerciseId) {
			return db
				.select()
				.from(t.seats)
				.where(eq(t.seats.exerciseId, exerciseId))
				.orderBy(t.seats.createdAt, t.seats.id);
		},
		async setTeam(id, teamId) {
			const rows = await db
				.update(t.seats)
				.set({ teamId: optionalText(teamId, 'Team', 'seat/invalid', 200) })
				.where(eq(t.seats.id, id))
				.returning();
			if (!rows[0]) throw new StoreError('seat/not_found', `No seat with id "${id}".`);
			return rows[0];
		},
		async touch(id, at = new Date()) {
			await db
				.update(t.seats)
				.set({ lastSeenAt: at })
				.where(eq(t.seats.id, id))
				.returning({ id: t.seats.id });
		}
	};
}
