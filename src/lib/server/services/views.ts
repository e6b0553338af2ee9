/**
 * The first render of a live page: the same per-role view the socket pushes, computed on the server.
 */
import type { Viewer } from '$lib/engine/types';
import type { ViewMessage } from '$lib/realtime/contract';
import { fault } from '../errors';
import { wireView } from '../realtime/wire-views';
import type { HostRegistry } from '../exercise/host-registry';
import type { Seat } from './seats';
import type { Facilitator } from './sessions';

/** The viewer a seat reads as. */
export function viewerOfSeat(seat: Seat): Viewer {
	if (seat.kind === 'participant') {
		// Never fall back to a wider view: a participant without a team sees nothing until assigned.
		if (!seat.teamId)
			fault('seat/unassigned', 'You are not in a team yet; ask the facilitator to assign you.', 409);
		return { role: 'participant', teamId: seat.teamId };
	}
	return { role: seat.kind };
}

/** SSR views. */
export class Views {
	constructor(private readonly hosts: HostRegistry) {}

	/** The facilitator's view of an exercise. */
	async forFacilitator(_f: Facilitator, exerciseId: string): Promise<ViewMessage> {
		const host = await this.hosts.get(exerciseId);
		return { exerciseId, version: host.version, view: wireView(host.view({ role: 'facilitator' })) };
	}

	/** The view of a seat's role (a participant sees only their own team). */
	async forSeat(seat: Seat): Promise<ViewMessage> {
		const host = await this.hosts.get(seat.exerciseId);
		return {
			exerciseId: seat.exerciseId,
			version: host.version,
			view: wireView(host.view(viewerOfSeat(seat)))
		};
	}
}
