/**
 * Score entries for regulatory clocks: per clock a team owns, once it resolves, `clock:<id>` with `met` points
 * when it was met (a hold: observed to its end) and `missed` points when it was missed or (a hold) breached.
 * A benchmark clock's rule says it is an exercise benchmark, not a legal deadline.
 */
import { formatDuration } from '../calendar';
import type { ClockRun, ExerciseState } from '../state';
import { fill } from '../templates';
import type { ClockDef, ScoreEntry, TeamId } from '../types';

/** Added to a benchmark clock's rule. */
const BENCHMARK = ' (exercise benchmark, not a legal deadline)';

/** How a resolved clock scores, or null while it is idle or running. */
function outcome(clock: ClockDef, run: ClockRun): { met: boolean; word: string; evidence: string } | null {
	const left = formatDuration((run.deadlineAt ?? 0) - (run.stoppedAt ?? 0));
	switch (run.status) {
		case 'met':
			return clock.kind === 'hold'
				? { met: true, word: 'observed', evidence: 'held until it ended' }
				: { met: true, word: 'met', evidence: `stopped ${left} before the deadline` };
		case 'breached':
			return { met: false, word: 'breached', evidence: `breached ${left} before it ended` };
		case 'missed':
			return {
				met: false,
				word: 'missed',
				evidence:
					run.lateBy !== undefined
						? `missed; stopped late by ${formatDuration(run.lateBy)}`
						: 'missed; never stopped'
			};
		default:
			return null;
	}
}

/** Whether a clock's result caps the objectives it evidences (missed or breached). */
export function clockFailed(state: ExerciseState, clockId: string): boolean {
	const status = state.clocks[clockId]?.status;
	return status === 'missed' || status === 'breached';
}

/** The team's clock entries, before overrides. */
export function clockEntries(
	state: ExerciseState,
	teamId: TeamId,
	vars: Record<string, string>
): ScoreEntry[] {
	const out: ScoreEntry[] = [];
	const lastPhase = state.scenario.phases[state.phaseIndex]?.id ?? '';
	for (const clock of state.scenario.clocks) {
		const run = state.clocks[clock.id];
		const result = clock.owner === teamId && run ? outcome(clock, run) : null;
		if (!result) continue;
		out.push({
			id: `clock:${clock.id}`,
			teamId,
			rule: fill(`${clock.regime} ${clock.name} ${result.word}`, vars) + (clock.benchmark ? BENCHMARK : ''),
			evidence: result.evidence,
			points: result.met ? clock.scoring.met : clock.scoring.missed,
			maxPoints: Math.max(0, clock.scoring.met),
			phase: run.phase ?? lastPhase,
			objectives: clock.scoring.objectives,
			scenarioAt: run.status === 'missed' ? (run.deadlineAt ?? 0) : (run.stoppedAt ?? 0)
		});
	}
	return out;
}
