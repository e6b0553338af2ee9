import { describe, expect, it } from 'vitest';
import { Driver, T0, testConfig, wallMin, participant } from './fixtures/harness';
import { testScenario } from './fixtures/test-scenario';
import { listToArray } from './persistent';
import { nextDueAt, scenarioTimeAt } from './scenario-clock';

const feedIds = (d: Driver, team: string) => listToArray(d.state.feeds[team]).map((f) => f.injectId);
const M = 60_000;

describe('scheduling and branching per team', () => {
	it('delivers `at` injects only to teams in the audience', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(60));
		expect(feedIds(d, 'soc')).toEqual(['alert', 'followup', 'news']);
		expect(feedIds(d, 'legal')).toEqual(['news']);
	});

	it('skips teams not taking part in the exercise', () => {
		const d = new Driver(testScenario(), testConfig({ teams: ['legal', 'comms'] }));
		d.start();
		d.tick(T0 + wallMin(60));
		expect(d.state.delivered.soc).toBeUndefined();
		expect(feedIds(d, 'legal')).toEqual(['news']);
	});

	it('schedules an `after` inject relative to when that team got the first one', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(60));
		expect(d.state.delivered.soc.followup).toBe(50 * M);
	});

	it('backdates deliveries to their due time when a tick arrives late', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(200));
		expect(d.state.delivered.soc.alert).toBe(30 * M);
		expect(d.state.delivered.legal['legal-q']).toBe(120 * M);
		expect(d.state.delivered.legal['legal-hours']).toBe(120 * M);
	});

	it('branches on an answer for the answering team only', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(31));
		d.answer('soc', 'd-contain', { type: 'single', option: 'ignore' }, T0 + wallMin(40));
		d.tick(T0 + wallMin(50));
		expect(d.state.delivered.soc.escalate).toBe(50 * M);
	});

	it('does not branch on a non-matching answer', () => {
		const d = new Driver();
		d.start();
		d.answer('soc', 'd-contain', { type: 'single', option: 'monitor' }, T0 + wallMin(40));
		d.tick(T0 + wallMin(300));
		expect(d.state.delivered.soc.escalate).toBeUndefined();
		expect(d.state.delivered.soc.reminder).toBeUndefined();
	});

	it('delivers the `unanswered` contingency when the deadline passes', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(100));
		expect(d.state.delivered.soc.reminder).toBe(90 * M);
	});

	it('never schedules `manual` injects', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(10_000));
		expect(d.state.delivered.soc['manual-drill']).toBeUndefined();
	});

	it('fires due items in due order within one late tick (cascades included)', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(130));
		const delivered = listToArray(d.state.timeline)
			.filter((r) => r.kind === 'delivered')
			.map((r) => r.scenarioAt);
		expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
	});

	it('reports the wall time of the next due item, null while paused', () => {
		const d = new Driver();
		d.start();
		expect(nextDueAt(d.state)).toBe(T0 + wallMin(30));
		d.do({ type: 'exercise.pause' }, T0 + wallMin(10));
		expect(nextDueAt(d.state)).toBeNull();
	});

	it('delivers injects falling due exactly at start time in the start input', () => {
		const s = testScenario();
		s.injects[0].trigger = { kind: 'at', at: 0 };
		const d = new Driver(s);
		d.start();
		expect(d.state.delivered.soc.alert).toBe(0);
	});
});

