/**
 * An inject exactly as one team will see it: the engine plays the scenario to the inject's moment, releases it,
 * and computes that team's own view, so channels, artifacts, filled templates and the decision's presentation
 * are the participant page's, not a re-creation of them.
 */
import { applyInput } from '$lib/engine/apply';
import { createExercise, type ExerciseState } from '$lib/engine/state';
import type {
	Command,
	DecisionView,
	DeliveredInjectView,
	PhaseDef,
	Scenario,
	TeamDef,
	TeamView
} from '$lib/engine/types';
import { viewFor } from '$lib/engine/views';

/** What the preview shows. */
export type InjectPreview =
	| {
			ok: true;
			team: TeamDef;
			startsAt: string;
			inject: DeliveredInjectView;
			decision?: DecisionView;
			phase: PhaseDef | null;
	  }
	| { ok: false; message: string };

const MINUTE = 60_000;

/** The team's view of `injectId`, as delivered at its own time (offset triggers) or at StartEx (the others). */
export function previewInject(scenario: Scenario, injectId: string, teamId: string): InjectPreview {
	const inject = scenario.injects.find((i) => i.id === injectId);
	const team = scenario.teams.find((t) => t.id === teamId);
	if (!inject || !team) return { ok: false, message: 'Choose an inject and a team.' };
	if (inject.audience !== 'all' && !inject.audience.includes(teamId))
		return { ok: false, message: `"${inject.title}" does not go to ${team.name}.` };
	let state: ExerciseState = createExercise(scenario, {
		exerciseId: 'studio-preview',
		teams: scenario.teams.map((t) => t.id),
		compression: scenario.defaultCompression,
		variables: {}
	});
	let wall = 0;
	const apply = (command: Command) => {
		const result = applyInput(state, {
			seq: state.version + 1,
			at: wall,
			key: `preview-${state.version + 1}`,
			actor: { role: command.type === 'clock.tick' ? 'system' : 'facilitator', name: 'preview' },
			command
		});
		if (!result.ok) throw new Error(result.error.message);
		state = result.state;
	};
	try {
		apply({ type: 'exercise.start' });
		if (inject.trigger.kind === 'at' && inject.trigger.at > 0) {
			// Arrive just before the inject falls due, so it is released at its own in-world time.
			wall = Math.max(0, Math.floor((inject.trigger.at - 1) / state.clock.compression));
			apply({ type: 'clock.tick' });
		}
		if (state.delivered[teamId]?.[injectId] === undefined) apply({ type: 'inject.release', injectId });
	} catch (e) {
		return { ok: false, message: `The preview could not play the scenario: ${(e as Error).message}` };
	}
	const view = viewFor(state, { role: 'participant', teamId }, wall + MINUTE) as TeamView;
	const item = view.feed.find((f) => f.id === injectId);
	if (!item) return { ok: false, message: `"${inject.title}" did not reach ${team.name}.` };
	return {
		ok: true,
		team: view.team,
		startsAt: view.header.startsAt,
		inject: item,
		decision: view.decisions.find((d) => d.injectId === injectId),
		phase: scenario.phases.find((p) => p.id === item.phase) ?? null
	};
}
