/** Exercises: creation with unique join and staff codes, lookups by code, listing and lifecycle. */
import { newId } from './ids';
import { desc, eq, getTableColumns, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Lifecycle } from '../../engine/types';
import { newJoinCode, parseJoinCode } from '../auth/tokens';
import { MAX_EXERCISE_NAME } from '../../exercise-name';
import { step, type Ctx } from './context';
import { ENDED_LIFECYCLE } from './records';
import { StoreError, type ExerciseRecord, type ExercisesStore, type NewExercise } from './store';
import { requireInteger, requireOneOf, requireText, toDate } from './validate';

const LIFECYCLES: readonly Lifecycle[] = ['lobby', 'briefing', 'running', 'paused', 'hotwash', 'ended'];
// A clash of two 50-bit codes is astronomically rare; a few redraws cover it without looping forever.
const CODE_ATTEMPTS = 5;
/** Most seats one exercise may be given. */
export const MAX_SEAT_LIMIT = 5000;

function canonicalCode(code: string, field: string): string {
	const parsed = parseJoinCode(code);
	if (!parsed.ok) throw new StoreError('exercise/invalid', `${field}: ${parsed.message}`);
	return parsed.code;
}

function requireSeatLimit(value: number): number {
	const n = requireInteger(value, 'Seat limit', 'exercise/invalid', 1);
	if (n > MAX_SEAT_LIMIT)
		throw new StoreError('exercise/invalid', `Seat limit must be at most ${MAX_SEAT_LIMIT}.`);
	return n;
}

function requireName(value: string): string {
	return requireText(value, 'Exercise name', 'exercise/invalid', MAX_EXERCISE_NAME);
}

/** The exercises noun over a dialect context. */
export function exercisesStore(ctx: Ctx): ExercisesStore {
	const { db, t } = ctx;

	/** Inserts unless either code is already used as a join or a staff code anywhere; null on a clash. */
	function insertIfCodesFree(row: typeof t.exercises.$inferInsert) {
		const codes = [row.joinCode, row.staffCode];
		return ctx.transact(function* (tx) {
			const clash = yield* step(
				tx
					.select({ id: t.exercises.id })
					.from(t.exercises)
					.where(or(inArray(t.exercises.joinCode, codes), inArray(t.exercises.staffCode, codes)))
					.limit(1)
			);
			if (clash.length > 0) return null;
			const inserted = yield* step(tx.insert(t.exercises).values(row).onConflictDoNothing().returning());
			return inserted[0] ?? null;
		});
	}

	async function one(where: SQL | undefined): Promise<ExerciseRecord | null> {
		const rows = await db.select().from(t.exercises).where(where).limit(1);
		return rows[0] ?? null;
	}

	async function byCode(column: 'joinCode' | 'staffCode', code: string) {
		const parsed = parseJoinCode(code);
		return parsed.ok ? one(eq(t.exercises[column], parsed.code)) : null;
	}

	async function create(input: NewExercise): Promise<ExerciseRecord> {
		const given = input.joinCode !== undefined || input.staffCode !== undefined;
		const id = newId();
		const now = new Date();
		const base = {
			id,
			scenarioId: requireText(input.scenarioId, 'Scenario id', 'exercise/invalid', 200),
			scenarioVersion: requireText(input.scenarioVersion, 'Scenario version', 'exercise/invalid', 100),
			scenarioSource: requireText(input.scenarioSource, 'Scenario source', 'exercise/invalid', 5_000_000),
			scenarioVersionId: input.scenarioVersionId ?? null,
			title: requireText(input.title, 'Title', 'exercise/invalid', 300),
			name: requireName(input.name),
			orgName: requireText(input.orgName, 'Organisation', 'exercise/invalid', 200),
			config: { ...input.config, exerciseId: id },
			createdBy: requireText(input.createdBy, 'Creator', 'exercise/invalid', 200),
			lifecycle: 'lobby' as const,
			seatLimit: input.seatLimit === undefined ? 200 : requireSeatLimit(input.seatLimit),
			createdAt: now,
			updatedAt: now
		};
		for (let attempt = 0; attempt < (given ? 1 : CODE_ATTEMPTS); attempt++) {
			const joinCode = input.joinCode ? canonicalCode(input.joinCode, 'Join code') : newJoinCode();
			const staffCode = input.staffCode ? canonicalCode(input.staffCode, 'Staff code') : newJoinCode();
			if (joinCode === staffCode) {
				throw new StoreError('exercise/invalid', 'The join code and the staff code must differ.');
			}
			const row = await insertIfCodesFree({ ...base, joinCode, staffCode });
			if (row) return row;
		}
		throw new StoreError(
			'exercise/code_taken',
			'That join or staff code is already used by another exercise.'
		);
	}

	async function running(): Promise<ExerciseRecord[]> {
		return db
			.select()
			.from(t.exercises)
			.where(ne(t.exercises.lifecycle, ENDED_LIFECYCLE))
			.orderBy(t.exercises.createdAt);
	}

	return {
		create,
		get: (id) => one(eq(t.exercises.id, id)),
		byJoinCode: (code) => byCode('joinCode', code),
		byStaffCode: (code) => byCode('staffCode', code),
		async byAnyCode(code) {
			const asJoin = await byCode('joinCode', code);
			if (asJoin) return { exercise: asJoin, kind: 'join' };
			const asStaff = await byCode('staffCode', code);
			return asStaff ? { exercise: asStaff, kind: 'staff' } : null;
		},
		async list(options = {}) {
			const limit = requireInteger(options.limit ?? 200, 'Limit', 'exercise/invalid', 1);
			const { scenarioSource: _source, config, ...columns } = getTableColumns(t.exercises);
			const rows = await db
				.select({ ...columns, config })
				.from(t.exercises)
				.where(options.createdBy ? eq(t.exercises.createdBy, options.createdBy) : undefined)
				.orderBy(desc(t.exercises.createdAt), desc(t.exercises.id))
				.limit(limit);
			return rows.map(({ config: cfg, ...rest }) => ({ ...rest, teams: cfg.teams }));
		},
		async rename(id, name) {
			const rows = await db
				.update(t.exercises)
				.set({ name: requireName(name), updatedAt: new Date() })
				.where(eq(t.exercises.id, id))
				.returning({ id: t.exercises.id });
			if (rows.length === 0) throw new StoreError('exercise/not_found', `No exercise with id "${id}".`);
		},
		async setLifecycle(id, lifecycle, at = new Date()) {
			requireOneOf(lifecycle, LIFECYCLES, 'Lifecycle', 'exercise/invalid');
			const when = toDate(at, 'Lifecycle time', 'exercise/invalid');
			const rows = await db
				.update(t.exercises)
				.set({ lifecycle, updatedAt: when, ...(lifecycle === ENDED_LIFECYCLE ? { endedAt: when } : {}) })
				.where(eq(t.exercises.id, id))
				.returning({ id: t.exercises.id });
			if (rows.length === 0) throw new StoreError('exercise/not_found', `No exercise with id "${id}".`);
		},
		running
	};
}
