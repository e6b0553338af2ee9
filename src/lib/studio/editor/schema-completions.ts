/**
 * Completions from the scenario JSON Schema (scenarios/schema.json, generated from the zod schema): the keys a
 * mapping may have, the values a field allows, and, for fields the schema describes as "id of ...", the ids the
 * draft defines. New fields in the schema appear here without this file changing.
 */
import type { DraftCatalog } from '../worker/protocol';
import type { CursorPlace } from './cursor-path';

/** A JSON Schema node, as much of it as completions read. */
export interface SchemaNode {
	type?: string | string[];
	description?: string;
	properties?: Record<string, SchemaNode>;
	additionalProperties?: SchemaNode | boolean;
	items?: SchemaNode;
	anyOf?: SchemaNode[];
	oneOf?: SchemaNode[];
	allOf?: SchemaNode[];
	enum?: unknown[];
	const?: unknown;
	default?: unknown;
	required?: string[];
}

/** One suggestion. */
export interface Suggestion {
	label: string;
	kind: 'property' | 'value' | 'reference';
	detail?: string;
	info?: string;
	/** Text inserted for it (a key gets ": " after it). */
	apply: string;
}

function expand(node: SchemaNode | undefined): SchemaNode[] {
	if (!node) return [];
	const branches = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
	return branches.length ? [node, ...branches.flatMap(expand)] : [node];
}

/** The schema nodes a path may lead to (several where the schema offers alternatives). */
export function schemaAt(root: SchemaNode, path: (string | number)[]): SchemaNode[] {
	let nodes = expand(root);
	for (const segment of path) {
		nodes = nodes.flatMap((node) => {
			if (typeof segment === 'number') return expand(node.items);
			const property = node.properties?.[segment];
			if (property) return expand(property);
			return typeof node.additionalProperties === 'object' ? expand(node.additionalProperties) : [];
		});
	}
	return nodes;
}

const REF = /^id of (?:the|an?|another) (?:regulatory )?(\w+)/;
const KINDS: Record<string, keyof Omit<DraftCatalog, 'options'> | 'options'> = {
	team: 'teams',
	phase: 'phases',
	inject: 'injects',
	decision: 'decisions',
	clock: 'clocks',
	objective: 'objectives',
	source: 'sources',
	option: 'options'
};

function typeWords(node: SchemaNode): string {
	const types = expand(node).flatMap((n) =>
		n.const !== undefined
			? [JSON.stringify(n.const)]
			: n.enum
				? ['one of a list']
				: n.type
					? [n.type].flat()
					: []
	);
	return [...new Set(types)].join(' or ');
}

function references(nodes: SchemaNode[], catalog: DraftCatalog): Suggestion[] {
	const kind = nodes.map((n) => REF.exec(n.description ?? '')?.[1]).find((k) => k && KINDS[k]);
	if (!kind) return [];
	const entries =
		KINDS[kind] === 'options'
			? Object.entries(catalog.options).flatMap(([decision, options]) =>
					options.map((o) => ({ ...o, label: `${o.label} (${decision})` }))
				)
			: catalog[KINDS[kind] as keyof Omit<DraftCatalog, 'options'>];
	return entries.map((entry) => ({
		label: entry.id,
		kind: 'reference',
		detail: entry.label,
		apply: entry.id
	}));
}

function values(nodes: SchemaNode[], catalog: DraftCatalog): Suggestion[] {
	const out: Suggestion[] = [];
	for (const node of nodes) {
		if (node.const !== undefined)
			out.push({ label: String(node.const), kind: 'value', apply: String(node.const) });
		for (const value of node.enum ?? [])
			out.push({ label: String(value), kind: 'value', apply: String(value) });
		if (node.type === 'boolean')
			out.push(...['true', 'false'].map((v) => ({ label: v, kind: 'value' as const, apply: v })));
	}
	out.push(...references(nodes, catalog));
	const seen = new Set<string>();
	return out.filter((s) => !seen.has(s.label) && Boolean(seen.add(s.label)));
}

/** What may be written at the cursor. */
export function suggestionsAt(root: SchemaNode, place: CursorPlace, catalog: DraftCatalog): Suggestion[] {
	if (place.position === 'key') {
		const seen = new Set(place.siblings);
		const out: Suggestion[] = [];
		for (const node of schemaAt(root, place.path))
			for (const [key, property] of Object.entries(node.properties ?? {})) {
				if (seen.has(key) || key === '$schema') continue;
				seen.add(key);
				out.push({
					label: key,
					kind: 'property',
					detail: typeWords(property),
					info: property.description,
					apply: `${key}: `
				});
			}
		return out;
	}
	if (place.position === 'item') return values(schemaAt(root, [...place.path, 0]), catalog);
	return values(schemaAt(root, [...place.path, place.key!]), catalog);
}
