import { describe, expect, it } from 'vitest';
import type { InjectStatusView } from '$lib/engine/types';
import { groupInjects, LINE_STATE_WORDS, type InjectLine } from './inject-groups';

function line(id: string, teams: InjectStatusView['teams']): InjectStatusView {
	return {
		id,
		title: id,
		channel: 'email',
		phase: 'p1',
		audience: 'all',
		triggerLabel: '',
		hold: false,
		adhoc: false,
		teams
	};
}

describe('groupInjects', () => {
	it('treats an inject delivered to one team but still due for another as upcoming', () => {
		const groups = groupInjects([
			line('a', { soc: { status: 'delivered', deliveredAt: 10 }, legal: { status: 'upcoming', dueAt: 50 } })
		]);
		expect(groups.upcoming.map((l) => l.inject.id)).toEqual(['a']);
		expect(groups.upcoming[0]).toMatchObject({ deliveredTo: 1, audienceSize: 2, dueAt: 50 });
	});
	it('puts an inject held for any team under held', () => {
		const groups = groupInjects([
			line('a', { soc: { status: 'held', dueAt: 5 }, legal: { status: 'upcoming', dueAt: 9 } })
		]);
		expect(groups.held.map((l) => l.inject.id)).toEqual(['a']);
	});
	it('orders upcoming injects by their earliest due time, undated last', () => {
		const groups = groupInjects([
			line('manual', { soc: { status: 'upcoming' } }),
			line('late', { soc: { status: 'upcoming', dueAt: 90 } }),
			line('soon', { soc: { status: 'upcoming', dueAt: 10 } })
		]);
		expect(groups.upcoming.map((l) => l.inject.id)).toEqual(['soon', 'late', 'manual']);
	});
	it('lists delivered injects latest first', () => {
		const groups = groupInjects([
			line('first', { soc: { status: 'delivered', deliveredAt: 10 } }),
			line('second', { soc: { status: 'delivered', deliveredAt: 20 } })
		]);
		expect(groups.delivered.map((l) => l.inject.id)).toEqual(['second', 'first']);
	});
	it('keeps an inject skipped for every team under skipped', () => {
		expect(groupInjects([line('a', { soc: { status: 'skipped' } })]).skipped).toHaveLength(1);
	});
	it('lists an inject no team can get any more under not triggered', () => {
		const groups = groupInjects([
			line('a', { soc: { status: 'not-triggered' }, legal: { status: 'skipped' } }),
			line('b', { soc: { status: 'not-triggered' }, legal: { status: 'upcoming' } })
		]);
		expect(groups.notTriggered.map((l) => l.inject.id)).toEqual(['a']);
		expect(groups.upcoming.map((l) => l.inject.id)).toEqual(['b']);
	});
});

describe('line states', () => {
	it('keeps injects only for teams left out apart, never as skipped (observation: "Skipped (22)" with raw ids)', () => {
		const groups = groupInjects([line('exec-only', {}), line('b', { soc: { status: 'skipped' } })]);
		expect(groups.skipped.map((l) => l.inject.id)).toEqual(['b']);
		expect(groups.notPlaying.map((l) => l.inject.id)).toEqual(['exec-only']);
		expect(LINE_STATE_WORDS[groups.notPlaying[0].state]).toBe('Not for the teams playing');
	});
	it('says an upcoming inject put on hold will hold when due (observation: Hold gave no feedback)', () => {
		const held = { ...line('a', { soc: { status: 'upcoming', dueAt: 10 } }), hold: true };
		const [a] = groupInjects([held]).upcoming;
		expect(a.state).toBe('will-hold');
		expect(LINE_STATE_WORDS[a.state]).toBe('Will hold when due');
	});
	it('has words for every state', () => {
		const groups = groupInjects([
			line('u', { soc: { status: 'upcoming' } }),
			line('h', { soc: { status: 'held' } }),
			line('d', { soc: { status: 'delivered', deliveredAt: 1 } }),
			line('s', { soc: { status: 'skipped' } }),
			line('n', { soc: { status: 'not-triggered' } })
		]);
		const states = Object.values(groups)
			.flat()
			.map((l: InjectLine) => LINE_STATE_WORDS[l.state]);
		expect(states.sort()).toEqual(['Delivered', 'Held for you', 'Not triggered', 'Skipped', 'Upcoming']);
	});
});
