/** What the shared header shows about who this browser is: a signed-in facilitator and/or a seat. */

/** The header's identity data, computed on the server for every page. */
export interface NavIdentity {
	/** Name of the signed-in facilitator, or null. */
	facilitatorName: string | null;
	/** Whether the signed-in account is an administrator (shows the Administration link). */
	admin: boolean;
	/** This browser's seat, for the "My exercise" link, or null. */
	seat: { exerciseId: string; page: 'play' | 'observe' } | null;
}

/** Reduces the session and seat to what the header needs (no tokens, no team). */
export function navIdentity(
	facilitator: { name: string; roles?: readonly string[] } | null,
	seat: { exerciseId: string; kind: 'participant' | 'observer' | 'evaluator' } | null
): NavIdentity {
	return {
		facilitatorName: facilitator?.name ?? null,
		admin: facilitator?.roles?.includes('administrator') ?? false,
		seat: seat && { exerciseId: seat.exerciseId, page: seat.kind === 'participant' ? 'play' : 'observe' }
	};
}
