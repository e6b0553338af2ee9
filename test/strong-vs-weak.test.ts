/**
 * Issue 4's bar for every shipped scenario: a strong team and a weak team, played headlessly, take clearly
 * different paths and end with clearly different scores; the weak run misses at least one regulatory clock.
 * Issue 8 adds, for every scenario with a `-fast-wrong` script: answering wrong at once earns no more than the
 * same answers at the last minute, and far less than the strong run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswerScript, type AnswerScript } from '../src/lib/engine/answer-script';
import { mapEntries } from '../src/lib/engine/persistent';
import { parseScenario } from '../src/lib/engine/scenario';
import { runSimulation } from '../src/lib/engine/simulate';

const root = join(import.meta.dirname, '..');

function play(file: string, script: string, tweak: (s: AnswerScript) => AnswerScript = (s) => s) {
	const { scenario } = parseScenario(readFileSync(join(root, 'scenarios', file), 'utf8'), file);
	const parsed = parseAnswerScript(readFileSync(join(root, 'test/fixtures/answers', script), 'utf8'), script);
	return runSimulation(scenario!, tweak(parsed.script!));
}

const total = (scores: Record<string, { total: { points: number; maxPoints: number } }>) =>
	Object.values(scores).reduce((n, s) => n + s.total.points, 0);

const percent = (t: { points: number; maxPoints: number }) => (t.maxPoints ? t.points / t.maxPoints : 0);

describe.each([
	['salt-typhoon.yaml', 'salt-typhoon'],
	['salt-typhoon-exec.yaml', 'salt-typhoon-exec'],
	['edge-intrusion-eu.yaml', 'edge-intrusion-eu']
])('%s', (file, id) => {
	const strong = play(file, `${id}-strong.yaml`);
	const weak = play(file, `${id}-weak.yaml`);

	it('scores every team of the strong run at least 25 points of percentage above the weak run', () => {
		for (const [team, score] of Object.entries(strong.scores)) {
			expect(percent(score.total), team).toBeGreaterThan(percent(weak.scores[team].total) + 0.25);
		}
	});

	it('meets every scored clock in the strong run and misses at least one in the weak run', () => {
		const scored = (c: { id: string }) =>
			strong.scenario.clocks.find((d) => d.id === c.id)!.scoring.met !== 0;
		expect(strong.clocks.filter(scored).map((c) => [c.id, c.status])).toEqual(
			strong.clocks.filter(scored).map((c) => [c.id, 'met'])
		);
		expect(weak.clocks.some((c) => c.status === 'missed')).toBe(true);
	});

	it('sends the weak run down injects the strong run never sees', () => {
		const seen = (r: typeof strong) =>
			new Set(r.timeline.filter((row) => row.kind === 'delivered').map((row) => row.inject));
		const strongSeen = seen(strong);
		expect([...seen(weak)].filter((inject) => !strongSeen.has(inject)).length).toBeGreaterThan(0);
	});
});

const fastWrong = [
	['salt-typhoon.yaml', 'salt-typhoon'],
	['salt-typhoon-exec.yaml', 'salt-typhoon-exec'],
	['edge-intrusion-eu.yaml', 'edge-intrusion-eu'],
	['example-quickstart.yaml', 'example-quickstart']
].filter(([, id]) => existsSync(join(root, 'test/fixtures/answers', `${id}-fast-wrong.yaml`)));

describe.each(fastWrong)('%s fast-wrong run', (file, id) => {
	const script = `${id}-fast-wrong.yaml`;
	const fast = play(file, script);
	const slow = play(file, script, (s) => ({ ...s, otherwise: { ...s.otherwise!, after: 'last-minute' } }));

	it('scores no better than the same answers given at the last minute, for every team', () => {
		for (const [team, score] of Object.entries(fast.scores))
			expect(score.total.points, team).toBeLessThanOrEqual(slow.scores[team].total.points);
	});

	it('scores far below the strong run', () => {
		const strong = play(file, `${id}-strong.yaml`);
		const share = (r: typeof strong) =>
			total(r.scores) / Object.values(r.scores).reduce((n, s) => n + s.total.maxPoints, 0);
		expect(share(fast)).toBeLessThan(share(strong) - 0.5);
	});
});

describe('salt-typhoon.yaml weak run', () => {
	const weak = play('salt-typhoon.yaml', 'salt-typhoon-weak.yaml');
	it('shows the missed FCC 64.2011 notice as a missed clock', () => {
		const cpni = weak.clocks.filter((c) => c.regime.includes('64.2011'));
		expect(cpni.length).toBeGreaterThan(0);
		expect(cpni.some((c) => c.status === 'missed')).toBe(true);
	});

	it('breaches the FBI hold with the customer notice legal sends during it, not later with an answer', () => {
		expect(weak.clocks.find((c) => c.id === 'fbi-hold')).toMatchObject({
			status: 'breached',
			stoppedAt: 150 * 3_600_000
		});
		const notice = mapEntries(weak.state.messages)
			.map(([, m]) => m)
			.find((m) => m.to.includes('customers'));
		expect(notice?.breaches).toEqual(['fbi-hold']);
	});

	it('runs the story without comment for a communications team that sent the reporter nothing by 18:00', () => {
		const strong = play('salt-typhoon.yaml', 'salt-typhoon-strong.yaml');
		const noComment = (r: typeof weak) =>
			r.timeline.filter((row) => row.kind === 'delivered' && row.inject === 'story-no-comment');
		expect(noComment(strong)).toEqual([]);
		// Released two hours after the unless reaction's 18:00 Saturday (T+130h), to communications only.
		expect(noComment(weak).map((row) => [row.team, row.scenarioAt])).toEqual([['comms', 132 * 3_600_000]]);
	});
});
