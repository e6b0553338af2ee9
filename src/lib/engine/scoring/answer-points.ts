/**
 * Points for one answer, by decision type, with the rule that produced them and the best possible:
 *
 * - single: the chosen option's points; max = the best option.
 * - multiple: the sum of the chosen options; max = the sum of the positive ones.
 * - numeric: the first band containing the number (bounds inclusive); max = the best band.
 * - ranking: by the decision's credit rule (ranking-credit.ts); max = every item in place.
 * - text: Σ criterion.points × mark (0..1), pending until an evaluator marks it.
 *
 * The reasoning behind a justified choice is marked against the decision's rubric the same way and scored
 * apart from the choice (`reasoningPoints`). An option's or band's rationale is kept out of the rule, in
 * `rationale`, so whoever shows an entry decides whether the explanation goes with it.
 */
import { answerText } from '../answers';
import type { MarkRecord } from '../state';
import type { AnswerValue, Decision, RubricCriterion, ScoreEntry } from '../types';
import { rankingScore } from './ranking-credit';

/** The scored part of an entry. */
export type Scored = Pick<ScoreEntry, 'rule' | 'evidence' | 'points' | 'maxPoints' | 'rationale'> & {
	pending?: boolean;
};

/** `text` cut to `max` characters with an ellipsis. */
export function clip(text: string, max = 160): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const withRationale = (rationale: string | undefined) => (rationale ? { rationale } : {});

/** The most a decision's answer can earn (its reasoning not included). */
export function maxOf(d: Decision): number {
	if (d.type === 'single') return Math.max(0, ...d.options.map((o) => o.points));
	if (d.type === 'multiple') return d.options.reduce((n, o) => n + Math.max(0, o.points), 0);
	if (d.type === 'numeric') return Math.max(0, ...(d.numeric?.bands ?? []).map((b) => b.points));
	if (d.type === 'ranking')
		return (d.ranking?.order.length ?? d.options.length) * (d.ranking?.pointsPerPosition ?? 1);
	return rubricMax(d.rubric);
}

/** The most a rubric can award. */
export function rubricMax(rubric: readonly RubricCriterion[]): number {
	return rubric.reduce((n, c) => n + c.points, 0);
}

/** Points for rubric marks, or a pending entry while nobody has marked. */
function rubricScored(
	rubric: readonly RubricCriterion[],
	mark: MarkRecord | undefined,
	evidence: string,
	what: string
): Scored {
	const max = rubricMax(rubric);
	if (!mark)
		return { rule: `${what}: awaiting an evaluator`, evidence, points: 0, maxPoints: max, pending: true };
	const parts = rubric.map((c) => `${c.label} ${mark.marks[c.id] ?? 0}×${c.points}`);
	return {
		rule: `${what}: ${parts.join(', ')}`,
		evidence: mark.note ? `${evidence} — ${mark.note}` : evidence,
		points: rubric.reduce((n, c) => n + c.points * (mark.marks[c.id] ?? 0), 0),
		maxPoints: max
	};
}

/** The decision entry's score for an answer; `mark` is the evaluator's marks of a text answer. */
export function answerPoints(d: Decision, v: AnswerValue, mark: MarkRecord | undefined): Scored {
	const opt = (id: string) => d.options.find((o) => o.id === id);
	const evidence = clip(answerText(v, d));
	switch (v.type) {
		case 'single': {
			const o = opt(v.option);
			return {
				rule: `Option '${o?.label ?? v.option}'`,
				...withRationale(o?.rationale),
				evidence,
				points: o?.points ?? 0,
				maxPoints: maxOf(d)
			};
		}
		case 'multiple': {
			const chosen = v.options.map((id) => opt(id));
			const rule = chosen.map(
				(o, i) => `'${o?.label ?? v.options[i]}' ${o && o.points >= 0 ? '+' : ''}${o?.points ?? 0}`
			);
			const rationale = chosen
				.filter((o) => o?.rationale)
				.map((o) => `${o!.label}: ${o!.rationale}`)
				.join(' ');
			return {
				rule: `Options ${rule.join(', ')}`,
				...withRationale(rationale),
				evidence,
				points: chosen.reduce((n, o) => n + (o?.points ?? 0), 0),
				maxPoints: maxOf(d)
			};
		}
		case 'numeric': {
			const band = (d.numeric?.bands ?? []).find(
				(b) => (b.min === undefined || v.value >= b.min) && (b.max === undefined || v.value <= b.max)
			);
			return {
				rule: band ? `Answer ${bandWords(band, d.numeric?.unit)}` : 'No band contains the answer',
				...withRationale(band?.rationale),
				evidence,
				points: band?.points ?? 0,
				maxPoints: maxOf(d)
			};
		}
		case 'ranking': {
			const expected = d.ranking?.order ?? d.options.map((o) => o.id);
			const per = d.ranking?.pointsPerPosition ?? 1;
			const { points, rule } = rankingScore(v.order, expected, per, d.ranking?.credit);
			return { rule, evidence, points, maxPoints: maxOf(d) };
		}
		case 'text':
			return rubricScored(d.rubric, mark, evidence, 'Rubric');
	}
}

/** The score of the reasoning behind a justified choice, marked against the decision's rubric. */
export function reasoningPoints(d: Decision, justification: string, mark: MarkRecord | undefined): Scored {
	return rubricScored(d.rubric, mark, clip(justification), 'Reasoning');
}

/** A numeric band in words: "from 0 to 24 hours", "72 hours or more", "5 or less". */
export function bandWords(band: { min?: number; max?: number }, unit?: string): string {
	const u = unit ? ` ${unit}` : '';
	if (band.min !== undefined && band.max !== undefined)
		return band.min === band.max ? `exactly ${band.min}${u}` : `from ${band.min} to ${band.max}${u}`;
	if (band.min !== undefined) return `${band.min}${u} or more`;
	if (band.max !== undefined) return `${band.max}${u} or less`;
	return 'of any number';
}
