/**
 * Replay for the review: the exercise as one team saw it after the first N inputs of the log, rebuilt with the
 * engine's own fold (`replay`) and redacted with `viewFor`, so the review shows exactly what was on that team's
 * screens — never another team's answers or facilitator notes.
 */
import { m } from '$lib/paraglide/messages';
import { replay, viewFor } from '$lib/engine';
import type { ExerciseConfig, Input, Scenario, TeamId, TeamView, TimelineEntry } from '$lib/engine/types';

/** One position of the replay slider: the input at `seq` and what it changed, in words. */
export interface ReplayStep {
	seq: number;
	/** Wall ms when the server accepted the input. */
	at: number;
	label: string;
}

/** A team's view as it stood right after input `seq` (0 = before the first input). */
export interface ReplayFrame {
	seq: number;
	at: number | null;
	label: string;
	teamId: TeamId;
	view: TeamView;
}

/** Slider positions for the inputs, labelled with the timeline entries the reader may see. */
export function replaySteps(inputs: readonly Input[], timeline: readonly TimelineEntry[]): ReplayStep[] {
	const bySeq = new Map<number, string[]>();
	for (const e of timeline) bySeq.set(e.seq, [...(bySeq.get(e.seq) ?? []), e.text]);
	return inputs.map((input) => ({
		seq: input.seq,
		at: input.at,
		label:
			bySeq.get(input.seq)?.join('; ') ??
			(input.command.type === 'clock.tick' ? m.review_replay_time_passed() : m.review_replay_unseen())
	}));
}

/** The team's view after the inputs up to `seq` (clamped to the log), at the wall time of that input. */
export function replayFrame(
	scenario: Scenario,
	config: ExerciseConfig,
	inputs: readonly Input[],
	steps: readonly ReplayStep[],
	teamId: TeamId,
	seq: number
): ReplayFrame {
	const upTo = inputs.filter((i) => i.seq <= seq);
	const last = upTo.at(-1);
	const state = replay(scenario, config, upTo);
	const now = last?.at ?? inputs[0]?.at ?? 0;
	const view = viewFor(state, { role: 'participant', teamId }, now) as TeamView;
	return {
		seq: last?.seq ?? 0,
		at: last?.at ?? null,
		label: last ? (steps.find((s) => s.seq === last.seq)?.label ?? '') : m.review_replay_before(),
		teamId,
		view
	};
}
