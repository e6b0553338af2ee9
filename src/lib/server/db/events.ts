/** The append-only input log and the scheduled events stored alongside it. */
import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import type { Input } from '../../engine/types';
import { step, type Ctx, type Statement } from './context';
import { senderOf, StoreError, type AppendResult, type EventsStore, type ScheduledEvent } from './store';
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

/** Row counts up to which a multi-row insert of scheduled events is kept as a prepared statement. */
const PREPARED_SCHEDULE_ROWS = 32;
/** Exercises whose last written scheduled set is remembered; past this the memory starts over (a full write). */
const REMEMBERED_EXERCISES = 1000;

/** The scheduled set an append wrote, tagged with the seq of the input it was written with. */
interface Written {
	seq: number;
	rows: ScheduledEvent[];
}

function sameSchedule(a: readonly ScheduledEvent[], b: readonly ScheduledEvent[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i];
		const y = b[i];
		if (
			x.itemId !== y.itemId ||
			x.kind !== y.kind ||
			x.dueScenario !== y.dueScenario ||
			x.dueWall !== y.dueWall
		)
			return false;
	}
	return true;
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
	const ph = sql.placeholder;

	// appendInput's statements, built once per store (see Ctx.prepare).
	/** The exercise (no row: not found), the seq stored under the key, if any, and the log's last seq. */
	const head = ctx.prepare('events_append_head', (q) =>
		q
			.select({
				id: t.exercises.id,
				stored: sql<
					number | null
				>`(select ${t.events.seq} from ${t.events} where ${t.events.exerciseId} = ${t.exercises.id} and ${t.events.sender} = ${ph('sender')} and ${t.events.key} = ${ph('key')})`.mapWith(
					Number
				),
				last: sql<
					number | null
				>`(select max(${t.events.seq}) from ${t.events} where ${t.events.exerciseId} = ${t.exercises.id})`.mapWith(
					Number
				)
			})
			.from(t.exercises)
			.where(eq(t.exercises.id, ph('exerciseId')))
	);
	const insertInput = ctx.prepare('events_append_input', (q) =>
		q
			.insert(t.events)
			.values({
				exerciseId: ph('exerciseId'),
				seq: ph('seq'),
				at: ph('at'),
				sender: ph('sender'),
				key: ph('key'),
				actor: ph('actor'),
				command: ph('command')
			})
			.returning({ seq: t.events.seq })
	);
	const clearScheduled = ctx.prepare('events_append_clear_scheduled', (q) =>
		q
			.delete(t.scheduledEvents)
			.where(eq(t.scheduledEvents.exerciseId, ph('exerciseId')))
			.returning({ itemId: t.scheduledEvents.itemId })
	);
	const insertScheduledBySize = new Map<number, Statement<{ itemId: string }[]>>();
	/** A prepared insert of `size` scheduled rows, its values named itemId0, kind0, … itemId1, … */
	function insertScheduled(size: number): Statement<{ itemId: string }[]> {
		let statement = insertScheduledBySize.get(size);
		if (!statement) {
			const rows = Array.from({ length: size }, (_, i) => ({
				exerciseId: ph('exerciseId'),
				itemId: ph(`itemId${i}`),
				kind: ph(`kind${i}`),
				dueScenario: ph(`dueScenario${i}`),
				dueWall: ph(`dueWall${i}`)
			}));
			statement = ctx.prepare(`events_append_scheduled_${size}`, (q) =>
				q.insert(t.scheduledEvents).values(rows).returning({ itemId: t.scheduledEvents.itemId })
			);
			insertScheduledBySize.set(size, statement);
		}
		return statement;
	}

	/**
	 * Per exercise, the scheduled set the last committed append from this store wrote and that input's seq. Only
	 * appendInput writes scheduled_events, always with an input in the same transaction, so when the log's last
	 * seq (read inside the transaction) is the remembered one, the table still holds the remembered set, even
	 * with other connections or nodes appending; otherwise (first use, another writer since) the set is written.
	 */
	const written = new Map<string, Written>();
	function remember(exerciseId: string, entry: Written): void {
		const known = written.get(exerciseId);
		if (known && known.seq >= entry.seq) return;
		if (!known && written.size >= REMEMBERED_EXERCISES) written.clear();
		written.set(exerciseId, entry);
	}

	return {
		async appendInput(exerciseId, input, scheduled) {
			checkInput(input);
			checkScheduled(scheduled);
			const { seq, at, key, actor, command } = input;
			const sender = senderOf(actor);
			// A copy, so the caller changing its array later cannot change what is remembered as written.
			const rows: ScheduledEvent[] = scheduled.map(({ itemId, kind, dueScenario, dueWall }) => ({
				itemId,
				kind,
				dueScenario,
				dueWall
			}));
			const result = await ctx.transact(function* (tx): Generator<
				PromiseLike<unknown>,
				AppendResult,
				unknown
			> {
				if (ctx.locksExercise) yield* step(ctx.lockExercise(tx, exerciseId));
				const [found] = yield* step(head(tx, { exerciseId, sender, key }));
				if (!found) throw new StoreError('exercise/not_found', `No exercise with id "${exerciseId}".`);
				if (found.stored != null) return { duplicate: true, seq: found.stored };
				const last = found.last ?? 0;
				const expected = last + 1;
				if (seq !== expected) {
					throw new StoreError(
						'event/seq_conflict',
						`Input seq ${seq} does not follow the log of exercise "${exerciseId}", which expects ${expected}.`
					);
				}
				yield* step(insertInput(tx, { exerciseId, seq, at, sender, key, actor, command }));
				const known = written.get(exerciseId);
				if (known && known.seq === last && sameSchedule(known.rows, rows)) return { duplicate: false };
				yield* step(clearScheduled(tx, { exerciseId }));
				if (rows.length > 0) {
					if (rows.length <= PREPARED_SCHEDULE_ROWS) {
						const values: Record<string, unknown> = { exerciseId };
						rows.forEach((row, i) => {
							values[`itemId${i}`] = row.itemId;
							values[`kind${i}`] = row.kind;
							values[`dueScenario${i}`] = row.dueScenario;
							values[`dueWall${i}`] = row.dueWall;
						});
						yield* step(insertScheduled(rows.length)(tx, values));
					} else {
						yield* step(
							tx
								.insert(t.scheduledEvents)
								.values(rows.map((row) => ({ exerciseId, ...row })))
								.returning({ itemId: t.scheduledEvents.itemId })
						);
					}
				}
				return { duplicate: false };
			});
			if (result.duplicate) return result;
			// Committed: from here on the table holds `rows` as of this seq (whether written now or before).
			remember(exerciseId, { seq, rows });
			return result;
		},
		async inputsAfter(exerciseId, seq) {
			const rows = await db
				.select()
				.from(t.events)
				.where(and(eq(t.events.exerciseId, exerciseId), gt(t.events.seq, seq)))
				.orderBy(asc(t.events.seq));
			return rows.map(toInput);
		},
		async inputByKey(exerciseId, key, sender) {
			const rows = await db
				.select()
				.from(t.events)
				.where(
					and(
						eq(t.events.exerciseId, exerciseId),
						eq(t.events.key, key),
						sender === undefined ? undefined : eq(t.events.sender, sender)
					)
				)
				.limit(1);
			return rows[0] ? toInput(rows[0]) : null;
		},
		async hasInputKey(exerciseId, key, sender) {
			const rows = await db
				.select({ seq: t.events.seq })
				.from(t.events)
				.where(
					and(
						eq(t.events.exerciseId, exerciseId),
						eq(t.events.key, key),
						sender === undefined ? undefined : eq(t.events.sender, sender)
					)
				)
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
