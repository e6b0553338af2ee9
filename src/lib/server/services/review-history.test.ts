import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app';
import { fakeRequest, manualClock, startApp } from '../testing/harness';
import { afterAction } from './review-services';
import type { Facilitator } from './sessions';

describe('scores across exercises', () => {
	let app: App;
	let close: () => Promise<void>;
	let f: Facilitator;
	const clock = manualClock();

	beforeEach(async () => {
		({ app, close } = await startApp(clock));
		f = await app.sessions.setup(fakeRequest(), {
			name: 'Dana',
			username: 'dana',
			password: 'correct horse battery'
		});
	});
	afterEach(() => close());

	async function run(option: 'hunt' | 'wipe', end: boolean): Promise<string> {
		const { id } = await app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind',
			teams: ['soc', 'legal']
		});
		const host = await app.hosts.get(id);
		await host.submit({ role: 'facilitator' }, { type: 'exercise.start' }, `${id}-start`);
		const answer = { type: 'single' as const, option };
		for (const teamId of ['soc', 'legal']) {
			await host.submit(
				{ role: 'participant', teamId },
				{ type: 'answer.submit', decisionId: 'd-first', teamId, answer },
				`${id}-${teamId}`
			);
		}
		if (end) await host.submit({ role: 'facilitator' }, { type: 'exercise.end' }, `${id}-end`);
		return id;
	}

	it("lists each run's totals, the ended one replayed from its log", async () => {
		const ended = await run('hunt', true);
		const live = (await app.hosts.get(ended)).view({ role: 'facilitator' });
		const listed = (await afterAction(app).history.list(f)).find((e) => e.id === ended)!;
		const legal = listed.teams.find((t) => t.teamId === 'legal');
		expect(live.kind === 'facilitator' && live.scores.legal.total).toEqual({ points: 5, maxPoints: 5 });
		expect(legal).toMatchObject({ points: 5, maxPoints: 5, percent: 100 });
	});

	it('gives each team a trend over the runs of a scenario, oldest first, leaving out unplayed ones', async () => {
		await run('hunt', true);
		clock.advance(60_000);
		await run('wipe', false);
		await app.exercises.create(f, { scenarioId: 'server-drill', organisation: 'Northwind', teams: ['soc'] });
		const [trend] = await afterAction(app).history.trends(f);
		expect(trend.runs).toHaveLength(2);
		expect(trend.teams.find((t) => t.teamId === 'legal')?.percents).toEqual([100, 0]);
	});
});
