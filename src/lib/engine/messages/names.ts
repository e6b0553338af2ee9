/** Human names for message recipients and personas. */
import { teamName } from '../labels';
import type { ExerciseState } from '../state';
import type { Persona } from '../types';

/** The scenario's persona with this id, if any. */
export function personaOf(state: Pick<ExerciseState, 'scenario'>, id: string): Persona | undefined {
	return (state.scenario.personas ?? []).find((p) => p.id === id);
}

/** A recipient's display name: the persona's or the team's. */
export function recipientName(state: ExerciseState, id: string): string {
	return personaOf(state, id)?.name ?? teamName(state, id);
}
