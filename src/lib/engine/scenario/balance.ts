/**
 * Team balance of a scenario: per team and phase, the decisions the team is sure to be asked and the points
 * they carry, what it may be asked only on a branch, the clock points it owns, and its share of the total.
 * Checked against a target (see BALANCE_TARGET) so that every team has something to decide in every phase and
 * no team carries the exercise alone; also lists decisions whose best option is the longest label, a giveaway.
 */
import { maxOf, rubricMax } from '../scoring/answer-points';
import type { Decision, Inject, Scenario, TeamId } from '../types';

/** The target every shipped scenario meets; scenarios/README.md explains it. */
export const BALANCE_TARGET = {
	/** Each team is sure to receive at least this many decisions in every phase. */
	decisionsPerPhase: 1,
	/** No team holds more than this multiple of an even share of the points (2 = twice 1/teams). */
	maxShareOfEven: 2
} as const;

/** Whether a team receives an inject: on every path, only on some branch, or never. */
type Reach = 'always' | 'branch' | 'never';

export interface PhaseLoad {
	/** Decisions the team is sure to receive in this phase, and their maximum points. */
	decisions: number;
	points: number;
	/** Decisions it receives only on some branch (a chosen option, a missed deadline or clock, the facilitator). */
	branchDecisions: number;
	branchPoints: number;
}

export interface TeamBalance {
	team: TeamId;
	name: string;
	phases: Record<string, PhaseLoad>;
	/** Points for meeting the clocks the team owns. */
	clockPoints: number;
	/** Points of the message rubrics that name the team as a sender (`match.from`): messages it is expected to write. */
	messagePoints: number;
	/** Sure decision points plus clock and message points. */
	points: number;
	/** points ÷ every team's points. */
	share: number;
}

export interface BalanceReport {
	scenario: string;
	title: string;
	phases: { id: string; title: string }[];
	teams: TeamBalance[];
	totalPoints: number;
	/** The share no team may exceed: maxShareOfEven ÷ number of teams. */
	maxShare: number;
	/** Where the scenario misses the target: `key` is `team@phase` or `team:share`, `message` says it in words. */
	shortfalls: { key: string; message: string }[];
	/** Choice decisions whose single best option also has the longest label. */
	longestIsBest: { decision: string; inject: string; label: string }[];
	choiceDecisions: number;
}

/** The most a team can earn on a decision: its answer, the reasoning of a justified choice, and timeliness. */
function maxPoints(d: Decision): number {
	const reasoning = d.justify && d.type !== 'text' ? rubricMax(d.rubric) : 0;
	const timeliness = d.timeliness ? Math.max(0, d.timeliness.onTime, d.timeliness.late) : 0;
	return maxOf(d) + reasoning + timeliness;
}

const weaker = (a: Reach, b: Reach): Reach =>
	a === 'never' || b === 'never' ? 'never' : a === 'branch' || b === 'branch' ? 'branch' : 'always';

/** For one team, how each inject reaches it. Answer-driven triggers assume the team answers what it is asked. */
function reachFor(scenario: Scenario, team: TeamId): Map<string, Reach> {
	const reach = new Map<string, Reach>(scenario.injects.map((i) => [i.id, 'never']));
	const byDecision = new Map(
		scenario.injects.flatMap((i) => (i.decision ? [[i.decision.id, i] as const] : []))
	);
	const of = (inject: Inject): Reach => {
		if (inject.audience !== 'all' && !inject.audience.includes(team)) return 'never';
		const t = inject.trigger;
		switch (t.kind) {
			case 'at':
				return 'always';
			case 'manual':
			case 'clockMissed':
				return 'branch';
			case 'after':
				return reach.get(t.inject) ?? 'never';
			case 'unanswered':
			case 'answer': {
				const source = byDecision.get(t.decision);
				const upstream = source ? (reach.get(source.id) ?? 'never') : 'never';
				const conditional = t.kind === 'unanswered' || t.options !== undefined || t.range !== undefined;
				return conditional ? weaker(upstream, 'branch') : upstream;
			}
		}
	};
	const rank: Record<Reach, number> = { never: 0, branch: 1, always: 2 };
	for (let changed = true; changed;) {
		changed = false;
		for (const inject of scenario.injects) {
			const next = of(inject);
			if (rank[next] > rank[reach.get(inject.id)!]) {
				reach.set(inject.id, next);
				changed = true;
			}
		}
	}
	return reach;
}

