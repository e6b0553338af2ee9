/**
 * The improvement plan (HSEEP IP matrix): corrective actions per exercise with capability, issue, element,
 * owner, due date and status, editable after the exercise. Actions not done are carried over: every later
 * exercise of the same organisation lists them until someone marks them done.
 */
import {
	StoreError,
	type ImprovementActionInput,
	type ImprovementActionRecord,
	type ImprovementElement,
	type ImprovementStatus,
	type Store
} from '../db/store';
import { IMPROVEMENT_ELEMENTS, IMPROVEMENT_STATUSES } from '../db/records';
import { fault } from '../errors';
import type { Facilitator } from './sessions';

/** An action as the pages show it (dates as ISO text so it serialises). */
export interface PlanAction {
	id: string;
	exerciseId: string;
	objectiveId: string | null;
	capability: string;
	issue: string;
	action: string;
	element: ImprovementElement;
	owner: string;
	dueDate: string | null;
	status: ImprovementStatus;
	updatedAt: string;
	/** Carried-over actions: the exercise they were agreed in. */
	from?: { exerciseId: string; title: string; createdAt: string };
}

/** This exercise's actions and the organisation's open ones from its other exercises. */
export interface PlanData {
	actions: PlanAction[];
	carried: PlanAction[];
}

/** Capability elements with the words HSEEP uses for them. */
export const ELEMENT_LABELS: Record<ImprovementElement, string> = {
	planning: 'Planning',
	organization: 'Organization',
	equipment: 'Equipment',
	training: 'Training',
	exercise: 'Exercise'
};

/** Status words. */
export const STATUS_LABELS: Record<ImprovementStatus, string> = {
	open: 'Open',
	'in-progress': 'In progress',
	done: 'Done'
};

export { IMPROVEMENT_ELEMENTS, IMPROVEMENT_STATUSES };

const FIELDS = [
	'objectiveId',
	'capability',
	'issue',
	'action',
	'element',
	'owner',
	'dueDate',
	'status'
] as const;

/** The action fields present in a submitted form; empty objective and due date mean "none". */
export function readActionForm(form: FormData): Partial<ImprovementActionInput> {
	const out: Record<string, string | null> = {};
	for (const key of FIELDS) {
		const v = form.get(key);
		if (typeof v !== 'string') continue;
		const text = v.trim();
		out[key] = (key === 'objectiveId' || key === 'dueDate') && text === '' ? null : text;
	}
	return out as Partial<ImprovementActionInput>;
}

function toPlan(a: ImprovementActionRecord): PlanAction {
	return {
		id: a.id,
		exerciseId: a.exerciseId,
		objectiveId: a.objectiveId,
		capability: a.capability,
		issue: a.issue,
		action: a.action,
		element: a.element,
		owner: a.owner,
		dueDate: a.dueDate,
		status: a.status,
		updatedAt: a.updatedAt.toISOString()
	};
}

async function storeCall<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof StoreError) fault(e.code, e.message, e.code.endsWith('not_found') ? 404 : 400);
		throw e;
	}
}

/** Reading and editing the improvement plan. */
export class ImprovementPlan {
	constructor(private readonly store: Store) {}

	/** The exercise's plan and the actions carried over from the organisation's other exercises. */
	async forExercise(_f: Facilitator, exerciseId: string): Promise<PlanData> {
		const exercise = await this.#exercise(exerciseId);
		const own = await this.store.improvementActions.listForExercise(exerciseId);
		const open = (await this.store.improvementActions.listOpenForOrg(exercise.orgName)).filter(
			(a) => a.exerciseId !== exerciseId
		);
		const titles = new Map<string, { title: string; createdAt: string }>();
		for (const id of new Set(open.map((a) => a.exerciseId))) {
			const other = await this.store.exercises.get(id);
			if (other) titles.set(id, { title: other.title, createdAt: other.createdAt.toISOString() });
		}
		return {
			actions: own.map(toPlan),
			carried: open.map((a) => ({
				...toPlan(a),
				from: {
					exerciseId: a.exerciseId,
					...(titles.get(a.exerciseId) ?? { title: a.exerciseId, createdAt: '' })
				}
			}))
		};
	}

	/** Adds a corrective action to the exercise's plan. */
	async add(
		_f: Facilitator,
		exerciseId: string,
		input: Partial<ImprovementActionInput>
	): Promise<PlanAction> {
		await this.#exercise(exerciseId);
		return toPlan(
			await storeCall(() => this.store.improvementActions.create(exerciseId, input as ImprovementActionInput))
		);
	}

	/** Edits an action of this exercise or one carried over to it (same organisation). */
	async update(
		f: Facilitator,
		exerciseId: string,
		actionId: string,
		patch: Partial<ImprovementActionInput>
	): Promise<PlanAction> {
		const plan = await this.forExercise(f, exerciseId);
		if (![...plan.actions, ...plan.carried].some((a) => a.id === actionId)) {
			fault('improvement/not_found', `This exercise's plan has no action "${actionId}".`, 404);
		}
		return toPlan(await storeCall(() => this.store.improvementActions.update(actionId, patch)));
	}

	async #exercise(id: string) {
		const record = await this.store.exercises.get(id);
		if (!record) fault('exercise/not_found', `There is no exercise "${id}".`, 404);
		return record;
	}
}
