/**
 * Room names, one set per exercise. A socket joins exactly the rooms its principal may read, so a broadcast to
 * a team room can never reach another team or a participant's socket receive staff views.
 */
import type { Principal } from '$lib/realtime/contract';
import type { TeamId, Viewer } from '$lib/engine/types';

export const facilitatorsRoom = (exerciseId: string) => `exercise:${exerciseId}:facilitators`;
export const teamRoom = (exerciseId: string, teamId: TeamId) => `exercise:${exerciseId}:team:${teamId}`;
export const observersRoom = (exerciseId: string) => `exercise:${exerciseId}:observers`;
export const evaluatorsRoom = (exerciseId: string) => `exercise:${exerciseId}:evaluators`;

/** The room a principal belongs to in an exercise, or null when it has none (a participant without a team). */
export function roomOf(exerciseId: string, p: Principal): string | null {
	switch (p.kind) {
		case 'facilitator':
			return facilitatorsRoom(exerciseId);
		case 'participant':
			return p.teamId ? teamRoom(exerciseId, p.teamId) : null;
		case 'staff':
			return p.role === 'observer' ? observersRoom(exerciseId) : evaluatorsRoom(exerciseId);
	}
}

/** The engine viewer for a principal, or null for a participant without a team. */
export function viewerOf(p: Principal): Viewer | null {
	switch (p.kind) {
		case 'facilitator':
			return { role: 'facilitator' };
		case 'participant':
			return p.teamId ? { role: 'participant', teamId: p.teamId } : null;
		case 'staff':
			return { role: p.role };
	}
}

/** Whether a principal may read and act on an exercise at all (seats are bound to one exercise). */
export function mayAccess(p: Principal, exerciseId: string): boolean {
	return p.kind === 'facilitator' || p.exerciseId === exerciseId;
}
