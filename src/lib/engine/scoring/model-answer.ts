/**
 * A decision's model answer, as a debrief, the facilitator's guide or the console states it: the best option
 * (every option sharing the top points), the options worth choosing together, the expected order, the best
 * band, or for free text the criteria looked for. Rubric guidance and points are never part of it.
 */
import { fill } from '../templates';
import type { Decision, DecisionType } from '../types';

/** What a strong team would have answered. Labels have their {{variables}} filled when given `vars`. */
export interface ModelAnswer {
	decisionId: string;
	type: DecisionType;
	/** single: the best option(s); multiple: every option worth points. */
	options?: { id: string; label: string }[];
	/** ranking: the expected order, best first. */
	order?: { id: string; label: string }[];
	/** numeric: the best-scoring band(s). */
	bands?: { min?: number; max?: number }[];
	unit?: string;
	/** text, and the reasoning of a justified choice: what evaluators look for (criterion labels only). */
	criteria?: string[];
}

/** The model answer to `decision`. */
export function modelAnswer(decision: Decision, vars: Record<string, string> = {}): ModelAnswer {
	const label = (id: string) => fill(decision.options.find((o) => o.id === id)?.label ?? id, vars);
	const option = (id: string) => ({ id, label: label(id) });
	const out: ModelAnswer = { decisionId: decision.id, type: decision.type };
	if (decision.type === 'single') {
		const best = Math.max(...decision.options.map((o) => o.points));
		out.options = decision.options.filter((o) => o.points === best).map((o) => option(o.id));
	} else if (decision.type === 'multiple') {
		out.options = decision.options.filter((o) => o.points > 0).map((o) => option(o.id));
	} else if (decision.type === 'ranking') {
		out.order = (decision.ranking?.order ?? decision.options.map((o) => o.id)).map(option);
	} else if (decision.type === 'numeric') {
		const bands = decision.numeric?.bands ?? [];
		const best = Math.max(...bands.map((b) => b.points));
		out.bands = bands.filter((b) => b.points === best).map(({ min, max }) => ({ min, max }));
		if (decision.numeric?.unit) out.unit = decision.numeric.unit;
	}
	if (decision.rubric.length > 0) out.criteria = decision.rubric.map((c) => fill(c.label, vars));
	return out;
}
