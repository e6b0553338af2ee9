import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appendIn, deleteIn, getIn, setIn, YamlEditError } from './yaml-edit';

const sample = `# A scenario with comments that must survive edits.
id: mini   # the id
title: 'Mini drill'
teams:
  - { id: soc, name: SOC }   # first team
  - id: legal
    name: Legal
injects:
  - id: alert
    title: Alert
    trigger: { at: 30m }
    body: |
      First line.

      Second paragraph.
    decision:
      prompt: Now what?
      options:
        - { id: a, label: Act, points: 2 }
        - { id: b, label: Wait }
  # the next inject waits for the first
  - id: later
    title: Later
    trigger: manual
    body: Short.
`;

/** The lines of `after` that differ from `before`'s, by position, when the line count is unchanged. */
function changedLines(before: string, after: string): string[] {
	const a = before.split('\n');
	const b = after.split('\n');
	expect(b.length).toBe(a.length);
	return b.filter((line, i) => line !== a[i]);
}

describe('setIn', () => {
	it('replaces a plain value in place and keeps every other line', () => {
		const out = setIn(sample, ['injects', 1, 'title'], 'Much later');
		expect(changedLines(sample, out)).toEqual(['    title: Much later']);
	});

	it('keeps the quoting style of the value it replaces and the comment after it', () => {
		expect(changedLines(sample, setIn(sample, ['title'], 'Maxi drill'))).toEqual(["title: 'Maxi drill'"]);
		expect(changedLines(sample, setIn(sample, ['id'], 'maxi'))).toEqual(['id: maxi   # the id']);
	});

	it('edits a value inside a flow map without touching the comment after it', () => {
		const out = setIn(sample, ['teams', 0, 'name'], 'Security operations');
		expect(changedLines(sample, out)).toEqual(['  - { id: soc, name: Security operations }   # first team']);
	});

	it('quotes text that a flow map would otherwise cut at a comma', () => {
		const out = setIn(sample, ['injects', 0, 'decision', 'options', 1, 'label'], 'Wait, then act');
		expect(parse(out).injects[0].decision.options[1].label).toBe('Wait, then act');
	});

	it('rewrites a block literal body as a block literal at the same indentation', () => {
		const out = setIn(sample, ['injects', 0, 'body'], 'One line.\n\nTwo lines.\n');
		expect(out).toContain('    body: |\n      One line.\n\n      Two lines.\n    decision:');
		expect(parse(out).injects[0].body).toBe('One line.\n\nTwo lines.\n');
	});

	it('turns one-line text into a block literal when it gains a line break', () => {
		const out = setIn(sample, ['injects', 1, 'body'], 'Short.\nAnd more.');
		expect(parse(out).injects[1].body).toBe('Short.\nAnd more.');
		expect(out).toContain('    body: |-\n      Short.\n      And more.\n');
	});

	it('replaces a whole trigger, from a word to a flow map', () => {
		const out = setIn(sample, ['injects', 1, 'trigger'], { after: 'alert', delay: '10m' });
		expect(changedLines(sample, out)).toEqual(['    trigger: { after: alert, delay: 10m }']);
	});

	it('adds a missing key as one new line at the mapping indentation', () => {
		const out = setIn(sample, ['injects', 1, 'from'], 'Duty manager');
		expect(out.split('\n').length).toBe(sample.split('\n').length + 1);
		expect(out).toContain('    body: Short.\n    from: Duty manager\n');
		expect(parse(out).injects[1].from).toBe('Duty manager');
	});

	it('adds a key to a flow map inside its braces', () => {
		const out = setIn(sample, ['injects', 0, 'trigger', 'delay'], '5m');
		expect(out).toContain('trigger: { at: 30m, delay: 5m }');
	});

	it('adds a nested mapping as a block under the key', () => {
		const out = setIn(sample, ['injects', 1, 'decision', 'prompt'], 'Decide.');
		expect(parse(out).injects[1].decision).toEqual({ prompt: 'Decide.' });
		expect(out).toContain('    decision:\n      prompt: Decide.\n');
	});

	it('changes a number and keeps the file otherwise byte for byte', () => {
		const out = setIn(sample, ['injects', 0, 'decision', 'options', 0, 'points'], 5);
		expect(changedLines(sample, out)).toEqual(['        - { id: a, label: Act, points: 5 }']);
	});

	it('refuses to edit text that does not parse', () => {
		expect(() => setIn('a: [unclosed\n', ['a'], 1)).toThrow(YamlEditError);
	});
});

describe('appendIn and deleteIn', () => {
	it('appends a list item in the style of the items before it', () => {
		const out = appendIn(sample, ['injects', 0, 'decision', 'options'], {
			id: 'c',
			label: 'Escalate',
			points: 1
		});
		expect(out).toContain(
			'        - { id: b, label: Wait }\n        - { id: c, label: Escalate, points: 1 }\n'
		);
	});

	it('removes a key with its line, and a list item with its lines', () => {
		const noBody = deleteIn(sample, ['injects', 1, 'body']);
		expect(parse(noBody).injects[1].body).toBeUndefined();
		expect(noBody.split('\n').length).toBe(sample.split('\n').length - 1);
		const oneOption = deleteIn(sample, ['injects', 0, 'decision', 'options', 1]);
		expect(parse(oneOption).injects[0].decision.options).toEqual([{ id: 'a', label: 'Act', points: 2 }]);
		expect(oneOption).toContain('# the next inject waits for the first');
	});

	it('removes a key from a flow map by rewriting only that map', () => {
		const out = deleteIn(sample, ['injects', 0, 'decision', 'options', 0, 'points']);
		expect(out).toContain('        - { id: a, label: Act }\n');
	});

	it('reads values back as plain data', () => {
		expect(getIn(sample, ['injects', 0, 'trigger'])).toEqual({ at: '30m' });
		expect(getIn(sample, ['injects', 9])).toBeUndefined();
	});
});

describe('on the flagship scenario', () => {
	const flagship = readFileSync('scenarios/salt-typhoon.yaml', 'utf8');

	it('edits an inject title and leaves the other 2,000-odd lines alone', () => {
		const out = setIn(flagship, ['injects', 2, 'title'], 'Renamed by the form');
		expect(changedLines(flagship, out)).toHaveLength(1);
		expect(parse(out).injects[2].title).toBe('Renamed by the form');
	});
});