/** The balance of `scenario` against BALANCE_TARGET. */
export function teamBalance(scenario: Scenario): BalanceReport {
	const empty = (): PhaseLoad => ({ decisions: 0, points: 0, branchDecisions: 0, branchPoints: 0 });
	const teams: TeamBalance[] = scenario.teams.map((team) => {
		const reach = reachFor(scenario, team.id);
		const phases = Object.fromEntries(scenario.phases.map((p) => [p.id, empty()]));
		for (const inject of scenario.injects) {
			const how = reach.get(inject.id);
			if (!inject.decision || how === 'never' || !phases[inject.phase]) continue;
			const load = phases[inject.phase];
			const points = maxPoints(inject.decision);
			if (how === 'always') {
				load.decisions++;
				load.points += points;
			} else {
				load.branchDecisions++;
				load.branchPoints += points;
			}
		}
		const clockPoints = scenario.clocks
			.filter((c) => c.owner === team.id)
			.reduce((n, c) => n + Math.max(0, c.scoring.met), 0);
		const messagePoints = (scenario.messageRubrics ?? [])
			.filter((r) => r.match.from?.includes(team.id))
			.reduce((n, r) => n + rubricMax(r.criteria), 0);
		const points = Object.values(phases).reduce((n, p) => n + p.points, clockPoints + messagePoints);
		return { team: team.id, name: team.name, phases, clockPoints, messagePoints, points, share: 0 };
	});
	const totalPoints = teams.reduce((n, t) => n + t.points, 0);
	for (const t of teams) t.share = totalPoints ? t.points / totalPoints : 0;
	const maxShare = Math.min(1, BALANCE_TARGET.maxShareOfEven / Math.max(1, teams.length));

	const shortfalls: BalanceReport['shortfalls'] = [];
	for (const t of teams) {
		for (const phase of scenario.phases) {
			const load = t.phases[phase.id];
			if (load.decisions >= BALANCE_TARGET.decisionsPerPhase) continue;
			const branch = load.branchDecisions
				? ` (${load.branchDecisions} only on a branch)`
				: ' (nothing to decide at all)';
			shortfalls.push({
				key: `${t.team}@${phase.id}`,
				message: `${t.team} has no decision it is sure to get in ${phase.id} "${phase.title}"${branch}`
			});
		}
		if (t.share > maxShare + 1e-9)
			shortfalls.push({
				key: `${t.team}:share`,
				message: `${t.team} holds ${percent(t.share)} of the points, more than ${percent(maxShare)} (twice an even share)`
			});
	}

	const choices = scenario.injects.filter(
		(i) => i.decision && (i.decision.type === 'single' || i.decision.type === 'multiple')
	);
	const longestIsBest = choices.flatMap((inject) => {
		const d = inject.decision!;
		const top = Math.max(...d.options.map((o) => o.points));
		const best = d.options.filter((o) => o.points === top);
		const longest = Math.max(...d.options.map((o) => o.label.length));
		const others = d.options.filter((o) => o !== best[0]);
		if (best.length !== 1 || best[0].label.length !== longest) return [];
		if (others.some((o) => o.label.length === longest)) return [];
		return [{ decision: d.id, inject: inject.id, label: best[0].label }];
	});

	return {
		scenario: scenario.id,
		title: scenario.title,
		phases: scenario.phases.map((p) => ({ id: p.id, title: p.title })),
		teams,
		totalPoints,
		maxShare,
		shortfalls,
		longestIsBest,
		choiceDecisions: choices.length
	};
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

function pad(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows
		.map((r) =>
			r
				.map((c, i) => c.padEnd(widths[i]))
				.join('  ')
				.trimEnd()
		)
		.join('\n');
}

/** The report as text: a table of teams by phase, then the shortfalls and the giveaway labels. */
export function formatBalance(report: BalanceReport): string {
	const cell = (p: PhaseLoad) =>
		`${p.decisions} / ${p.points} pts${p.branchDecisions ? ` (+${p.branchDecisions} on branches)` : ''}`;
	const head = ['team', ...report.phases.map((p) => p.id), 'clocks', 'messages', 'total', 'share'];
	const rows = report.teams.map((t) => [
		t.team,
		...report.phases.map((p) => cell(t.phases[p.id])),
		`${t.clockPoints} pts`,
		`${t.messagePoints} pts`,
		`${t.points} pts`,
		percent(t.share)
	]);
	const lines = [
		`Team balance of ${report.title} (${report.scenario})`,
		'Each phase: decisions a team is sure to get / their points (+ decisions it gets only on some branch).',
		'',
		pad([head, ...rows]),
		'',
		`Target: every team is sure to get a decision in every phase, and no team holds more than ${percent(report.maxShare)} of the points.`
	];
	if (report.shortfalls.length === 0) lines.push('Met.');
	else lines.push(`Not met:`, ...report.shortfalls.map((s) => `  - ${s.message}`));
	if (report.longestIsBest.length) {
		lines.push(
			'',
			`Best option is also the longest label (${report.longestIsBest.length} of ${report.choiceDecisions} choice decisions):`,
			...report.longestIsBest.map((d) => `  - ${d.decision}: "${d.label}"`)
		);
	}
	return lines.join('\n');
}
