/**
 * The console's frequent commands with the words they answer in, shared by the buttons and the keyboard
 * shortcuts so both say the same thing: what happened, to which inject, by its title.
 */
import type { ExerciseHeader, InjectStatusView } from '$lib/engine/types';
import type { CommandRunner } from '../command-runner.svelte';

type Inject = Pick<InjectStatusView, 'id' | 'title'>;

export function releaseInject(runner: CommandRunner, inject: Inject): Promise<boolean> {
	return runner.run(
		{ type: 'inject.release', injectId: inject.id },
		`Released “${inject.title}”: it is in the teams’ feeds now.`
	);
}

export function holdInject(runner: CommandRunner, inject: Inject): Promise<boolean> {
	return runner.run(
		{ type: 'inject.hold', injectId: inject.id },
		`“${inject.title}” will hold when due: it waits under Held until you release it.`
	);
}

export function skipInject(runner: CommandRunner, inject: Inject): Promise<boolean> {
	return runner.run(
		{ type: 'inject.skip', injectId: inject.id },
		`Skipped “${inject.title}”: no team will get it.`
	);
}

/** Starts, pauses or resumes, whichever the exercise can do now; false when it can do none. */
export function startOrPause(
	runner: CommandRunner,
	header: Pick<ExerciseHeader, 'lifecycle'>
): Promise<boolean> | false {
	switch (header.lifecycle) {
		case 'lobby':
		case 'briefing':
			return runner.run({ type: 'exercise.start' }, 'Exercise started: the scenario clock is running.');
		case 'running':
			return runner.run({ type: 'exercise.pause' }, 'Paused: the scenario clock is stopped.');
		case 'paused':
			return runner.run({ type: 'exercise.resume' }, 'Resumed: the scenario clock is running.');
		default:
			return false;
	}
}
