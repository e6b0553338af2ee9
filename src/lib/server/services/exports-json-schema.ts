/**
 * A small JSON Schema (2020-12 subset) checker for the export schemas published in docs/: type, enum, const,
 * properties, required, additionalProperties, items, anyOf, oneOf, minimum, maximum, minLength, pattern and
 * local $ref to #/$defs. Enough to prove an export matches its documented shape without adding a package.
 */

/** A JSON Schema node, as far as this checker reads it. */
export interface JsonSchema {
	$ref?: string;
	$defs?: Record<string, JsonSchema>;
	type?: string | string[];
	enum?: unknown[];
	const?: unknown;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	minimum?: number;
	maximum?: number;
	minLength?: number;
	pattern?: string;
	[key: string]: unknown;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

function hasType(value: unknown, type: string): boolean {
	if (type === 'integer') return Number.isInteger(value);
	if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
	return typeOf(value) === type;
}

function resolve(root: JsonSchema, ref: string): JsonSchema {
	const m = /^#\/\$defs\/(.+)$/.exec(ref);
	const target = m ? root.$defs?.[m[1]] : undefined;
	if (!target) throw new Error(`Unsupported or unknown $ref "${ref}"`);
	return target;
}

function check(root: JsonSchema, schema: JsonSchema, value: unknown, path: string, out: string[]): void {
	if (schema.$ref) return check(root, resolve(root, schema.$ref), value, path, out);
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		if (!types.some((t) => hasType(value, t))) {
			out.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`);
			return;
		}
	}
	if (schema.enum && !schema.enum.some((e) => e === value)) {
		out.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
	}
	if ('const' in schema && schema.const !== value) {
		out.push(`${path}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
	}
	if (typeof value === 'number') {
		if (schema.minimum !== undefined && value < schema.minimum) out.push(`${path}: below ${schema.minimum}`);
		if (schema.maximum !== undefined && value > schema.maximum) out.push(`${path}: above ${schema.maximum}`);
	}
	if (typeof value === 'string') {
		if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`${path}: too short`);
		if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
			out.push(`${path}: "${value}" does not match /${schema.pattern}/`);
		}
	}
	if (Array.isArray(value) && schema.items) {
		value.forEach((item, i) => check(root, schema.items!, item, `${path}[${i}]`, out));
	}
	if (typeOf(value) === 'object') {
		const obj = value as Record<string, unknown>;
		for (const key of schema.required ?? []) if (!(key in obj)) out.push(`${path}: missing "${key}"`);
		for (const [key, v] of Object.entries(obj)) {
			const sub = schema.properties?.[key];
			if (sub) check(root, sub, v, `${path}.${key}`, out);
			else if (schema.additionalProperties === false) out.push(`${path}: unexpected property "${key}"`);
			else if (typeof schema.additionalProperties === 'object') {
				check(root, schema.additionalProperties, v, `${path}.${key}`, out);
			}
		}
	}
	const branches = (list: JsonSchema[]) =>
		list.map((s) => {
			const errs: string[] = [];
			check(root, s, value, path, errs);
			return errs;
		});
	if (schema.anyOf) {
		const results = branches(schema.anyOf);
		if (!results.some((r) => r.length === 0))
			out.push(`${path}: matches none of anyOf (${results.map((r) => r[0]).join('; ')})`);
	}
	if (schema.oneOf) {
		const matched = branches(schema.oneOf).filter((r) => r.length === 0).length;
		if (matched !== 1) out.push(`${path}: matches ${matched} of oneOf, expected exactly 1`);
	}
}

/** Problems of `value` against `schema`, each naming its JSON path ("$" is the root); empty when it conforms. */
export function schemaErrors(schema: JsonSchema, value: unknown): string[] {
	const out: string[] = [];
	check(schema, schema, value, '$', out);
	return out;
}