describe('scenario clock', () => {
	it('stops scenario time while paused and resumes exactly', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'exercise.pause' }, T0 + wallMin(10));
		d.do({ type: 'exercise.resume' }, T0 + wallMin(10) + 3_600_000);
		expect(scenarioTimeAt(d.state, T0 + wallMin(10) + 3_600_000 + wallMin(5))).toBe(15 * M);
	});

	it('re-anchors on a compression change', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'exercise.setCompression', compression: 60 }, T0 + wallMin(10));
		expect(scenarioTimeAt(d.state, T0 + wallMin(10) + 60_000)).toBe(10 * M + 60 * M);
		expect(nextDueAt(d.state)).toBe(T0 + wallMin(10) + 20_000);
	});

	it('clamps an input earlier than the last one to it', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(20));
		d.tick(T0 + wallMin(5));
		expect(d.state.clock.lastAt).toBe(T0 + wallMin(20));
		expect(d.state.clock.now).toBe(20 * M);
	});

	it('accepts compression changes while paused and in the lobby, not once ended', () => {
		const d = new Driver();
		d.do({ type: 'exercise.setCompression', compression: 10 }, T0);
		d.start();
		d.do({ type: 'exercise.pause' }, T0);
		d.do({ type: 'exercise.setCompression', compression: 5 }, T0);
		expect(d.state.clock.compression).toBe(5);
		d.do({ type: 'exercise.end' }, T0);
		expect(d.try({ type: 'exercise.setCompression', compression: 2 }, T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid_state' }
		});
	});

	it('rejects a non-positive compression', () => {
		const d = new Driver();
		expect(d.try({ type: 'exercise.setCompression', compression: 0 }, T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
		expect(d.try({ type: 'exercise.setCompression', compression: Number.NaN }, T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
	});
});

describe('holds, release, skip and ad-hoc injects', () => {
	it('holds a `hold: true` inject when due and releases it on command', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(200));
		expect(d.state.held['held-brief']).toEqual({ soc: 180 * M, comms: 180 * M });
		expect(nextDueAt(d.state)).not.toBe(T0 + wallMin(180));
		d.do({ type: 'inject.release', injectId: 'held-brief' }, T0 + wallMin(210));
		expect(d.state.delivered.soc['held-brief']).toBe(210 * M);
		expect(d.state.held['held-brief']).toEqual({});
	});

	it('holds an inject the facilitator put on hold', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'inject.hold', injectId: 'news' }, T0);
		d.tick(T0 + wallMin(70));
		expect(d.state.delivered.soc.news).toBeUndefined();
		expect(Object.keys(d.state.held.news)).toEqual(['soc', 'legal', 'comms']);
	});

	it('releases a manual inject to every audience team now', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'inject.release', injectId: 'manual-drill' }, T0 + wallMin(15));
		expect(d.state.delivered.legal['manual-drill']).toBe(15 * M);
		expect(d.state.delivered.comms['manual-drill']).toBe(15 * M);
	});

	it('skips an inject so it never arrives', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'inject.skip', injectId: 'alert' }, T0);
		d.tick(T0 + wallMin(300));
		expect(d.state.delivered.soc.alert).toBeUndefined();
		expect(d.state.delivered.soc.followup).toBeUndefined();
		expect(d.state.skipped.alert).toEqual({ soc: 0 });
	});

	it('rejects skipping an inject twice', () => {
		const d = new Driver();
		d.start();
		d.do({ type: 'inject.skip', injectId: 'news' }, T0);
		expect(d.try({ type: 'inject.skip', injectId: 'news' }, T0)).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
	});

	it('rejects release of an unknown inject with inject/not_found', () => {
		const d = new Driver();
		d.start();
		expect(d.try({ type: 'inject.release', injectId: 'nope' }, T0)).toMatchObject({
			ok: false,
			error: { code: 'inject/not_found' }
		});
	});

	it('rejects releasing an inject every team already has', () => {
		const d = new Driver();
		d.start();
		d.tick(T0 + wallMin(60));
		expect(d.try({ type: 'inject.release', injectId: 'news' }, T0 + wallMin(60))).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
	});

	it('delivers an ad-hoc inject now to its audience and refuses a reused id', () => {
		const d = new Driver();
		d.start();
		const inject = {
			id: 'adhoc-1',
			title: 'Call from CISA',
			body: 'Call back',
			channel: 'phone' as const,
			audience: ['legal']
		};
		d.do({ type: 'inject.adhoc', inject }, T0 + wallMin(12));
		expect(listToArray(d.state.feeds.legal).map((f) => [f.injectId, f.scenarioAt])).toEqual([
			['adhoc-1', 12 * M]
		]);
		expect(d.try({ type: 'inject.adhoc', inject }, T0 + wallMin(13))).toMatchObject({
			ok: false,
			error: { code: 'command/invalid' }
		});
		expect(
			d.try({ type: 'inject.adhoc', inject: { ...inject, id: 'x', audience: ['ghost'] } }, T0)
		).toMatchObject({ ok: false, error: { code: 'team/not_in_exercise' } });
	});

	it('lets participants do nothing but answer', () => {
		const d = new Driver();
		d.start();
		expect(d.try({ type: 'inject.release', injectId: 'news' }, T0, participant('soc'))).toMatchObject({
			ok: false,
			error: { code: 'command/forbidden' }
		});
	});
});
