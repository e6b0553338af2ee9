import { describe, expect, it } from 'vitest';
import { Driver, T0 } from '$lib/engine/fixtures/harness';
import type { FacilitatorView, TeamView } from '$lib/engine/types';
import { viewFor } from '$lib/engine/views';
import type { WireTeamView } from '$lib/realtime/wire-view';
import { RenderedMarkdown } from '../rendered-markdown';
import { wireView } from './wire-views';

function runningExercise() {
	const d = new Driver();
	d.start(T0);
	d.do(
		{
			type: 'inject.adhoc',
			inject: {
				id: 'adhoc-1',
				title: 'Breaking',
				body: '**Outage** at the core <script>alert(1)</script> [status](javascript:alert(2))',
				channel: 'news',
				audience: 'all'
			}
		},
		T0 + 1
	);
	return d.state;
}

describe('wireView', () => {
	it('sends inject bodies and the phase update as sanitised HTML, not Markdown', () => {
		const state = runningExercise();
		const team = viewFor(state, { role: 'participant', teamId: 'soc' }, T0 + 2) as TeamView;
		const wire = wireView(team) as WireTeamView;
		const adhoc = wire.feed.find((i) => i.title === 'Breaking')!;
		expect(adhoc.bodyHtml).toContain('<strong>Outage</strong> at the core');
		expect(adhoc.bodyHtml).not.toMatch(/<script|javascript:/);
		expect(adhoc).not.toHaveProperty('body');
		expect(wire.header.currentPhase?.updateHtml).toBe('<p>Something is wrong at Acme.</p>\n');
		expect(wire.header.currentPhase).not.toHaveProperty('update');
		// Everything else travels as the engine built it.
		expect(wire.decisions).toEqual(team.decisions);
		expect(wire.clocks).toEqual(team.clocks);
	});

	it('renders the team panels of staff views the same way', () => {
		const state = runningExercise();
		const fac = viewFor(state, { role: 'facilitator' }, T0 + 2) as FacilitatorView;
		const wire = wireView(fac);
		expect(wire.kind).toBe('facilitator');
		const json = JSON.stringify(wire);
		expect(json).toContain('<strong>Outage</strong>');
		expect(json).not.toContain('**Outage**');
	});

	it('renders each text once however many teams and pushes show it', () => {
		const state = runningExercise();
		const cache = new RenderedMarkdown();
		const render = (md: string) => cache.html(md);
		for (let push = 0; push < 5; push++)
			for (const teamId of ['soc', 'legal', 'comms'])
				wireView(viewFor(state, { role: 'participant', teamId }, T0 + 2), render);
		const distinct = new Set<string>();
		for (const teamId of ['soc', 'legal', 'comms']) {
			const v = viewFor(state, { role: 'participant', teamId }, T0 + 2) as TeamView;
			for (const i of v.feed) distinct.add(i.body);
			if (v.header.currentPhase) distinct.add(v.header.currentPhase.update);
		}
		expect(cache.renders).toBe(distinct.size);
	});
});

describe('RenderedMarkdown', () => {
	it('keeps at most its capacity, dropping the least recently used text', () => {
		const cache = new RenderedMarkdown(2);
		cache.html('a');
		cache.html('b');
		cache.html('a');
		cache.html('c');
		expect(cache.size).toBe(2);
		const before = cache.renders;
		cache.html('a');
		expect(cache.renders).toBe(before);
		cache.html('b');
		expect(cache.renders).toBe(before + 1);
	});
});
