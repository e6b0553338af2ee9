/**
 * Writes an imported scenario as YAML in the house style of the shipped scenarios: block mappings for injects,
 * one-line flow maps for teams, phases, triggers, options and rubric criteria, block literals for multi-line text,
 * and a comment at the top saying where it came from.
 */
import { Document, isMap, isSeq, type Node as YamlNode } from 'yaml';

/** Paths (with * for any list index) whose values are written on one line. */
const FLOW = [
	'teams.*',
	'phases.*',
	'objectives.*',
	'injects.*.trigger',
	'injects.*.to',
	'injects.*.decision.options.*',
	'injects.*.decision.rubric.*',
	'injects.*.decision.objectives'
];

function matches(pattern: string, path: string[]): boolean {
	const parts = pattern.split('.');
	return parts.length === path.length && parts.every((part, i) => part === '*' || part === path[i]);
}

function hasLineBreak(node: unknown): boolean {
	return JSON.stringify((node as { toJSON(): unknown }).toJSON()).includes('\\n');
}

function markFlow(node: unknown, path: string[]): void {
	if (!isMap(node) && !isSeq(node)) return;
	if (FLOW.some((pattern) => matches(pattern, path)) && !hasLineBreak(node)) {
		(node as YamlNode & { flow?: boolean }).flow = true;
		return;
	}
	if (isMap(node))
		for (const pair of node.items)
			markFlow(pair.value, [...path, String((pair.key as { value: unknown }).value)]);
	else node.items.forEach((item, i) => markFlow(item, [...path, String(i)]));
}

/** The scenario object as YAML text, with `comment` (one or more lines) at the top. */
export function scenarioYaml(scenario: Record<string, unknown>, comment: string): string {
	const doc = new Document(scenario);
	markFlow(doc.contents, []);
	doc.commentBefore = comment
		.split('\n')
		.map((line) => ` ${line}`)
		.join('\n');
	return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
