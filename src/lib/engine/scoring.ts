/**
 * Scores, derived from the state on demand and explained entry by entry. Per team and per delivered decision:
 *
 * - single: the chosen option's points; max = the best option.
 * - multiple: the sum of the chosen options; max = the sum of the positive ones.
 * - numeric: the first band containing the number (bounds inclusive); max = the best band.
 * - ranking: `pointsPerPosition` for every option ranked in its expected place; max = all in place.
 * - text: Σ criterion.points × mark (0..1), `pending` until an evaluator marks it.
 * - unanswered: 0 of the max, evidence "not answered".
 * - timeliness (decisions with a deadline and timeliness points): onTime or late points; 0 when unanswered.
 * - regulatory clocks: the owner team gets `met` or `missed` points (max = met) once the clock resolves.
 * - a `score.override` replaces an entry's points, keeping the original and the reason.
 *
 * Totals by phase, objective, HSEEP capability and CSF function leave out pending entries (not yet marked), so
 * an unmarked answer neither helps nor hurts. HSEEP rating per objective from points / max points:
 * P (performed without challenges) ≥ 85 %, S (some challenges) ≥ 65 %, M (major challenges) ≥ 40 %, else
 * U (unable to be performed); null without max points. A missed regulatory clock evidencing an objective caps
 * its rating at M, as HSEEP rates failing to follow applicable regulations as a major challenge.
 */
import { answerText } from './answers';
import { formatDuration } from './calendar';
import type { AnswerRecord, ExerciseState } from './state';
import { fill, variablesOf } from './templates';
import type { CsfFunction, Decision, HseepRating, ScoreEntry, TeamId, TeamScore, Totals } from './types';

/** Rating thresholds as fractions of max points, best first. */
export const RATING_THRESHOLDS: readonly [HseepRating, number][] = [
	['P', 0.85],
	['S', 0.65],
	['M', 0.4]
];

const CSF: CsfFunction[] = ['GV', 'ID', 'PR', 'DE', 'RS', 'RC'];

/** The HSEEP rating for `points` of `maxPoints`, or null when there is nothing to earn. */
export function ratingFor(points: number, maxPoints: number): HseepRating | null {
	if (maxPoints <= 0) return null;
	const ratio = points / maxPoints;
	for (const [rating, min] of RATING_THRESHOLDS) if (ratio >= min) return rating;
	return 'U';
}

function clip(text: string, max = 160): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The decision with its option and criterion labels' {{variables}} filled, for rules and evidence. */
function withLabelsFilled(d: Decision, vars: Record<string, string>): Decision {
	return {
		...d,
		options: d.options.map((o) => ({ ...o, label: fill(o.label, vars), rationale: fill(o.rationale, vars) })),
		rubric: d.rubric.map((c) => ({ ...c, label: fill(c.label, vars) }))
	};
}

type Scored = Pick<ScoreEntry, 'rule' | 'evidence' | 'points' | 'maxPoints'> & { pending?: boolean };

