/**
 * Shape checking: runs the zod schema and words its issues for scenario authors. When the file is not valid
 * as a whole, each collection element is parsed on its own so the later checks still see the valid parts.
 */
import type { z } from 'zod';
import type { Path } from './source-map';
import {
	collections,
	conditionForms,
	guardForms,
	scenarioSchema,
	triggerForms,
	type RawScenario
} from './schema';
import { didYouMean } from './suggest';

/** A problem before its line is known. */
export interface Finding {
	path: Path;
	message: string;
	/** A writing rule that does not change how the scenario runs (skipped for stored copies). */
	authoring?: boolean;
}

type Collections = {
	-readonly [K in keyof typeof collections]: (z.output<(typeof collections)[K]> | null)[];
};

/** What the cross-reference and flow checks work on: valid elements, with null where an element is broken. */
export interface Draft extends Collections {
	variables: RawScenario['variables'];
	/** Ids written in broken elements: references to them are not reported again. */
	brokenIds: Set<string>;
	/** Collections absent or not a list: references into them are not checked. */
	missing: Set<keyof typeof collections>;
	/** The file content as read, for checks that look at every text. */
	value: unknown;
	/** The fully parsed scenario, when the shape is valid. */
	scenario?: RawScenario;
}

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a mapping',
	record: 'a mapping'
};

function describe(input: unknown): string {
	if (input === null) return 'nothing (null)';
	if (Array.isArray(input)) return 'a list';
	if (typeof input === 'object') return 'a mapping';
	if (typeof input === 'string') return `"${input}"`;
	return `${typeof input === 'number' ? 'the number' : typeof input} ${String(input)}`;
}

const isDefaultMessage = (message: string) => /^(Invalid|Too (small|big)|Unrecognized)/.test(message);
const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keyed unions (triggers, clock conditions) explained by the key the author used. */
function keyedUnion(
	path: Path
): { forms: Record<string, z.ZodType>; what: string; allowString?: string } | null {
	const last = path.at(-1);
	const parent = path.at(-2);
	if (last === 'trigger') return { forms: triggerForms, what: 'trigger', allowString: 'manual' };
	if (last === 'starts' || last === 'on' || parent === 'stops' || parent === 'breaches')
		return { forms: conditionForms, what: 'clock condition' };
	if (parent === 'requires') return { forms: guardForms, what: 'guard' };
	return null;
}

function explainKeyedUnion(issue: Issue, input: unknown): Finding[] | null {
	const union = keyedUnion(issue.path as Path);
	if (!union) return null;
	const path = issue.path as Path;
	const keys = Object.keys(union.forms);
	const forms = keys.join(', ');
	if (!isObject(input)) {
		const plain = union.allowString ? `"${union.allowString}" or ` : '';
		return [
			{
				path,
				message: `${describe(input)} is not a ${union.what}: write ${plain}a mapping with one of ${forms}`
			}
		];
	}
	const present = keys.filter((key) => key in input);
	if (present.length === 0) {
		const first = Object.keys(input)[0] ?? '';
		return [
			{ path, message: `a ${union.what} needs one of ${forms}${first ? didYouMean(first, keys) : ''}` }
		];
	}
	if (present.length > 1)
		return [
			{ path, message: `a ${union.what} takes exactly one form, but this one has ${present.join(' and ')}` }
		];
	const branch = union.forms[present[0]].safeParse(input, { reportInput: true });
	return branch.success
		? []
		: branch.error.issues.flatMap((inner) => explain({ ...inner, path: [...path, ...inner.path] }));
}

/** Field names the schema knows, for "did you mean" on unknown fields. */
let knownFields: Set<string> | undefined;
function fieldNames(): Set<string> {
	if (knownFields) return knownFields;
	const names = new Set<string>();
	const visit = (node: unknown) => {
		if (Array.isArray(node)) node.forEach(visit);
		else if (isObject(node)) {
			if (isObject(node.properties)) Object.keys(node.properties).forEach((key) => names.add(key));
			Object.values(node).forEach(visit);
		}
	};
	visit(scenarioSchema.toJSONSchema({ io: 'input' }));
	knownFields = names;
	return names;
}

