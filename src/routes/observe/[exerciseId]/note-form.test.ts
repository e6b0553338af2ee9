import { describe, expect, it } from 'vitest';
import { buildNote, buildRubricMark } from './note-form';

describe('buildNote', () => {
	it('refuses a blank note', () => {
		expect(buildNote({ text: '  ', teamId: '', objectiveId: '' })).toEqual({
			error: 'Write the note before adding it.'
		});
	});

	it('ties the note to a team and objective only when chosen', () => {
		expect(buildNote({ text: ' Slow to escalate ', teamId: 'soc', objectiveId: '' })).toEqual({
			command: { type: 'note.add', text: 'Slow to escalate', teamId: 'soc' }
		});
	});

	it('names the length of an over-long note', () => {
		expect(buildNote({ text: 'x'.repeat(8001), teamId: '', objectiveId: '' })).toEqual({
			error: 'The note is 8001 characters; the limit is 8000.'
		});
	});
});

describe('buildRubricMark', () => {
	const criteria = [
		{ id: 'scope', label: 'Scopes the compromise' },
		{ id: 'notify', label: 'Notifies counsel' }
	];

	it('lists the criteria still unmarked', () => {
		expect(buildRubricMark('d1', 'soc', criteria, { scope: 1 }, '')).toEqual({
			error: 'Mark every criterion first; still open: Notifies counsel.'
		});
	});

	it('builds the command with partial credit and the evaluator note', () => {
		expect(buildRubricMark('d1', 'soc', criteria, { scope: 1, notify: 0.5 }, ' good ')).toEqual({
			command: {
				type: 'rubric.mark',
				decisionId: 'd1',
				teamId: 'soc',
				marks: { scope: 1, notify: 0.5 },
				note: 'good'
			}
		});
	});

	it('refuses a mark outside 0..1', () => {
		expect(buildRubricMark('d1', 'soc', criteria, { scope: 2, notify: 0 }, '')).toHaveProperty('error');
	});
});
