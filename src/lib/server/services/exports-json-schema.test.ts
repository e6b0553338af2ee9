import { describe, expect, it } from 'vitest';
import { schemaErrors, type JsonSchema } from './exports-json-schema';

const schema: JsonSchema = {
	type: 'object',
	properties: { seq: { type: 'integer', minimum: 1 }, command: { $ref: '#/$defs/command' } },
	required: ['seq', 'command'],
	additionalProperties: false,
	$defs: {
		command: {
			oneOf: [
				{ type: 'object', properties: { type: { const: 'a' } }, required: ['type'] },
				{
					type: 'object',
					properties: { type: { const: 'b' }, id: { type: 'string' } },
					required: ['type', 'id']
				}
			]
		}
	}
};

describe('export schema checker', () => {
	it('accepts a document that conforms', () => {
		expect(schemaErrors(schema, { seq: 1, command: { type: 'b', id: 'x' } })).toEqual([]);
	});
	it('names the path and the expected type of a wrong value', () => {
		expect(schemaErrors(schema, { seq: 1.5, command: { type: 'a' } })).toEqual([
			'$.seq: expected integer, got number'
		]);
	});
	it('reports missing and unexpected properties', () => {
		expect(schemaErrors(schema, { command: { type: 'a' }, extra: true })).toEqual([
			'$: missing "seq"',
			'$: unexpected property "extra"'
		]);
	});
	it('requires exactly one oneOf branch reached through a $ref', () => {
		expect(schemaErrors(schema, { seq: 2, command: { type: 'c' } })).toEqual([
			'$.command: matches 0 of oneOf, expected exactly 1'
		]);
	});
});