function explain(issue: Issue): Finding[] {
	const path = issue.path as Path;
	const input = issue.input;
	const custom = !isDefaultMessage(issue.message);
	switch (issue.code) {
		case 'invalid_type':
			if (input === undefined)
				return [{ path, message: `required field "${String(path.at(-1) ?? '')}" is missing` }];
			if (custom) return [{ path, message: `${describe(input)} ${issue.message}` }];
			if (issue.expected === 'string' && isObject(input) && Object.keys(input).length === 1)
				return [
					{
						path,
						message: `expected text, found a mapping: if this is text that contains ": " (a colon and a space), put it in quotes`
					}
				];
			return [
				{ path, message: `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${describe(input)}` }
			];
		case 'invalid_format':
			return [{ path, message: `${describe(input)} ${custom ? issue.message : 'has the wrong format'}` }];
		case 'invalid_value': {
			const allowed = issue.values.map(String);
			const hint = typeof input === 'string' ? didYouMean(input, allowed) : '';
			return [{ path, message: `${describe(input)} is not one of: ${allowed.join(', ')}${hint}` }];
		}
		case 'unrecognized_keys':
			return issue.keys.map((key) => {
				const hint = didYouMean(key, fieldNames());
				// `{ label: Shut down, now }` yields a field "now" with no value: a comma ended the text early.
				const valueless = isObject(input) && input[key] === null;
				return {
					path: [...path, key],
					message:
						/\s/.test(key) || valueless
							? `unknown field "${key}"${valueless ? ' with no value' : ''}: inside { ... } a comma ends the value, so quote text that contains commas`
							: `unknown field "${key}"${hint}`
				};
			});
		case 'too_small':
			if (issue.origin === 'array')
				return [{ path, message: `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}` }];
			if (issue.origin === 'string') return [{ path, message: 'must not be empty' }];
			return [
				{
					path,
					message: `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, found ${String(input)}`
				}
			];
		case 'too_big':
			return [{ path, message: `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}` }];
		case 'invalid_union': {
			if ('discriminator' in issue && issue.discriminator) {
				const value = isObject(input) ? input[issue.discriminator] : undefined;
				const allowed = ((issue as { options?: unknown[] }).options ?? []).map(String);
				const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
				return [
					{
						path,
						message: `${describe(value)} is not a known ${issue.discriminator}; use one of: ${allowed.join(', ')}${hint}`
					}
				];
			}
			const keyed = explainKeyedUnion(issue, input);
			if (keyed) return keyed;
			if (path.at(-1) === 'to')
				return [{ path, message: `must be "all" or a list of team ids, found ${describe(input)}` }];
			const branches = issue.errors.filter(
				(errors) => !errors.every((e) => e.code === 'invalid_type' && e.path.length === 0)
			);
			if (branches.length > 0)
				return branches[0].flatMap((inner) => explain({ ...inner, path: [...path, ...inner.path] }));
			const expected = issue.errors.flatMap((errors) =>
				errors.map((e) => (e.code === 'invalid_type' ? (EXPECTED[e.expected] ?? e.expected) : ''))
			);
			return [
				{
					path,
					message: `expected ${[...new Set(expected.filter(Boolean))].join(' or ')}, found ${describe(input)}`
				}
			];
		}
		default:
			return [{ path, message: issue.message }];
	}
}

function collectIds(value: unknown, into: Set<string>): void {
	if (Array.isArray(value)) value.forEach((item) => collectIds(item, into));
	else if (isObject(value))
		for (const [key, inner] of Object.entries(value)) {
			if (key === 'id' && typeof inner === 'string') into.add(inner);
			else collectIds(inner, into);
		}
}

/** Checks the shape of a file's content; returns the findings and the draft the other checks work on. */
export function checkShape(value: unknown): { findings: Finding[]; draft: Draft } {
	const parsed = scenarioSchema.safeParse(value, { reportInput: true });
	if (parsed.success)
		return {
			findings: [],
			draft: { ...parsed.data, brokenIds: new Set(), missing: new Set(), value, scenario: parsed.data }
		};
	const findings = parsed.error.issues.flatMap(explain);
	if (!isObject(value)) {
		const draft = emptyDraft(value);
		for (const key of Object.keys(collections) as (keyof typeof collections)[]) draft.missing.add(key);
		return {
			findings: [
				{ path: [], message: 'a scenario file must be a mapping of fields (id, title, teams, injects, ...)' }
			],
			draft
		};
	}
	const draft = emptyDraft(value);
	for (const key of Object.keys(collections) as (keyof typeof collections)[]) {
		const items = value[key];
		if (!Array.isArray(items)) {
			if (items !== undefined || !isOptional(key)) draft.missing.add(key);
			continue;
		}
		draft[key] = items.map((item) => {
			const element = collections[key].safeParse(item);
			if (element.success) return element.data;
			collectIds(item, draft.brokenIds);
			if (key === 'injects' && isObject(item) && typeof item.id === 'string' && isObject(item.decision))
				draft.brokenIds.add(item.id);
			return null;
		}) as never;
	}
	const variables = scenarioSchema.shape.variables.safeParse(value.variables);
	if (variables.success) draft.variables = variables.data;
	else if (isObject(value.variables))
		Object.keys(value.variables).forEach((name) => draft.brokenIds.add(name));
	return { findings, draft };
}

const isOptional = (key: keyof typeof collections) => scenarioSchema.shape[key].safeParse(undefined).success;

function emptyDraft(value: unknown): Draft {
	const draft = {
		sources: [],
		objectives: [],
		teams: [],
		phases: [],
		injects: [],
		clocks: [],
		personas: [],
		approvals: [],
		reactions: [],
		messageRubrics: [],
		variables: {}
	};
	return { ...draft, brokenIds: new Set(), missing: new Set(), value };
}
