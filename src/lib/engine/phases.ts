/**
 * Phases as each viewer sees them. A phase's texts may say when it opened with `{{phase.date}}` ("Thursday
 * 3 October 2024"), `{{phase.day}}` ("Thursday") and `{{phase.time}}` ("09:00"), evaluated at the scenario time
 * the phase opened for the viewer: for a team, when the first inject of the phase reached it; for staff, when
 * the first team reached it. So a phase card never contradicts the clock on screen, also after an inject is
 * released early or the clock jumps. Notes go to facilitators and evaluators only.
 */
import { parseLocal } from './calendar';
import { indexOf } from './scenario-index';
import type { ExerciseState } from './state';
import { fill } from './templates';
import type { PhaseDef, TeamId } from './types';

type Vars = Record<string, string>;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** The names a phase's texts may use for the time it opened. */
export const PHASE_TEMPLATES = ['phase.date', 'phase.day', 'phase.time'] as const;

/** `{{phase.*}}` values for the in-world moment `scenarioMs`. */
export function phaseTimeVars(startsAt: string, scenarioMs: number): Vars {
	const d = new Date(parseLocal(startsAt) + scenarioMs);
	const day = WEEKDAYS[d.getUTCDay()];
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		'phase.date': `${day} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
		'phase.day': day,
		'phase.time': `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
	};
}

/** Placeholders for a phase that has not opened and declares no opening time. */
const NOT_OPENED: Vars = {
	'phase.date': '[the date it opens]',
	'phase.day': '[the day it opens]',
	'phase.time': '[the time it opens]'
};

/** Scenario ms at which `phaseId` opened for `teams` (the earliest delivery of one of its injects), if it has. */
export function phaseOpenedAt(
	state: ExerciseState,
	phaseId: string,
	teams: readonly TeamId[]
): number | undefined {
	const ix = indexOf(state.scenario);
	let first: number | undefined;
	for (const team of teams)
		for (const [injectId, at] of Object.entries(state.delivered[team] ?? {}))
			if (ix.injects.get(injectId)?.phase === phaseId && (first === undefined || at < first)) first = at;
	return first;
}

/** The phase with its texts filled for a viewer; `staff` keeps the notes. */
export function phaseView(
	state: ExerciseState,
	phase: PhaseDef | undefined,
	teams: readonly TeamId[],
	vars: Vars,
	staff: boolean
): PhaseDef | null {
	if (!phase) return null;
	const opened = phaseOpenedAt(state, phase.id, teams);
	const opensAt =
		phase.opensAt === undefined ? undefined : parseLocal(phase.opensAt) - parseLocal(state.scenario.startsAt);
	const at = opened ?? opensAt;
	const all = { ...vars, ...(at === undefined ? NOT_OPENED : phaseTimeVars(state.scenario.startsAt, at)) };
	const { notes, ...rest } = phase;
	return {
		...rest,
		title: fill(phase.title, all),
		update: fill(phase.update, all),
		questions: phase.questions.map((q) => fill(q, all)),
		...(staff && notes !== undefined ? { notes: fill(notes, all) } : {})
	};
}
