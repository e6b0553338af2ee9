import { describe, expect, it } from 'vitest';
import { cursorPlace } from './cursor-path';

/** The place at the "|" in `text`. */
const at = (text: string) => cursorPlace(text.replace('|', ''), text.indexOf('|'));

const doc = `id: mini
teams:
  - { id: soc, name: SOC }
injects:
  - id: alert
    title: Alert
    trigger: { at: 30m }
  - id: next
    phase: p1
    cha|
    decision:
      type: single
`;

describe('cursorPlace', () => {
	it('finds a key being typed inside a list item, with the keys already there', () => {
		expect(at(doc)).toMatchObject({
			path: ['injects', 1],
			position: 'key',
			word: 'cha',
			siblings: expect.arrayContaining(['id', 'phase', 'decision'])
		});
	});

	it('finds a value after "key: " and the key it belongs to', () => {
		expect(at('injects:\n  - id: a\n    channel: em|\n')).toMatchObject({
			path: ['injects', 0],
			position: 'value',
			key: 'channel',
			word: 'em'
		});
		expect(at('injects:\n  - id: a\n  - id: b\n    decision:\n      type: si|\n')).toMatchObject({
			path: ['injects', 1, 'decision'],
			position: 'value',
			key: 'type'
		});
	});

	it('finds keys and values inside a flow map on the line', () => {
		expect(at('injects:\n  - id: a\n    trigger: { af|')).toMatchObject({
			path: ['injects', 0, 'trigger'],
			position: 'key',
			word: 'af'
		});
		expect(at('injects:\n  - id: a\n    trigger: { after: al|')).toMatchObject({
			path: ['injects', 0, 'trigger'],
			position: 'value',
			key: 'after',
			word: 'al'
		});
		expect(at('teams:\n  - { id: soc, na|')).toMatchObject({
			path: ['teams', 0],
			position: 'key',
			siblings: ['id']
		});
	});

	it('finds an item of a flow list', () => {
		expect(at('injects:\n  - id: a\n    to: [soc, le|')).toMatchObject({
			path: ['injects', 0, 'to'],
			position: 'item',
			word: 'le'
		});
	});

	it('finds a top-level key', () => {
		expect(at('id: x\nti|')).toMatchObject({ path: [], position: 'key', word: 'ti', siblings: ['id'] });
	});
});
