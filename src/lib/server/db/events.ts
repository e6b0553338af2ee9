/** The append-only input log and the scheduled events stored alongside it. */
import { and, asc, eq, gt, max } from 'drizzle-orm';
import type { Input } from '../../engine/types';
import { step, type Ctx } from './context';
import { StoreError, type AppendResult, type EventsStore, type ScheduledEvent } from './store';
import { requireInteger, requireText } from './validate';

function checkInput(input: Input): void {
	if (input === null || typeof input !== 'object')
		throw new StoreError('event/invalid', 'Input must be an object.');
	requireInteger(input.seq, 'Input seq', 'event/invalid', 1);
	requireText(input.key, 'Input key', 'event/invalid', 200);
	requireInteger(input.at, 'Input time (at)', 'event/invalid', 0);
	if (!input.actor || typeof input.actor !== 'object')
		throw new StoreError('event/invalid', 'Input actor is missing.');
	if (!input.command || typeof input.command !== 'object' || typeof input.command.type !== 'string') {
		throw new StoreError('event/invalid', 'Input command is missing its type.');
	}
}

function checkScheduled(scheduled: ScheduledEvent[]): void {
	if (!Array.isArray(scheduled)) throw new StoreError('event/invalid', 'Scheduled events must be a list.');
	const seen = new Set<string>();
	for (const [i, item] of scheduled.entries()) {
		const where = `Scheduled event ${i}`;
		requireText(item.itemId, `${where} itemId`, 'event/invalid', 300);
		requireText(item.kind, `${where} kind`, 'event/invalid', 100);
		if (!Number.isFinite(item.dueScenario))
			throw new StoreError('event/invalid', `${where} dueScenario must be a number.`);
		if (item.dueWall !== null && !Number.isFinite(item.dueWall)) {
			throw new StoreError('event/invalid', `${where} dueWall must be a number or null.`);
		}
		const id = `${item.kind}\u0000${item.itemId}`;
		if (seen.has(id))
			throw new StoreError('event/invalid', `${where} repeats ${item.kind} "${item.itemId}".`);
		seen.add(id);
	}
}

/** The events noun over a dialect context. */
export function eventsStore(ctx: Ctx): EventsStore {
	const { db, t } = ctx;
	const toInput = ({ seq, at, key, actor, command }: typeof t.events.$inferSelect): Input => ({
		seq,
		at,
		key,
		actor,
		command
	});

	return {
		async appendInput(exerciseId, input, scheduled) {
			checkInput(input);
			checkScheduled(scheduled);
			return ctx.transact(function* (tx): Generator<PromiseLike<unknown>, AppendResult, unknown> {
				const exercise = yield* step(ctx.lockExercise(tx, exerciseId));
				if (exercise.length === 0)
					throw new StoreError('exercise/not_found', `No exercise with id "${exerciseId}".`);
				const stored = yield* step(
					tx
						.select({ seq: t.events.seq })
						.from(t.events)
						.where(and(eq(t.events.exerciseId, exerciseId), eq(t.events.key, input.key)))
				);
				if (stored.length > 0) return { duplicate: true, seq: stored[0].seq };
				const [last] = yield* step(
					tx
						.select({ seq: max(t.events.seq) })
						.from(t.events)
						.where(eq(t.events.exerciseId, exerciseId))
				);
				const expected = (last?.seq ?? 0) + 1;
				if (input.seq !== expected) {
					throw new StoreError(
						'event/seq_conflict',
						`Input seq ${input.seq} does not follow the log of exercise "${exerciseId}", which expects ${expected}.`
					);
				}
				const { seq, at, key, actor, command } = input;
				yield* step(
					tx
						.insert(t.events)
						.values({ exerciseId, seq, at, key, actor, command })
						.returning({ seq: t.events.seq })
				);
				yield* step(
					tx
						.delete(t.scheduledEvents)
						.where(eq(t.scheduledEvents.exerciseId, exerciseId))
						.returning({ itemId: t.scheduledEvents.itemId })
				);
				if (scheduled.length > 0) {
					const rows = scheduled.map(({ itemId, kind, dueScenario, dueWall }) => ({
						exerciseId,
						itemId,
						kind,
						dueScenario,
						dueWall
					}));
					yield* step(
						tx.insert(t.scheduledEvents).values(rows).returning({ itemId: t.scheduledEvents.itemId })
					);
				}
				return { duplicate: false };
			});
		},
		async inputsAfter(exerciseId, seq) {
			const rows = await db
				.select()
				.from(t.events)
				.where(and(eq(t.events.exerciseId, exerciseId), gt(t.events.seq, seq)))
				.orderBy(asc(t.events.seq));
			return rows.map(toInput);
		},
		async inputByKey(exerciseId, key) {
			const rows = await db
				.select()
				.from(t.events)
				.where(and(eq(t.events.exerciseId, exerciseId), eq(t.events.key, key)))
				.limit(1);
			return rows[0] ? toInput(rows[0]) : null;
		},
		async hasInputKey(exerciseId, key) {
			const rows = await db
				.select({ seq: t.events.seq })
				.from(t.events)
				.where(and(eq(t.events.exerciseId, exerciseId), eq(t.events.key, key)))
				.limit(1);
			return rows.length > 0;
		},
		async lastSeq(exerciseId) {
			const [row] = await db
				.select({ seq: max(t.events.seq) })
				.from(t.events)
				.where(eq(t.events.exerciseId, exerciseId));
			return row?.seq ?? 0;
		},
		async scheduled(exerciseId) {
			return db
				.select({
					itemId: t.scheduledEvents.itemId,
					kind: t.scheduledEvents.kind,
					dueScenario: t.scheduledEvents.dueScenario,
					dueWall: t.scheduledEvents.dueWall
				})
				.from(t.scheduledEvents)
				.where(eq(t.scheduledEvents.exerciseId, exerciseId))
				.orderBy(
					asc(t.scheduledEvents.dueScenario),
					asc(t.scheduledEvents.kind),
					asc(t.scheduledEvents.itemId)
				);
		}
	};
}
