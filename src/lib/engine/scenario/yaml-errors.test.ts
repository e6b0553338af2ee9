import { describe, expect, it } from 'vitest';
import { readSource } from './source-map';

const errorsOf = (text: string) =>
	readSource(text).syntaxErrors.map(
		({ line, message }) => `${line}: ${message.replace('YAML syntax error: ', '')}`
	);

describe('YAML syntax errors', () => {
	it.each([
		[
			'": " in plain text',
			'id: x\ntitle: Alert: router down\n',
			'2: this line reads as a field inside a field'
		],
		[
			'": " inside { ... }',
			'teams:\n  - { id: soc, name: SOC: the team }\n',
			'2: this line reads as a field inside a field'
		],
		['a tab', 'id: x\nteams:\n\t- id: soc\n', '3: a tab is used for indentation'],
		[
			'an unclosed "',
			'id: x\ntitle: "Alert\nbody: ok\nmore: yes\n',
			'2: the " that opens this text is never closed'
		],
		["an unclosed '", "id: x\ntitle: 'Alert\nbody: ok\n", "2: the ' that opens this text is never closed"],
		['text after a closing quote', 'title: "He said "hi""\n', '1: text continues after a closing quote'],
		['an unclosed [', 'id: x\ntags: [a, b\nbody: ok\n', '2: the [ on this line is never closed with ]'],
		[
			'an unclosed {',
			'id: x\nteam: { id: a, name: b\nbody: ok\n',
			'2: the { on this line is never closed with }'
		],
		['a stray ]', 'id: x\ntags: [a, b]]\nbody: ok\n', '2: a ] without a matching opening bracket'],
		['a field written twice', 'id: x\nid: y\n', '2: the field "id" is written twice in the same mapping'],
		[
			'a misaligned list item',
			'id: x\nteams:\n  - id: soc\n   name: x\n',
			'4: sequence item without - indicator'
		],
		['text starting with `', 'title: `code`\n', '1: text cannot start with `']
	])('explains %s on the line of the mistake', (_, text, expected) => {
		const errors = errorsOf(text);
		expect(errors).toHaveLength(1);
		expect(errors[0].startsWith(expected), errors[0]).toBe(true);
	});

	it('reports an unclosed quote where it opens, however far the parser read on', () => {
		const text = 'a: 1\ninjects:\n  - id: x\n    title: "Alert\n    body: text\n  - id: y\n    title: ok\n';
		expect(errorsOf(text)).toEqual([
			`4: the " that opens this text is never closed; close it at the end of the text (for a " inside the text, use ' outside instead)`
		]);
	});
});
