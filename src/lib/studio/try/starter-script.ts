/**
 * A starting answer script for `simulate`: every team answers every decision it can receive with the answer
 * that scores best, five scenario minutes after it arrives (with placeholder reasoning where a decision asks
 * for it). Authors edit it into the run they want to test.
 */
import { stringify } from 'yaml';
import { parseAnswerScript } from '$lib/engine/answer-script';
import { runSimulation } from '$lib/engine/simulate';
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

/**
 * The best-answers script for a scenario, as YAML text. It answers only decisions the best answers actually put
 * to each team: a first run names the answers to branches never taken (the simulator refuses those), and they go.
 */
export function bestAnswersScript(scenario: Scenario): string {
	const all = everyAnswer(scenario);
	let kept = all;
	const { script } = parseAnswerScript(render(all), 'answers.yaml');
	if (script)
		try {
			runSimulation(scenario, script);
		} catch (e) {
			const unreached = new Set(
				[...String((e as Error).message).matchAll(/ answers\[(\d+)\]/g)].map((m) => Number(m[1]))
			);
			kept = all.filter((_, i) => !unreached.has(i));
		}
	return render(kept);
}

function render(answers: object[]): string {
	const head =
		'# Every team gives the best-scoring answer 5 minutes after each decision reaches it.\n' +
		'# Change answers and timings to try other paths (an answer to a decision its team never gets is refused).\n';
	return head + stringify({ answers }, { lineWidth: 0, collectionStyle: 'block' });
}

function everyAnswer(scenario: Scenario): object[] {
	return scenario.injects.flatMap((inject) => {
		const decision = inject.decision;
		if (!decision) return [];
		const teams = inject.audience === 'all' ? scenario.teams.map((t) => t.id) : inject.audience;
		return teams.map((team) => ({
			team,
			decision: decision.id,
			after: '5m',
			answer: bestAnswer(decision),
			// A justified choice is refused without its reasoning.
			...(decision.justify ? { justification: 'Our reasoning, as the team would write it.' } : {}),
			...((decision.type === 'text' || decision.justify) && decision.rubric.length
				? { marks: Object.fromEntries(decision.rubric.map((c) => [c.id, 1])) }
				: {})
		}));
	});
}
