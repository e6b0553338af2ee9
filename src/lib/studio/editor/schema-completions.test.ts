import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cursorPlace } from './cursor-path';
import { suggestionsAt, type SchemaNode } from './schema-completions';
import type { DraftCatalog } from '../worker/protocol';

const schema = JSON.parse(readFileSync('scenarios/schema.json', 'utf8')) as SchemaNode;
const catalog: DraftCatalog = {
	teams: [
		{ id: 'soc', label: 'SOC' },
		{ id: 'legal', label: 'Legal' }
	],
	phases: [{ id: 'p1', label: 'Detection' }],
	injects: [{ id: 'alert', label: 'Alert' }],
	decisions: [{ id: 'd-alert', label: 'Now what?' }],
	clocks: [],
	objectives: [],
	sources: [],
	options: { 'd-alert': [{ id: 'act', label: 'Act' }] }
};
const labels = (text: string) => {
	const place = cursorPlace(text.replace('|', ''), text.indexOf('|'));
	return suggestionsAt(schema, place, catalog).map((s) => s.label);
};

describe('completions from scenarios/schema.json', () => {
	it('offers the keys an inject may still have', () => {
		const keys = labels('injects:\n  - id: a\n    title: A\n    |');
		expect(keys).toEqual(expect.arrayContaining(['phase', 'channel', 'trigger', 'body', 'decision', 'to']));
		expect(keys).not.toContain('id');
		expect(keys).not.toContain('title');
	});

	it('offers the values a field allows', () => {
		expect(labels('injects:\n  - id: a\n    channel: |')).toEqual(
			expect.arrayContaining(['email', 'news', 'regulator'])
		);
		expect(labels('injects:\n  - id: a\n    decision:\n      type: |')).toEqual(
			expect.arrayContaining(['single', 'multiple', 'text', 'numeric', 'ranking'])
		);
	});

	it("offers the draft's own ids where the schema says a field names one", () => {
		expect(labels('injects:\n  - id: a\n    phase: |')).toEqual(['p1']);
		expect(labels('injects:\n  - id: a\n    to: [|')).toEqual(['soc', 'legal']);
		expect(labels('injects:\n  - id: a\n    trigger: { after: |')).toEqual(['alert']);
		expect(labels('injects:\n  - id: a\n    trigger: { when: |')).toEqual(['d-alert']);
	});

	it('offers the trigger forms inside a trigger', () => {
		expect(labels('injects:\n  - id: a\n    trigger: { |')).toEqual(
			expect.arrayContaining(['at', 'after', 'when', 'unanswered', 'clockMissed'])
		);
	});
});