function scoreAnswer(state: ExerciseState, d: Decision, teamId: TeamId, a: AnswerRecord): Scored {
	const v = a.value;
	const opt = (id: string) => d.options.find((o) => o.id === id);
	const evidence = clip(answerText(v, d));
	switch (v.type) {
		case 'single': {
			const o = opt(v.option);
			const max = Math.max(0, ...d.options.map((x) => x.points));
			return {
				rule: `Option '${o?.label ?? v.option}'${o?.rationale ? `: ${o.rationale}` : ''}`,
				evidence,
				points: o?.points ?? 0,
				maxPoints: max
			};
		}
		case 'multiple': {
			const chosen = v.options.map((id) => opt(id));
			const points = chosen.reduce((n, o) => n + (o?.points ?? 0), 0);
			const max = d.options.reduce((n, o) => n + Math.max(0, o.points), 0);
			const rule = chosen.map(
				(o, i) => `'${o?.label ?? v.options[i]}' ${o && o.points >= 0 ? '+' : ''}${o?.points ?? 0}`
			);
			return { rule: `Options ${rule.join(', ')}`, evidence, points, maxPoints: max };
		}
		case 'numeric': {
			const bands = d.numeric?.bands ?? [];
			const band = bands.find(
				(b) => (b.min === undefined || v.value >= b.min) && (b.max === undefined || v.value <= b.max)
			);
			const max = Math.max(0, ...bands.map((b) => b.points));
			const range = band ? `${band.min ?? '−∞'}..${band.max ?? '∞'}` : 'no band';
			return {
				rule: `Band ${range}${band?.rationale ? `: ${band.rationale}` : ''}`,
				evidence,
				points: band?.points ?? 0,
				maxPoints: max
			};
		}
		case 'ranking': {
			const expected = d.ranking?.order ?? d.options.map((o) => o.id);
			const per = d.ranking?.pointsPerPosition ?? 1;
			const inPlace = v.order.filter((id, i) => expected[i] === id).length;
			return {
				rule: `${inPlace} of ${expected.length} in the expected place × ${per}`,
				evidence,
				points: inPlace * per,
				maxPoints: expected.length * per
			};
		}
		case 'text': {
			const max = d.rubric.reduce((n, c) => n + c.points, 0);
			const mark = state.marks[teamId]?.[d.id];
			if (!mark)
				return { rule: 'Rubric: awaiting an evaluator', evidence, points: 0, maxPoints: max, pending: true };
			const parts = d.rubric.map((c) => `${c.label} ${mark.marks[c.id] ?? 0}×${c.points}`);
			const points = d.rubric.reduce((n, c) => n + c.points * (mark.marks[c.id] ?? 0), 0);
			return {
				rule: `Rubric: ${parts.join(', ')}`,
				evidence: mark.note ? `${evidence} — ${mark.note}` : evidence,
				points,
				maxPoints: max
			};
		}
	}
}

function maxOf(d: Decision): number {
	if (d.type === 'single') return Math.max(0, ...d.options.map((o) => o.points));
	if (d.type === 'multiple') return d.options.reduce((n, o) => n + Math.max(0, o.points), 0);
	if (d.type === 'numeric') return Math.max(0, ...(d.numeric?.bands ?? []).map((b) => b.points));
	if (d.type === 'ranking')
		return (d.ranking?.order.length ?? d.options.length) * (d.ranking?.pointsPerPosition ?? 1);
	return d.rubric.reduce((n, c) => n + c.points, 0);
}

/** Score entries for one team before overrides, in scenario order. */
function rawEntries(state: ExerciseState, teamId: TeamId): ScoreEntry[] {
	const out: ScoreEntry[] = [];
	const vars = variablesOf(state);
	const delivered = state.delivered[teamId] ?? {};
	for (const inject of state.scenario.injects) {
		const d = inject.decision;
		const at = delivered[inject.id];
		if (!d || at === undefined) continue;
		const a = state.answers[teamId]?.[d.id];
		const base = { teamId, phase: inject.phase, objectives: d.objectives, scenarioAt: a?.scenarioAt ?? at };
		const scored: Scored = a
			? scoreAnswer(state, withLabelsFilled(d, vars), teamId, a)
			: { rule: 'Decision not answered', evidence: 'not answered', points: 0, maxPoints: maxOf(d) };
		out.push({ id: `decision:${d.id}:${teamId}`, ...base, ...scored });
		if (d.timeliness && d.deadline !== undefined) {
			const t = d.timeliness;
			const late = a ? a.scenarioAt - (at + d.deadline) : 0;
			out.push({
				id: `timeliness:${d.id}:${teamId}`,
				...base,
				rule: `Answer within ${formatDuration(d.deadline)}`,
				evidence: !a
					? 'not answered'
					: a.onTime
						? `answered after ${formatDuration(a.scenarioAt - at)}`
						: `late by ${formatDuration(late)}`,
				points: !a ? 0 : a.onTime ? t.onTime : t.late,
				maxPoints: Math.max(t.onTime, t.late)
			});
		}
	}
	const lastPhase = state.scenario.phases[state.phaseIndex]?.id ?? '';
	for (const clock of state.scenario.clocks) {
		const run = state.clocks[clock.id];
		if (clock.owner !== teamId || !run || (run.status !== 'met' && run.status !== 'missed')) continue;
		const met = run.status === 'met';
		const evidence = met
			? `stopped ${formatDuration((run.deadlineAt ?? 0) - (run.stoppedAt ?? 0))} before the deadline`
			: run.lateBy !== undefined
				? `missed; stopped late by ${formatDuration(run.lateBy)}`
				: 'missed; never stopped';
		out.push({
			id: `clock:${clock.id}`,
			teamId,
			rule: fill(`${clock.regime} ${clock.name} ${met ? 'met' : 'missed'}`, vars),
			evidence,
			points: met ? clock.scoring.met : clock.scoring.missed,
			maxPoints: Math.max(0, clock.scoring.met),
			phase: run.phase ?? lastPhase,
			objectives: clock.scoring.objectives,
			scenarioAt: met ? (run.stoppedAt ?? 0) : (run.deadlineAt ?? 0)
		});
	}
	return out;
}

