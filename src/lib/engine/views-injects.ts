/**
 * The facilitator's inject timeline: for every scenario inject (and every ad-hoc one), its trigger in words
 * and, per team in its audience, whether it is upcoming, held, delivered, skipped or not triggered (its branch
 * was not taken), with due times.
 */
import { branchNotTaken } from './branch-status';
import { formatDuration } from './calendar';
import { clockName, decisionName, injectName, optionLabel } from './labels';
import { mapEntries } from './persistent';
import { audienceTeams } from './scenario-index';
import type { ExerciseState } from './state';
import { fill } from './templates';
import type { Inject, InjectStatusView, TeamId, Trigger } from './types';

/** A trigger in words: "at +30m", "10m after "Router alert"", "when "Contain?" is answered Isolate". */
export function triggerLabel(state: ExerciseState, t: Trigger, vars: Record<string, string>): string {
	const delay = (ms: number) => (ms ? ` (+${formatDuration(ms)})` : '');
	switch (t.kind) {
		case 'at':
			return `at +${formatDuration(t.at)}`;
		case 'after':
			return `${formatDuration(t.delay)} after ${injectName(state, t.inject, vars)}`;
		case 'answer': {
			const options = t.options?.map((o) => optionLabel(state, t.decision, o, vars));
			const what = options
				? ` ${options.join(' or ')}`
				: t.range
					? ` in ${t.range.min ?? '−∞'}..${t.range.max ?? '∞'}`
					: '';
			return `when ${decisionName(state, t.decision, vars)} is answered${what}${delay(t.delay)}`;
		}
		case 'unanswered':
			return `when ${decisionName(state, t.decision, vars)} goes unanswered${delay(t.delay)}`;
		case 'clockMissed':
			return `when clock ${clockName(state, t.clock, vars)} is missed${delay(t.delay)}`;
		case 'manual':
			return 'manual';
	}
}

function teamStatus(state: ExerciseState, inject: Inject, teamId: TeamId): InjectStatusView['teams'][string] {
	const delivered = state.delivered[teamId]?.[inject.id];
	if (delivered !== undefined) return { status: 'delivered', deliveredAt: delivered };
	const skipped = state.skipped[inject.id]?.[teamId];
	if (skipped !== undefined) return { status: 'skipped' };
	const held = state.held[inject.id]?.[teamId];
	if (held !== undefined) return { status: 'held', dueAt: held };
	const key = `inject:${inject.id}:${teamId}`;
	const due = state.pending.find((p) => p.key === key)?.due;
	if (due !== undefined) return { status: 'upcoming', dueAt: due };
	return { status: branchNotTaken(state, inject, teamId) ? 'not-triggered' : 'upcoming' };
}

/** Status lines for every inject, in scenario order, then ad-hoc injects in the order they were sent. */
export function injectStatuses(state: ExerciseState, vars: Record<string, string>): InjectStatusView[] {
	const rows: InjectStatusView[] = state.scenario.injects.map((inject) => {
		const teams: InjectStatusView['teams'] = {};
		for (const t of audienceTeams(inject.audience, state.config.teams))
			teams[t] = teamStatus(state, inject, t);
		return {
			id: inject.id,
			title: fill(inject.title, vars),
			channel: inject.channel,
			phase: inject.phase,
			audience: inject.audience,
			triggerLabel: triggerLabel(state, inject.trigger, vars),
			hold: inject.hold || !!state.holds[inject.id],
			adhoc: false,
			facilitatorNotes: inject.facilitatorNotes,
			teams
		};
	});
	const adhoc = mapEntries(state.adhoc).sort((a, b) => a[1].seq - b[1].seq);
	for (const [, { inject, scenarioAt, phase }] of adhoc) {
		const teams: InjectStatusView['teams'] = {};
		for (const t of audienceTeams(inject.audience, state.config.teams))
			teams[t] = { status: 'delivered', deliveredAt: scenarioAt };
		rows.push({
			id: inject.id,
			title: inject.title,
			channel: inject.channel,
			phase,
			audience: inject.audience,
			triggerLabel: 'ad hoc',
			hold: false,
			adhoc: true,
			facilitatorNotes: inject.facilitatorNotes,
			teams
		});
	}
	return rows;
}
