/** The after-action improvement plan: actions per exercise, followed up per organisation. */
import { newId } from './ids';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Ctx } from './context';
import { IMPROVEMENT_ELEMENTS, IMPROVEMENT_STATUSES } from './records';
import { StoreError, type ImprovementActionInput, type ImprovementActionsStore } from './store';
import { optionalText, requireOneOf, requireText } from './validate';

const CODE = 'improvement/invalid';

function checkDueDate(value: unknown): string | null {
	const text = optionalText(value, 'Due date', CODE, 10);
	if (text === null) return null;
	const date = new Date(`${text}T00:00:00Z`);
	if (
		!/^\d{4}-\d{2}-\d{2}$/.test(text) ||
		Number.isNaN(date.getTime()) ||
		!date.toISOString().startsWith(text)
	) {
		throw new StoreError(CODE, `Due date must be a calendar date written YYYY-MM-DD; got "${text}".`);
	}
	return text;
}

type Fields = Required<ImprovementActionInput>;

const CHECKS: { [K in keyof Fields]: (value: unknown) => Fields[K] } = {
	objectiveId: (v) => optionalText(v, 'Objective', CODE, 200),
	capability: (v) => requireText(v, 'Capability', CODE, 200),
	issue: (v) => requireText(v, 'Issue', CODE, 4000),
	action: (v) => requireText(v, 'Corrective action', CODE, 4000),
	element: (v) => requireOneOf(v, IMPROVEMENT_ELEMENTS, 'Element', CODE),
	owner: (v) => requireText(v, 'Owner', CODE, 200),
	dueDate: checkDueDate,
	status: (v) => requireOneOf(v, IMPROVEMENT_STATUSES, 'Status', CODE)
};

/** Validates every field of `input` that `keys` names and returns them ready to store. */
function clean<K extends keyof Fields>(input: Partial<Fields>, keys: readonly K[]): Pick<Fields, K> {
	const out = {} as Pick<Fields, K>;
	for (const key of keys) out[key] = CHECKS[key](input[key]) as Fields[K];
	return out;
}

const ALL = Object.keys(CHECKS) as (keyof Fields)[];

/** The improvement-actions noun over a dialect context. */
export function improvementActionsStore({ db, t }: Ctx): ImprovementActionsStore {
	return {
		async create(exerciseId, input) {
			const fields = clean({ objectiveId: null, dueDate: null, status: 'open', ...input }, ALL);
			const [exercise] = await db
				.select({ orgName: t.exercises.orgName })
				.from(t.exercises)
				.where(eq(t.exercises.id, exerciseId))
				.limit(1);
			if (!exercise) throw new StoreError('exercise/not_found', `No exercise with id "${exerciseId}".`);
			const now = new Date();
			const [row] = await db
				.insert(t.improvementActions)
				.values({
					id: newId(),
					exerciseId,
					orgName: exercise.orgName,
					...fields,
					createdAt: now,
					updatedAt: now
				})
				.returning();
			return row;
		},
		async update(id, patch) {
			const rows = await db
				.update(t.improvementActions)
				.set({
					...clean(
						patch,
						ALL.filter((key) => key in patch)
					),
					updatedAt: new Date()
				})
				.where(eq(t.improvementActions.id, id))
				.returning();
			if (!rows[0]) throw new StoreError('improvement/not_found', `No improvement action with id "${id}".`);
			return rows[0];
		},
		async listForExercise(exerciseId) {
			return db
				.select()
				.from(t.improvementActions)
				.where(eq(t.improvementActions.exerciseId, exerciseId))
				.orderBy(asc(t.improvementActions.createdAt), asc(t.improvementActions.id));
		},
		async listOpenForOrg(orgName) {
			return db
				.select()
				.from(t.improvementActions)
				.where(and(eq(t.improvementActions.orgName, orgName), ne(t.improvementActions.status, 'done')))
				.orderBy(asc(t.improvementActions.createdAt), asc(t.improvementActions.id));
		}
	};
}
