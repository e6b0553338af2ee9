/**
 * A team's score entries, in scenario order, with facilitator overrides applied. Per delivered decision:
 *
 * - `decision:<d>:<team>`: the answer (answer-points.ts), or 0 of the max with evidence "not answered".
 * - `justification:<d>:<team>`: for a justified decision with a rubric, the reasoning marked against it;
 *   pending until an evaluator marks it.
 * - `timeliness:<d>:<team>`: for a decision with a deadline and timeliness points. An answer on time earns
 *   `onTime` only when the answer itself earns points (its choice or its reasoning, after overrides), so a
 *   fast wrong answer gains nothing from its speed; it stays pending while that depends on unmarked work. A
 *   late answer gets `late` (usually 0 or less) whatever it earned; an unanswered decision gets 0.
 *
 * Then per message rubric that concerns the team, `message:<rubric>:<team>` (messages/rubrics.ts), and per
 * regulatory clock the team owns, once it resolves, `clock:<id>` (clock-entries.ts).
 */
import { formatDuration } from '../calendar';
import type { AnswerRecord, ExerciseState, OverrideRecord } from '../state';
import { fill, variablesOf } from '../templates';
import type { Decision, Inject, ScoreEntry, TeamId } from '../types';
import { clockEntries } from './clock-entries';
import { messageEntries } from '../messages/rubrics';
import { answerPoints, maxOf, reasoningPoints, rubricMax, type Scored } from './answer-points';

type Vars = Record<string, string>;

/** The decision with its option and criterion labels' {{variables}} filled, for rules and evidence. */
function withLabelsFilled(d: Decision, vars: Vars): Decision {
	return {
		...d,
		options: d.options.map((o) => ({ ...o, label: fill(o.label, vars), rationale: fill(o.rationale, vars) })),
		rubric: d.rubric.map((c) => ({ ...c, label: fill(c.label, vars) })),
		...(d.numeric
			? {
					numeric: {
						...d.numeric,
						bands: d.numeric.bands.map((b) => ({ ...b, rationale: fill(b.rationale, vars) }))
					}
				}
			: {})
	};
}

/** The entry with a facilitator's points in place of its own, keeping the original and the reason. */
function overridden(e: ScoreEntry, o: OverrideRecord | undefined): ScoreEntry {
	if (!o) return e;
	const { pending: _pending, ...rest } = e;
	return { ...rest, points: o.points, override: { originalPoints: e.points, reason: o.reason, by: o.by } };
}

const NOT_ANSWERED = { evidence: 'not answered', points: 0 } as const;

function timelinessScored(
	d: Decision,
	at: number,
	a: AnswerRecord | undefined,
	earned: ScoreEntry[]
): Scored {
	const t = d.timeliness!;
	const base = {
		rule: `Answer within ${formatDuration(d.deadline!)}`,
		maxPoints: Math.max(t.onTime, t.late)
	};
	if (!a) return { ...base, ...NOT_ANSWERED };
	if (!a.onTime) {
		const late = a.scenarioAt - (at + d.deadline!);
		return { ...base, evidence: `late by ${formatDuration(late)}`, points: t.late };
	}
	const evidence = `answered after ${formatDuration(a.scenarioAt - at)}`;
	const points = earned.reduce((n, e) => n + (e.pending ? 0 : e.points), 0);
	if (points > 0) return { ...base, evidence, points: t.onTime };
	if (earned.some((e) => e.pending))
		return { ...base, evidence: `${evidence}; paid once the answer is marked`, points: 0, pending: true };
	return { ...base, evidence: `${evidence}, but the answer earned no points`, points: 0 };
}

function decisionEntries(
	state: ExerciseState,
	teamId: TeamId,
	inject: Inject,
	d: Decision,
	at: number,
	vars: Vars
): ScoreEntry[] {
	const a = state.answers[teamId]?.[d.id];
	const mark = state.marks[teamId]?.[d.id];
	const overrides = state.overrides[teamId] ?? {};
	const base = { teamId, phase: inject.phase, objectives: d.objectives, scenarioAt: a?.scenarioAt ?? at };
	const entry = (kind: string, scored: Scored): ScoreEntry => {
		const id = `${kind}:${d.id}:${teamId}`;
		return overridden({ id, ...base, ...scored }, overrides[id]);
	};
	const filled = withLabelsFilled(d, vars);
	const answer = entry(
		'decision',
		a
			? answerPoints(filled, a.value, d.type === 'text' ? mark : undefined)
			: { rule: 'Decision not answered', ...NOT_ANSWERED, maxPoints: maxOf(d) }
	);
	const out = [answer];
	if (d.justify && d.rubric.length > 0 && d.type !== 'text')
		out.push(
			entry(
				'justification',
				a
					? reasoningPoints(filled, a.justification ?? '', mark)
					: { rule: 'No reasoning given', ...NOT_ANSWERED, maxPoints: rubricMax(d.rubric) }
			)
		);
	if (d.timeliness && d.deadline !== undefined)
		out.push(entry('timeliness', timelinessScored(d, at, a, [...out])));
	return out;
}

/** A team's score entries, decisions in scenario order then its clocks, overrides applied. */
export function teamEntries(state: ExerciseState, teamId: TeamId): ScoreEntry[] {
	const vars = variablesOf(state);
	const delivered = state.delivered[teamId] ?? {};
	const out: ScoreEntry[] = [];
	for (const inject of state.scenario.injects) {
		const at = delivered[inject.id];
		if (inject.decision && at !== undefined)
			out.push(...decisionEntries(state, teamId, inject, inject.decision, at, vars));
	}
	const overrides = state.overrides[teamId] ?? {};
	const later = [...messageEntries(state, teamId), ...clockEntries(state, teamId, vars)];
	return [...out, ...later.map((e) => overridden(e, overrides[e.id]))];
}
