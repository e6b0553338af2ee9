/** The laid-out graph as Svelte Flow nodes and edges: one node type per kind, edges styled by trigger kind. */
import { MarkerType, type Edge, type Node } from '@xyflow/svelte';
import type { FlowNode } from './flow-graph';
import type { PlacedGraph } from './layout';

/** What every custom node receives. */
export type FlowNodeData = { node: FlowNode; select?: () => void };

/** Svelte Flow nodes; `select` makes a node's title a button (jump to its YAML). */
export function toNodes(graph: PlacedGraph, select?: (node: FlowNode) => void): Node<FlowNodeData>[] {
	return graph.nodes.map((node) => ({
		id: node.id,
		type: node.kind,
		position: { x: node.x, y: node.y },
		width: node.width,
		height: node.height,
		...(node.parent ? { parentId: node.parent, extent: 'parent' as const } : {}),
		data: { node, select: select && (() => select(node)) },
		draggable: false,
		selectable: false,
		connectable: false,
		zIndex: node.kind === 'phase' ? -1 : 1
	}));
}

/** Svelte Flow edges with their words as labels. */
export function toEdges(graph: PlacedGraph): Edge[] {
	return graph.edges.map((edge) => ({
		id: edge.id,
		source: edge.source,
		target: edge.target,
		label: edge.dead ? `${edge.label} (never fires)` : edge.label,
		class: `flow-edge ${edge.kind}${edge.dead ? ' dead' : ''}`,
		markerEnd: { type: MarkerType.ArrowClosed },
		selectable: false,
		focusable: false
	}));
}
