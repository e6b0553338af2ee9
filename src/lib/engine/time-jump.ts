/**
 * Time jumps: the facilitator moves scenario time forward ("to the next morning", to the next inject or phase).
 * The target is resolved here from the state the jump applies to, so replay resolves it exactly as live did.
 * Everything scheduled up to the target fires at its own due time, as if the clock had run there, so deliveries,
 * decision deadlines and regulatory clocks (business days included) stay exact; then the clock is re-anchored at
 * the target and runs on (or stays paused) from there.
 */
import { inWorldLabel, parseLocal } from './calendar';
import { fireDue } from './fire';
import { clockName, decisionName, injectName, teamName } from './labels';
import { silenceText } from './messages';
import type { StepContext } from './scenario-clock';
import { indexOf } from './scenario-index';
import type { ExerciseState, Scheduled } from './state';
import { record } from './timeline';
import type { JumpTarget, JumpTo, UpcomingItem } from './types';

/** Scenario ms of an in-world local date-time, or null when it is not one. */
function scenarioMsOf(state: ExerciseState, local: string): number | null {
	try {
		return parseLocal(local) - parseLocal(state.scenario.startsAt);
	} catch {
		return null;
	}
}

function firstInject(
	state: ExerciseState,
	phase?: string
): Extract<Scheduled, { kind: 'inject' }> | undefined {
	const ix = indexOf(state.scenario);
	for (const p of state.pending)
		if (p.kind === 'inject' && (phase === undefined || ix.injects.get(p.injectId)?.phase === phase)) return p;
	return undefined;
}

/** The scenario ms a jump goes to, or why it cannot go there. */
export function resolveJump(state: ExerciseState, to: JumpTo): { at: number } | { error: string } {
	const now = state.clock.now;
	const later = (at: number | null, what: string) =>
		at === null
			? { error: `${what} is not a date and time such as 2024-10-01T08:00` }
			: at <= now
				? {
						error: `${what} is not later than the scenario time now (${inWorldLabel(state.scenario.startsAt, now)})`
					}
				: { at };
	switch (to?.kind) {
		case 'next-inject': {
			const next = firstInject(state);
			return next ? { at: next.due } : { error: 'no inject is scheduled to come' };
		}
		case 'next-phase': {
			const phase = state.scenario.phases[state.phaseIndex + 1];
			if (!phase) return { error: 'this is the last phase' };
			const opens = phase.opensAt === undefined ? null : scenarioMsOf(state, phase.opensAt);
			if (opens !== null && opens > now) return { at: opens };
			const next = firstInject(state, phase.id);
			return next ? { at: next.due } : { error: `no inject of phase "${phase.title}" is scheduled yet` };
		}
		case 'phase': {
			const phase = state.scenario.phases.find((p) => p.id === to.phase);
			if (!phase) return { error: `there is no phase "${to.phase}"` };
			if (phase.opensAt === undefined) return { error: `phase "${phase.title}" declares no opening time` };
			return later(scenarioMsOf(state, phase.opensAt), `the opening of phase "${phase.title}"`);
		}
		case 'at':
			return later(typeof to.at === 'string' ? scenarioMsOf(state, to.at) : null, `"${to.at}"`);
		default:
			return { error: 'a jump goes to next-inject, next-phase, a phase or an in-world time' };
	}
}

/** Move scenario time to `at` (already resolved), firing everything due on the way, and re-anchor the clock. */
export function jumpTo(state: ExerciseState, at: number, ctx: StepContext): ExerciseState {
	const fired = fireDue(state, at, ctx);
	const clock = { ...fired.clock, now: at, anchorWall: fired.clock.lastAt, anchorScenario: at };
	const detail = inWorldLabel(state.scenario.startsAt, at);
	return record({ ...fired, clock }, { seq: ctx.seq, at: ctx.at, scenarioAt: at, kind: 'jump', detail });
}

/** The jumps the console offers now: next inject, next phase, and every declared phase opening still ahead. */
export function jumpTargets(state: ExerciseState, vars: Record<string, string>): JumpTarget[] {
	if (state.lifecycle !== 'running' && state.lifecycle !== 'paused') return [];
	const out: JumpTarget[] = [];
	const offer = (to: JumpTo, label: string, title: string) => {
		const r = resolveJump(state, to);
		if ('at' in r) out.push({ to, label, title, at: r.at });
	};
	const next = firstInject(state);
	if (next) {
		const name = injectName(state, next.injectId, vars);
		offer({ kind: 'next-inject' }, `Next inject: ${name}`, name.slice(1, -1));
	}
	const phase = state.scenario.phases[state.phaseIndex + 1];
	if (phase) offer({ kind: 'next-phase' }, `Next phase: "${phase.title}"`, phase.title);
	for (const p of state.scenario.phases)
		if (p.opensAt !== undefined) offer({ kind: 'phase', phase: p.id }, `Phase "${p.title}" opens`, p.title);
	return out;
}

/** Longest upcoming list sent to the console. */
const MAX_UPCOMING = 200;

/** What is scheduled, soonest first, in words: what a jump up to a time would fire (before any cascade). */
export function upcomingItems(state: ExerciseState, vars: Record<string, string>): UpcomingItem[] {
	const ix = indexOf(state.scenario);
	const out: UpcomingItem[] = [];
	const injectTeams = new Map<string, { item: UpcomingItem; teams: string[] }>();
	for (const p of state.pending) {
		if (out.length >= MAX_UPCOMING) break;
		if (p.kind === 'inject') {
			const key = `${p.injectId}@${p.due}`;
			const group = injectTeams.get(key);
			if (group) group.teams.push(teamName(state, p.teamId));
			else {
				const item = { at: p.due, text: '' };
				injectTeams.set(key, { item, teams: [teamName(state, p.teamId)] });
				out.push(item);
			}
			continue;
		}
		if (p.kind === 'deadline') {
			const text = `Answer deadline for ${teamName(state, p.teamId)}: ${decisionName(state, p.decisionId, vars)}`;
			out.push({ at: p.due, text });
			continue;
		}
		if (p.kind === 'silence') {
			out.push({ at: p.due, text: silenceText(state, p.reaction, p.teamId, vars) });
			continue;
		}
		const clock = ix.clocks.get(p.clockId);
		const name = clockName(state, p.clockId, vars);
		out.push({
			at: p.due,
			text:
				clock?.kind === 'hold'
					? `Hold ends (observed): ${name}`
					: clock?.benchmark
						? `Benchmark passes (missed; an exercise benchmark, not a legal deadline): ${name}`
						: `Clock deadline (missed): ${name}`
		});
	}
	for (const [key, { item, teams }] of injectTeams)
		item.text = `${injectName(state, key.slice(0, key.lastIndexOf('@')), vars)} reaches ${teams.join(', ')}`;
	return out;
}
