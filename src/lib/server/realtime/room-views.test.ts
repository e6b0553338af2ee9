import { describe, expect, it } from 'vitest';
import type { WireTeamView } from '$lib/realtime/wire-view';
import type { SafeHtml } from '$lib/safe-html';
import { applyViewPatch } from '$lib/realtime/view-patch';
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

const next = (rooms: RoomViews, room: string, view: WireTeamView, at = line, force = false) =>
	rooms.next(room, 'ex', view.header.version, view, at, force);

describe('RoomViews', () => {
	it('sends the first view a room gets, as the JSON of the whole view message', () => {
		const view = teamView(1, 2_000, ['adhoc-1']);
		const push = next(new RoomViews(), 'r', view);
		expect(push?.event).toBe('exercise:view');
		expect(JSON.parse(push!.json)).toEqual({ exerciseId: 'ex', version: 1, view });
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

	it('sends a later change as a patch from the version the room holds, which rebuilds the new view', () => {
		const rooms = new RoomViews();
		const first = teamView(1, 2_000, ['i1', 'i2', 'i3']);
		const held = JSON.parse(next(rooms, 'r', first)!.json).view;
		const second = teamView(4, 2_000, ['i1', 'i2', 'i3', 'adhoc-1']);
		const push = next(rooms, 'r', second);
		expect(push?.event).toBe('exercise:patch');
		const msg = JSON.parse(push!.json);
		expect(msg).toMatchObject({ exerciseId: 'ex', from: 1, to: 4 });
		expect(applyViewPatch(held, msg.patch)).toEqual(JSON.parse(JSON.stringify(second)));
		expect(push!.json.length).toBeLessThan(JSON.stringify(second).length / 2);
	});

	it('sends whole views when patches are switched off', () => {
		const rooms = new RoomViews({ patches: false });
		next(rooms, 'r', teamView(1, 2_000));
		expect(next(rooms, 'r', teamView(2, 2_000, ['adhoc-1']))?.event).toBe('exercise:view');
	});

	it('keeps the last view whole for sockets joining the room', () => {
		const rooms = new RoomViews();
		expect(rooms.last('r')).toBeNull();
		next(rooms, 'r', teamView(1, 2_000));
		next(rooms, 'r', teamView(2, 2_000, ['adhoc-1']));
		const last = rooms.last('r')!;
		expect(last.version).toBe(2);
		expect(JSON.parse(last.json)).toEqual({
			exerciseId: 'ex',
			version: 2,
			view: teamView(2, 2_000, ['adhoc-1'])
		});
	});

	it('moves a room to a newer version on request even when its view did not change', () => {
		const rooms = new RoomViews();
		next(rooms, 'r', teamView(1, 2_000));
		expect(next(rooms, 'r', teamView(2, 9_000))).toBeNull();
		const push = next(rooms, 'r', teamView(3, 9_000), line, true);
		expect(JSON.parse(push!.json)).toMatchObject({ from: 1, to: 3 });
		expect(rooms.last('r')?.version).toBe(3);
		expect(next(rooms, 'r', teamView(3, 9_000), line, true)).toBeNull();
	});

	it('sends the whole view when the view changed without a newer version', () => {
		const rooms = new RoomViews();
		next(rooms, 'r', teamView(2, 2_000));
		expect(next(rooms, 'r', teamView(2, 2_000, ['adhoc-1']))?.event).toBe('exercise:view');
	});
});
