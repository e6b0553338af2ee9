/**
 * Automatic layout of the flow graph with dagre (layered, left to right): phases are clusters around their
 * injects, and positions come out the way Svelte Flow wants them (top-left corners, children relative to their
 * phase). Pure and synchronous, so it runs in the studio worker and on the server for the scenario page.
 */
import dagre from '@dagrejs/dagre';
import type { FlowEdge, FlowModel, FlowNode } from './flow-graph';

/** A node with its box. `x`, `y` are relative to the parent phase when it has one. */
export interface PlacedNode extends FlowNode {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The laid-out graph. */
export interface PlacedGraph {
	nodes: PlacedNode[];
	edges: FlowEdge[];
	unreachable: number;
	deadEdges: number;
	/** Injects left out because the graph would be too large to draw usefully. */
	omitted: number;
}

/** Most injects drawn; past this the graph names how many it left out. */
export const MAX_DRAWN_INJECTS = 300;

const PAD = { top: 40, side: 16, bottom: 16 };

function size(node: FlowNode): { width: number; height: number } {
	if (node.kind === 'start') return { width: 110, height: 44 };
	if (node.kind === 'clock') return { width: 220, height: 64 };
	return { width: 240, height: node.decision ? 104 : 84 };
}

/** Lays the graph out. */
export function layoutFlow(model: FlowModel): PlacedGraph {
	const injects = model.nodes.filter((n) => n.kind === 'inject');
	const drawn = new Set(injects.slice(0, MAX_DRAWN_INJECTS).map((n) => n.id));
	const nodes = model.nodes.filter((n) => n.kind !== 'inject' || drawn.has(n.id));
	const ids = new Set(nodes.map((n) => n.id));
	const edges = model.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
	const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
	g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 70, marginx: 16, marginy: 16 });
	g.setDefaultEdgeLabel(() => ({}));
	const used = new Set(nodes.filter((n) => n.kind === 'inject').map((n) => n.parent));
	for (const node of nodes) {
		if (node.kind === 'phase') {
			if (used.has(node.id)) g.setNode(node.id, { label: node.label, paddingTop: PAD.top });
			continue;
		}
		g.setNode(node.id, size(node));
		if (node.parent && ids.has(node.parent)) g.setParent(node.id, node.parent);
	}
	edges.forEach((e) => g.setEdge(e.source, e.target, { minlen: 1 }, e.id));
	dagre.layout(g);

	const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
	for (const node of nodes) {
		if (node.kind === 'phase') continue;
		const placed = g.node(node.id);
		if (placed)
			boxes.set(node.id, {
				x: placed.x - placed.width / 2,
				y: placed.y - placed.height / 2,
				width: placed.width,
				height: placed.height
			});
	}
	// A phase's box is drawn around its injects, with room for its title.
	for (const node of nodes) {
		if (node.kind !== 'phase') continue;
		const children = nodes
			.filter((n) => n.parent === node.id && boxes.has(n.id))
			.map((n) => boxes.get(n.id)!);
		if (!children.length) continue;
		const left = Math.min(...children.map((c) => c.x)) - PAD.side;
		const top = Math.min(...children.map((c) => c.y)) - PAD.top;
		const right = Math.max(...children.map((c) => c.x + c.width)) + PAD.side;
		const bottom = Math.max(...children.map((c) => c.y + c.height)) + PAD.bottom;
		boxes.set(node.id, { x: left, y: top, width: right - left, height: bottom - top });
	}
	const placed: PlacedNode[] = [];
	// Svelte Flow wants parents before their children.
	for (const node of [
		...nodes.filter((n) => n.kind === 'phase'),
		...nodes.filter((n) => n.kind !== 'phase')
	]) {
		const box = boxes.get(node.id);
		if (!box) continue;
		const parent = node.parent ? boxes.get(node.parent) : undefined;
		placed.push({
			...node,
			parent: parent ? node.parent : undefined,
			x: Math.round(box.x - (parent?.x ?? 0)),
			y: Math.round(box.y - (parent?.y ?? 0)),
			width: Math.round(box.width),
			height: Math.round(box.height)
		});
	}
	return {
		nodes: placed,
		edges,
		unreachable: model.unreachable,
		deadEdges: model.deadEdges,
		omitted: injects.length - drawn.size
	};
}
