import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import type { Decision, Inject, Scenario } from '$lib/engine/types';
import {
	clockRows,
	describeClockCondition,
	describeDeadline,
	describeTrigger,
	flowOutline,
	modelAnswerText
} from './flow';

const H = 3_600_000;

function inject(partial: Partial<Inject> & Pick<Inject, 'id' | 'trigger'>): Inject {
	return {
		phase: 'p1',
		title: partial.id,
		body: '',
		channel: 'email',
		audience: 'all',
		artifacts: [],
		hold: false,
		...partial
	};
}

const scenario: Scenario = {
	id: 'demo',
	version: '1',
	title: 'Demo',
	summary: '',
	audience: '',
	durationMinutes: 60,
	defaultCompression: 30,
	startsAt: '2024-10-07T08:00',
	holidays: [],
	sources: [],
	objectives: [],
	teams: [
		{ id: 'soc', name: 'SOC', description: '', roles: [] },
		{ id: 'legal', name: 'Legal', description: '', roles: [] }
	],
	phases: [
		{ id: 'p1', title: 'Early signals', update: '', questions: [] },
		{ id: 'p2', title: 'Escalation', update: '', questions: [] }
	],
	variables: {},
	debrief: { rationale: false, modelAnswers: false, otherTeams: false },
	clocks: [
		{
			id: 'fcc',
			name: 'CPNI notice',
			regime: 'FCC 47 CFR 64.2011',
			description: '',
			visible: 'started',
			benchmark: false,
			kind: 'deadline',
			breaches: [],
			extensions: [],
			owner: 'legal',
			start: { kind: 'inject', inject: 'diff' },
			stop: [],
			deadline: { amount: 7, unit: 'businessDays' },
			scoring: { met: 10, missed: -10, objectives: [] },
			sources: []
		}
	],
	injects: [
		inject({
			id: 'diff',
			title: 'Config diff',
			audience: ['soc'],
			trigger: { kind: 'at', at: 0.5 * H },
			decision: {
				id: 'd-evict',
				prompt: 'How do you evict?',
				type: 'single',
				options: [
					{ id: 'piecemeal', label: 'Piecemeal', points: 0, rationale: '' },
					{ id: 'coordinated', label: 'Coordinated', points: 5, rationale: '' }
				],
				rubric: [],
				deadline: 2 * H,
				objectives: []
			}
		}),
		inject({
			id: 'return',
			title: 'Actor returns',
			phase: 'p2',
			trigger: { kind: 'answer', decision: 'd-evict', options: ['piecemeal'], delay: H }
		}),
		inject({
			id: 'nudge',
			title: 'Manager nudge',
			phase: 'p2',
			trigger: { kind: 'unanswered', decision: 'd-evict', delay: 0 }
		}),
		inject({
			id: 'fbi',
			title: 'FBI call',
			phase: 'p2',
			trigger: { kind: 'after', inject: 'diff', delay: 0 }
		}),
		inject({ id: 'press', title: 'Press query', phase: 'p2', trigger: { kind: 'manual' }, hold: true })
	]
};

describe('describeTrigger', () => {
	it('names the single audience team and the option label of an answer branch', () => {
		expect(describeTrigger(scenario, scenario.injects[1].trigger)).toBe(
			"when SOC answers 'Piecemeal', 1h later"
		);
	});
	it('reads a timed trigger as a T-plus offset', () => {
		expect(describeTrigger(scenario, scenario.injects[0].trigger)).toBe('at T+00:30');
	});
	it('names the clock of a clockMissed trigger', () => {
		expect(describeTrigger(scenario, { kind: 'clockMissed', clock: 'fcc', delay: 0 })).toBe(
			'when the CPNI notice clock is missed'
		);
	});
	it('describes a numeric range in the decision unit', () => {
		const t = { kind: 'answer', decision: 'unknown', range: { min: 0, max: 5 }, delay: 0 } as const;
		expect(describeTrigger(scenario, t)).toBe('when a team answers between 0 and 5');
	});
});

describe('flowOutline', () => {
	it('groups injects under their phases in order', () => {
		const outline = flowOutline(scenario);
		expect(outline.map((p) => p.injects.map((i) => i.id))).toEqual([
			['diff'],
			['return', 'nudge', 'fbi', 'press']
		]);
	});
	it('lists answer, deadline and delivery consequences as branches of the source inject', () => {
		const [diff] = flowOutline(scenario)[0].injects;
		expect(diff.branches.map((b) => b.title)).toEqual(['Actor returns', 'Manager nudge', 'FBI call']);
	});
	it('shows the decision deadline and option points', () => {
		const [diff] = flowOutline(scenario)[0].injects;
		expect(diff.decision).toMatchObject({
			deadline: '2h',
			options: [
				{ label: 'Piecemeal', points: 0 },
				{ label: 'Coordinated', points: 5 }
			]
		});
	});
});

