import { describe, expect, it } from 'vitest';
import type { JumpTarget } from '$lib/engine/types';
import { firedBy, jumpNotice, quickPicks, targetChoices, timeChoice } from './clock-jump';

const STARTS = '2024-09-30T09:00';
const HOUR = 3_600_000;

describe('quick picks', () => {
	it('offers one hour on, this evening and the next morning from a Monday afternoon', () => {
		expect(quickPicks(STARTS, 5 * HOUR + 30 * 60_000)).toEqual([
			{ label: 'One hour on', at: '2024-09-30T15:30' },
			{ label: 'This evening (18:00)', at: '2024-09-30T18:00' },
			{ label: 'The next morning (08:00)', at: '2024-10-01T08:00' }
		]);
	});

	it('drops the evening once it has passed and takes the same day’s 08:00 before dawn', () => {
		// 21:00 on Monday: the evening is over, the next morning is Tuesday.
		expect(quickPicks(STARTS, 12 * HOUR).map((p) => p.at)).toEqual(['2024-09-30T22:00', '2024-10-01T08:00']);
		// 03:00 on Tuesday: "the next morning" is Tuesday 08:00; the evening is not offered before the morning.
		expect(quickPicks(STARTS, 18 * HOUR)).toEqual([
			{ label: 'One hour on', at: '2024-10-01T04:00' },
			{ label: 'The next morning (08:00)', at: '2024-10-01T08:00' }
		]);
	});

	it('never offers the same time twice', () => {
		// 07:00 on Tuesday: one hour on is 08:00, the next morning too.
		const picks = quickPicks(STARTS, 22 * HOUR);
		expect(picks.filter((p) => p.at === '2024-10-01T08:00')).toHaveLength(1);
	});
});

describe('choices and preview', () => {
	const targets: JumpTarget[] = [
		{
			to: { kind: 'next-inject' },
			label: 'Next inject: "Reporter calls"',
			title: 'Reporter calls',
			at: 2 * HOUR
		},
		{ to: { kind: 'next-phase' }, label: 'Next phase: "Disclosure"', title: 'Disclosure', at: 24 * HOUR },
		{
			to: { kind: 'phase', phase: 'p2' },
			label: 'Phase "Disclosure" opens',
			title: 'Disclosure',
			at: 24 * HOUR
		},
		{ to: { kind: 'phase', phase: 'p3' }, label: 'Phase "Eviction" opens', title: 'Eviction', at: 48 * HOUR }
	];

	it('offers a phase opening once when it is also the next phase', () => {
		expect(targetChoices(targets).map((c) => c.label)).toEqual([
			'Next inject: “Reporter calls”',
			'Next phase: “Disclosure”',
			'Phase “Eviction” opens'
		]);
	});

	it('refuses a time that is not later than now, naming the time now', () => {
		expect(timeChoice(STARTS, 2 * HOUR, '2024-09-30T10:00')).toEqual({
			error: 'Choose a time later than the scenario time now (Mon 30 Sept 2024, 11:00).'
		});
		expect(timeChoice(STARTS, 0, 'tomorrow')).toEqual({ error: '"tomorrow" is not a date and time.' });
	});

	it('turns a later time into an in-world jump', () => {
		const r = timeChoice(STARTS, 0, '2024-10-01T08:00');
		expect(r).toMatchObject({ choice: { to: { kind: 'at', at: '2024-10-01T08:00' }, atMs: 23 * HOUR } });
	});

	it('previews everything scheduled up to and including the target', () => {
		const upcoming = [
			{ at: HOUR, text: 'A reaches SOC' },
			{ at: 2 * HOUR, text: 'B reaches Legal' },
			{ at: 3 * HOUR, text: 'C reaches SOC' }
		];
		expect(firedBy(upcoming, 2 * HOUR).map((u) => u.text)).toEqual(['A reaches SOC', 'B reaches Legal']);
	});

	it('confirms the jump in words', () => {
		const [next] = targetChoices(targets);
		expect(jumpNotice(STARTS, next, 2)).toBe(
			'Scenario clock moved to Mon 30 Sept 2024, 11:00. 2 scheduled items fired on the way, each at its own time.'
		);
		expect(jumpNotice(STARTS, next, 0)).toBe(
			'Scenario clock moved to Mon 30 Sept 2024, 11:00. Nothing was due on the way.'
		);
	});
});
