import { describe, expect, it } from 'vitest';
import type { WireTeamView } from '$lib/realtime/wire-view';
import type { SafeHtml } from '$lib/safe-html';
import { RoomViews, type ClockLine } from './room-views';

const line: ClockLine = { anchorWall: 1_000, anchorScenario: 0, compression: 10, running: true };

function teamView(version: number, wall: number, feed: string[] = []): WireTeamView {
	return {
		kind: 'team',
		header: {
			exerciseId: 'ex',
			scenarioId: 'sc',
			title: 'Drill',
			lifecycle: 'running',
			anchor: { wall, scenario: (wall - 1_000) * 10, compression: 10, running: true },
			startsAt: '2024-10-08T09:00',
			currentPhase: null,
			version
		},
		team: { id: 'soc', name: 'SOC', description: 'Security operations', roles: [] },
		feed: feed.map((id) => ({
			id,
			title: id,
			bodyHtml: '<p>body</p>' as SafeHtml,
			channel: 'chat',
			phase: 'p1',
			artifacts: [],
			scenarioAt: 0,
			adhoc: true
		})),
		decisions: [],
		clocks: [],
		personas: [],
		teams: [],
		messages: []
	};
}

const next = (rooms: RoomViews, room: string, view: WireTeamView, at = line) =>
	rooms.next(room, 'ex', view.header.version, view, at);

describe('RoomViews', () => {
	it('sends the first view a room gets, as the JSON of the whole view message', () => {
		const view = teamView(1, 2_000, ['adhoc-1']);
		const json = next(new RoomViews(), 'r', view);
		expect(JSON.parse(json!)).toEqual({ exerciseId: 'ex', version: 1, view });
	});

	it('sends nothing when only the version and the anchor sliding along the clock line differ', () => {
		const rooms = new RoomViews();
		next(rooms, 'r', teamView(1, 2_000));
		expect(next(rooms, 'r', teamView(2, 9_000))).toBeNull();
	});

	it('sends a view whose content changed', () => {
		const rooms = new RoomViews();
		next(rooms, 'r', teamView(1, 2_000));
		expect(next(rooms, 'r', teamView(2, 2_000, ['adhoc-1']))).not.toBeNull();
	});

	it('sends a view after the clock was re-anchored, even with the same speed and running flag', () => {
		const rooms = new RoomViews();
		next(rooms, 'r', teamView(1, 2_000));
		const resumed = { ...line, anchorWall: 5_000, anchorScenario: 10_000 };
		expect(next(rooms, 'r', teamView(3, 6_000), resumed)).not.toBeNull();
	});

	it('keeps rooms apart', () => {
		const rooms = new RoomViews();
		next(rooms, 'a', teamView(1, 2_000));
		expect(next(rooms, 'b', teamView(1, 2_000))).not.toBeNull();
	});

	it('sends again to a room it forgot', () => {
		const rooms = new RoomViews();
		next(rooms, 'r', teamView(1, 2_000));
		rooms.forget('r');
		expect(rooms.size).toBe(0);
		expect(next(rooms, 'r', teamView(2, 2_000))).not.toBeNull();
	});
});