describe('describeClockCondition', () => {
	it('names the inject that starts a clock', () => {
		expect(describeClockCondition(scenario, { kind: 'inject', inject: 'diff' })).toBe(
			"'Config diff' is delivered"
		);
	});
	it('names the option labels of an answer that stops a clock', () => {
		expect(
			describeClockCondition(scenario, { kind: 'answer', decision: 'd-evict', options: ['coordinated'] })
		).toBe("the team answers 'Coordinated' to 'Config diff'");
	});
});

describe('describeDeadline', () => {
	it('spells business days out', () => {
		expect(describeDeadline({ amount: 7, unit: 'businessDays' })).toBe('7 business days');
	});
	it('uses the singular for one unit', () => {
		expect(describeDeadline({ amount: 1, unit: 'hours' })).toBe('1 hour');
	});
});

describe('clockRows', () => {
	it('names the owner team and spells out deadline and start', () => {
		expect(clockRows(scenario)[0]).toMatchObject({
			owner: 'Legal',
			deadline: '7 business days',
			starts: "'Config diff' is delivered",
			stops: 'never (runs out)'
		});
	});
	it('labels a benchmark as not a legal deadline and a hold as a hold', () => {
		const base = scenario.clocks[0];
		const kinds = {
			...scenario,
			clocks: [
				base,
				{ ...base, id: 'bench', benchmark: true },
				{ ...base, id: 'hold', kind: 'hold' as const }
			]
		};
		expect(clockRows(kinds).map((r) => r.kind)).toEqual([
			'Deadline',
			'Exercise benchmark, not a legal deadline',
			'Hold'
		]);
		expect(describeTrigger(kinds, { kind: 'clockMissed', clock: 'hold', delay: 0 })).toBe(
			'when the CPNI notice hold is breached'
		);
	});
});

describe('flowOutline with variables', () => {
	it('fills {{variables}} in inject titles', () => {
		const withOrg = { ...scenario, variables: { org: { label: 'Organisation', default: 'Northwind' } } };
		withOrg.injects = [
			{ ...scenario.injects[0], title: '{{org}} config diff' },
			...scenario.injects.slice(1)
		];
		expect(flowOutline(withOrg)[0].injects[0].title).toBe('Northwind config diff');
	});
});

describe('modelAnswerText', () => {
	const option = (id: string, points = 0) => ({ id, label: id.toUpperCase(), points, rationale: '' });
	const decision = (partial: Partial<Decision>): Decision => ({
		id: 'd',
		prompt: 'p',
		type: 'single',
		options: [],
		rubric: [],
		objectives: [],
		...partial
	});

	it('states a ranking’s expected order, which teams never see as their starting order', () => {
		const ranking = decision({
			type: 'ranking',
			options: [option('hunt'), option('preserve'), option('rotate')],
			ranking: { order: ['preserve', 'rotate', 'hunt'], pointsPerPosition: 1 }
		});
		expect(modelAnswerText(ranking)).toBe('Model order: 1. PRESERVE; 2. ROTATE; 3. HUNT');
	});

	it('names the best option(s), the options worth choosing and the best band', () => {
		expect(modelAnswerText(decision({ options: [option('a', 1), option('b', 5), option('c', 5)] }))).toBe(
			"Best answer: 'B' or 'C'"
		);
		expect(
			modelAnswerText(decision({ type: 'multiple', options: [option('a', 2), option('b'), option('c', 1)] }))
		).toBe("Worth choosing: 'A', 'C'");
		expect(
			modelAnswerText(
				decision({
					type: 'numeric',
					numeric: {
						unit: 'hours',
						bands: [
							{ max: 11, points: 1, rationale: '' },
							{ min: 12, max: 24, points: 3, rationale: '' }
						]
					}
				})
			)
		).toBe('Best answer: between 12 and 24 hours');
	});

	it('marks choice decisions as shown shuffled in the outline', () => {
		const [diff] = flowOutline(scenario)[0].injects;
		expect(diff.decision).toMatchObject({ model: "Best answer: 'Coordinated'", shuffled: true });
	});
});

describe('the flow in French', () => {
	afterEach(() => overwriteGetLocale(() => 'en'));
	it('words triggers, clock conditions, deadlines and decision types in the reader’s language', () => {
		overwriteGetLocale(() => 'fr');
		expect(describeTrigger(scenario, scenario.injects[1].trigger)).toBe(
			'quand SOC répond « Piecemeal », 1h plus tard'
		);
		expect(describeTrigger(scenario, { kind: 'manual' })).toBe("déclenché par l'animateur");
		expect(describeDeadline({ amount: 7, unit: 'businessDays' })).toBe('7 jours ouvrés');
		expect(clockRows(scenario)[0]).toMatchObject({
			starts: '« Config diff » est remis',
			stops: "jamais (court jusqu'au bout)"
		});
		expect(flowOutline(scenario)[0].injects[0].decision?.type).toBe('choix unique');
	});
});
