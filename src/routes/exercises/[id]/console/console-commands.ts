/**
 * The console's frequent commands with the words they answer in, shared by the buttons and the keyboard
 * shortcuts so both say the same thing: what happened, to which inject, by its title.
 */
import type { ExerciseHeader, InjectStatusView } from '$lib/engine/types';
import { m } from '$lib/paraglide/messages';
import type { CommandRunner } from '../command-runner.svelte';

type Inject = Pick<InjectStatusView, 'id' | 'title'>;

export function releaseInject(runner: CommandRunner, inject: Inject): Promise<boolean> {
	return runner.run(
		{ type: 'inject.release', injectId: inject.id },
		m.console_released({ title: inject.title })
	);
}

export function holdInject(runner: CommandRunner, inject: Inject): Promise<boolean> {
	return runner.run(
		{ type: 'inject.hold', injectId: inject.id },
		m.console_will_hold({ title: inject.title })
	);
}

export function skipInject(runner: CommandRunner, inject: Inject): Promise<boolean> {
	return runner.run(
		{ type: 'inject.skip', injectId: inject.id },
		m.console_skipped_notice({ title: inject.title })
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
			return runner.run({ type: 'exercise.start' }, m.console_started());
		case 'running':
			return runner.run({ type: 'exercise.pause' }, m.console_paused());
		case 'paused':
			return runner.run({ type: 'exercise.resume' }, m.console_resumed());
		default:
			return false;
	}
}
