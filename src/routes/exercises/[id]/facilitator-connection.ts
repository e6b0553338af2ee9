/**
 * The live connection of a facilitator page (lobby, console): one ExerciseConnection for the page's life (the
 * exercise id never changes while it is mounted), opened on mount and closed on unmount, and a CommandRunner
 * over it. Call it while the component initialises.
 */
import { onMount } from 'svelte';
import { ExerciseConnection } from '$lib/client/exercise-connection.svelte';
import type { WireFacilitatorView } from '$lib/realtime/wire-view';
import { CommandRunner } from './command-runner.svelte';

export function facilitatorConnection(page: { exercise: { id: string }; serverNow: number }): {
	conn: ExerciseConnection<WireFacilitatorView>;
	runner: CommandRunner;
} {
	const conn = new ExerciseConnection<WireFacilitatorView>({
		exerciseId: page.exercise.id,
		as: 'facilitator',
		serverOffset: page.serverNow - Date.now()
	});
	const runner = new CommandRunner(conn);
	onMount(() => {
		conn.connect();
		return () => conn.destroy();
	});
	return { conn, runner };
}
