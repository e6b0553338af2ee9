import { describe, expect, it } from 'vitest';
import type { Command } from '$lib/engine/types';
import { reportCover, type CoverInput } from './review-cover';

const at = (iso: string, type: Command['type']) => ({ at: Date.parse(iso), command: { type } as Command });

const base: CoverInput = {
	scenarioTitle: 'Salt Typhoon',
	organisation: 'Northwind Telecom',
	facilitator: 'Fran Facilitator',
	teams: [
		{ id: 'soc', name: 'SOC' },
		{ id: 'legal', name: 'Legal' }
	] as CoverInput['teams'],
	seats: [
		{ role: 'participant', name: 'Sam', teamId: 'soc' },
		{ role: 'participant', name: 'Ana', teamId: 'soc' },
		{ role: 'evaluator', name: 'Eve', teamId: null },
		{ role: 'participant', name: 'Lena', teamId: 'legal' }
	],
	inputs: [
		at('2026-12-05T17:02:00Z', 'exercise.setCompression'),
		at('2026-12-05T17:20:00Z', 'exercise.start'),
		at('2026-12-05T18:50:00Z', 'exercise.end')
	],
	scenarioAt: 4 * 24 * 3_600_000 + 3 * 3_600_000
};

describe('report cover', () => {
	it('dates the run from StartEx to EndEx and lists who played in each team', () => {
		const cover = reportCover(base);
		expect(cover).toMatchObject({
			name: 'Salt Typhoon',
			date: '5 December 2026',
			times: '17:20–18:50 UTC',
			duration: '1h 30m',
			scenarioPlayed: '4d 3h',
			facilitator: 'Fran Facilitator'
		});
		expect(cover.teams).toEqual([
			{ teamId: 'soc', name: 'SOC', participants: ['Ana', 'Sam'] },
			{ teamId: 'legal', name: 'Legal', participants: ['Lena'] }
		]);
		expect(cover.staff).toEqual([{ role: 'evaluator', name: 'Eve' }]);
	});

	it('uses the exercise name when there is one, and leaves the date empty before StartEx', () => {
		const cover = reportCover({ ...base, name: 'Autumn drill', inputs: [] });
		expect(cover.name).toBe('Autumn drill');
		expect(cover.date).toBeNull();
		expect(cover.duration).toBeNull();
	});
});