/** Ids of the score entries a team currently has (what `score.override` may target). */
export function entryIds(state: ExerciseState, teamId: TeamId): Set<string> {
	return new Set(rawEntries(state, teamId).map((e) => e.id));
}

function add(map: Record<string, Totals>, key: string, e: ScoreEntry): void {
	const t = (map[key] ??= { points: 0, maxPoints: 0 });
	t.points += e.points;
	t.maxPoints += e.maxPoints;
}

/** One team's explained score. */
export function teamScore(state: ExerciseState, teamId: TeamId): TeamScore {
	const overrides = state.overrides[teamId] ?? {};
	const entries = rawEntries(state, teamId).map((e) => {
		const o = overrides[e.id];
		if (!o) return e;
		const { pending: _pending, ...rest } = e;
		return { ...rest, points: o.points, override: { originalPoints: e.points, reason: o.reason, by: o.by } };
	});
	const objectives = new Map(state.scenario.objectives.map((o) => [o.id, o]));
	const total: Totals = { points: 0, maxPoints: 0 };
	const byPhase: Record<string, Totals> = {};
	const byObj: Record<string, Totals> = Object.fromEntries(
		state.scenario.objectives.map((o) => [o.id, { points: 0, maxPoints: 0 }])
	);
	const byCapability: Record<string, Totals> = {};
	const byCsf = Object.fromEntries(CSF.map((f) => [f, { points: 0, maxPoints: 0 }])) as Record<
		CsfFunction,
		Totals
	>;
	const capped = new Set<string>();
	for (const e of entries) {
		if (e.id.startsWith('clock:') && state.clocks[e.id.slice(6)]?.status === 'missed')
			e.objectives.forEach((o) => capped.add(o));
		if (e.pending) continue;
		total.points += e.points;
		total.maxPoints += e.maxPoints;
		add(byPhase, e.phase, e);
		const caps = new Set<string>();
		const fns = new Set<CsfFunction>();
		for (const id of e.objectives) {
			add(byObj, id, e);
			objectives.get(id)?.hseep.forEach((c) => caps.add(c));
			objectives.get(id)?.csf.forEach((c) => fns.add(c.function));
		}
		caps.forEach((c) => add(byCapability, c, e));
		fns.forEach((f) => add(byCsf, f, e));
	}
	const byObjective: TeamScore['byObjective'] = {};
	for (const [id, t] of Object.entries(byObj)) {
		let rating = ratingFor(t.points, t.maxPoints);
		if (capped.has(id) && (rating === 'P' || rating === 'S')) rating = 'M';
		byObjective[id] = { ...t, rating };
	}
	return { teamId, entries, total, byPhase, byObjective, byCapability, byCsf };
}

const memo = new WeakMap<ExerciseState, Record<TeamId, TeamScore>>();

/** Every team's score (memoised per state). */
export function scoresOf(state: ExerciseState): Record<TeamId, TeamScore> {
	const hit = memo.get(state);
	if (hit) return hit;
	const out: Record<TeamId, TeamScore> = {};
	for (const t of state.config.teams) out[t] = teamScore(state, t);
	memo.set(state, out);
	return out;
}
