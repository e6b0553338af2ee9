import { describe, expect, it } from 'vitest';
import type { InjectStatusView } from '$lib/engine/types';
import { groupInjects } from './inject-groups';

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
