/**
 * A starting answer script for `simulate`: every team answers every decision it can receive with the answer
 * that scores best, five scenario minutes after it arrives. Authors edit it into the run they want to test.
 */
import { stringify } from 'yaml';
import type { Decision, Scenario } from '$lib/engine/types';

function bestAnswer(decision: Decision): string | number | string[] {
	switch (decision.type) {
		case 'single':
			return [...decision.options].sort((a, b) => b.points - a.points)[0]?.id ?? '';
		case 'multiple':
			return decision.options.filter((o) => o.points > 0).map((o) => o.id);
		case 'ranking':
			return decision.ranking?.order ?? decision.options.map((o) => o.id);
		case 'numeric': {
			const band = [...(decision.numeric?.bands ?? [])].sort((a, b) => b.points - a.points)[0];
			const low = band?.min ?? decision.numeric?.min ?? 0;
			const high = band?.max ?? decision.numeric?.max ?? low;
			return Math.round((low + high) / 2);
		}
		case 'text':
			return 'Our answer, as the team would write it.';
	}
}

/** The best-answers script for a scenario, as YAML text. */
export function bestAnswersScript(scenario: Scenario): string {
	const answers = scenario.injects.flatMap((inject) => {
		const decision = inject.decision;
		if (!decision) return [];
		const teams = inject.audience === 'all' ? scenario.teams.map((t) => t.id) : inject.audience;
		return teams.map((team) => ({
			team,
			decision: decision.id,
			after: '5m',
			answer: bestAnswer(decision),
			...(decision.type === 'text' && decision.rubric.length
				? { marks: Object.fromEntries(decision.rubric.map((c) => [c.id, 1])) }
				: {})
		}));
	});
	const head =
		'# Every team gives the best-scoring answer 5 minutes after each decision reaches it.\n' +
		'# Change answers and timings to try other paths; answers to decisions a team never receives are skipped.\n';
	return head + stringify({ answers }, { lineWidth: 0, collectionStyle: 'block' });
}
