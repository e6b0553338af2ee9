import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '$lib/engine/scenario/source-map';
import { flowModel, nodeId } from './flow-graph';
import { layoutFlow } from './layout';

const model = (text: string) => {
	const source = readSource(text);
	return flowModel(source.value, source.lineOf);
};

const mini = `id: mini
teams:
  - { id: soc, name: SOC }
  - { id: legal, name: Legal }
phases:
  - { id: p1, title: One }
injects:
  - id: alert
    phase: p1
    title: Alert
    to: [soc]
    trigger: { at: 30m }
    decision:
      prompt: Now?
      type: single
      options:
        - { id: act, label: Act, points: 2 }
        - { id: wait, label: Wait }
  - id: escalate
    phase: p1
    title: Escalation
    to: [soc]
    trigger: { when: alert, options: [act] }
  - id: legal-only
    phase: p1
    title: Legal hears of it
    to: [legal]
    trigger: { when: alert, options: [wait] }
  - id: typo
    phase: p1
    title: Typo branch
    to: [soc]
    trigger: { when: alert, options: [acct] }
  - id: follow
    phase: p1
    title: Follow-up
    trigger: { after: legal-only, delay: 10m }
  - id: by-hand
    phase: p1
    title: By hand
    trigger: manual
clocks:
  - { id: c1, name: Notice, owner: legal, deadline: 72h, starts: { inject: escalate }, stops: [{ decision: alert, options: [act] }] }
`;

describe('flowModel', () => {
	it('draws phases, injects, start, clocks and one edge per trigger with its words', () => {
		const { nodes, edges } = model(mini);
		expect(nodes.filter((n) => n.kind === 'inject').map((n) => [n.id, n.parent, n.line])).toEqual([
			['inject:alert', 'phase:p1', 8],
			['inject:escalate', 'phase:p1', 19],
			['inject:legal-only', 'phase:p1', 24],
			['inject:typo', 'phase:p1', 29],
			['inject:follow', 'phase:p1', 34],
			['inject:by-hand', 'phase:p1', 38]
		]);
		expect(edges.map((e) => [e.source, e.target, e.label, e.dead])).toEqual([
			['inject:alert', 'inject:escalate', "SOC answers 'Act'", false],
			['inject:alert', 'inject:legal-only', "no team answers 'Wait'", true],
			['inject:alert', 'inject:typo', 'SOC answers unknown option "acct"', true],
			['inject:legal-only', 'inject:follow', 'after, +10m', true],
			['start', 'inject:alert', 'at +30m', false],
			['inject:escalate', 'clock:c1', 'starts the clock', false],
			['inject:alert', 'clock:c1', 'answer stops the clock', false]
		]);
	});

	it('chains injects on a scenario-time offset into one timeline, in time order', () => {
		const text = mini.replace('trigger: manual', 'trigger: { at: 10m }');
		const { edges, nodes } = model(text);
		expect(edges.filter((e) => e.kind === 'at').map((e) => [e.source, e.target, e.label])).toEqual([
			['start', 'inject:by-hand', 'at +10m'],
			['inject:by-hand', 'inject:alert', 'at +30m']
		]);
		expect(nodes.find((n) => n.id === 'inject:escalate')?.trigger).toBe("SOC answers 'Act'");
	});

	it('marks injects no team can receive, through chains of triggers', () => {
		const { nodes, unreachable, deadEdges } = model(mini);
		const dead = nodes.filter((n) => n.unreachable).map((n) => n.id);
		expect(dead).toEqual([nodeId.inject('legal-only'), nodeId.inject('typo'), nodeId.inject('follow')]);
		expect(unreachable).toBe(3);
		expect(deadEdges).toBe(3);
		expect(nodes.find((n) => n.id === 'inject:by-hand')).toMatchObject({ manual: true, unreachable: false });
	});

	it('draws the flagship with every inject reachable', () => {
		const { nodes, unreachable } = model(readFileSync('scenarios/salt-typhoon.yaml', 'utf8'));
		expect(nodes.filter((n) => n.kind === 'inject').length).toBeGreaterThan(40);
		expect(unreachable).toBe(0);
	});

	it('draws what it can of a file that is not valid yet', () => {
		const { nodes } = model(
			'id: x\ninjects:\n  - id: a\n    title: A\n    trigger: { at: 5m }\n  - nonsense\n'
		);
		expect(nodes.map((n) => n.id)).toEqual(['start', 'inject:a']);
	});
});

describe('layoutFlow', () => {
	it('places every node, phases around their injects, children relative to their phase', () => {
		const placed = layoutFlow(model(readFileSync('scenarios/salt-typhoon.yaml', 'utf8')));
		const byId = new Map(placed.nodes.map((n) => [n.id, n]));
		const injects = placed.nodes.filter((n) => n.kind === 'inject');
		expect(injects.length).toBeGreaterThan(40);
		for (const inject of injects) {
			const phase = byId.get(inject.parent!)!;
			expect(inject.x).toBeGreaterThanOrEqual(0);
			expect(inject.y).toBeGreaterThanOrEqual(0);
			expect(inject.x + inject.width).toBeLessThanOrEqual(phase.width);
			expect(inject.y + inject.height).toBeLessThanOrEqual(phase.height);
		}
		const order = placed.nodes.map((n) => n.kind);
		expect(order.lastIndexOf('phase')).toBeLessThan(order.indexOf('inject'));
		expect(placed.omitted).toBe(0);
	});
});
