/** Approval routes: which team, if any, must approve a message before it goes out. */
import type { ApprovalRoute, MessageChannel, Scenario, TeamId } from '../types';

/** The approving team for a message from `teamId` on `channel` to `to`, or null when none is needed. */
export function approverFor(
	scenario: Scenario,
	teams: readonly TeamId[],
	teamId: TeamId,
	channel: MessageChannel,
	to: readonly string[]
): TeamId | null {
	for (const route of scenario.approvals ?? []) {
		if (!routeMatches(route, teamId, channel, to)) continue;
		// An approving team that is not taking part (or the author team itself) cannot hold the message up.
		if (route.by === teamId || !teams.includes(route.by)) return null;
		return route.by;
	}
	return null;
}

function routeMatches(
	route: ApprovalRoute,
	teamId: TeamId,
	channel: MessageChannel,
	to: readonly string[]
): boolean {
	if (route.from && !route.from.includes(teamId)) return false;
	if (route.channels && !route.channels.includes(channel)) return false;
	if (route.to && !to.some((r) => route.to!.includes(r))) return false;
	return true;
}
