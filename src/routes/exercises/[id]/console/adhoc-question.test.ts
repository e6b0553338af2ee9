import { describe, expect, it } from 'vitest';
import { buildAdhocQuestion } from './adhoc-question';

function form(entries: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) for (const one of [v].flat()) data.append(k, one);
	return data;
}

describe('buildAdhocQuestion', () => {
	it('asks nothing unless "Ask for a decision" is ticked', () => {
		expect(buildAdhocQuestion(form({ questionPrompt: 'Ignored' }))).toEqual({ question: null });
	});

	it('reads a question with options, a deadline and reasoning', () => {
		const data = form({
			ask: 'on',
			questionPrompt: ' Take the router offline? ',
			questionKind: 'options',
			questionOption: [' Offline now ', 'Keep it up'],
			questionDeadline: '30',
			questionJustify: 'on'
		});
		expect(buildAdhocQuestion(data)).toEqual({
			question: {
				prompt: 'Take the router offline?',
				options: ['Offline now', 'Keep it up'],
				deadlineMinutes: 30,
				justify: true
			}
		});
	});

	it('reads a free-text question without options or reasoning', () => {
		const data = form({
			ask: 'on',
			questionPrompt: 'What do you tell the press?',
			questionKind: 'text',
			questionOption: ['left over', ''],
			questionJustify: 'on'
		});
		expect(buildAdhocQuestion(data)).toEqual({ question: { prompt: 'What do you tell the press?' } });
	});

	it('names each wrong field beside it', () => {
		const data = form({
			ask: 'on',
			questionPrompt: '  ',
			questionKind: 'options',
			questionOption: ['Yes', '', 'yes'],
			questionDeadline: '2.5'
		});
		expect(buildAdhocQuestion(data)).toEqual({
			errors: {
				prompt: 'Write the question the teams answer.',
				option: {
					1: 'Give option 2 a label, or remove it.',
					2: 'Option 3 reads the same as option 1: make each one different.'
				},
				deadline: 'Enter a whole number of minutes from 1 to 43200, or leave it empty.'
			}
		});
	});

	it('refuses fewer than two or more than six options', () => {
		const one = buildAdhocQuestion(form({ ask: 'on', questionPrompt: 'Q', questionOption: ['Only'] }));
		expect(one).toEqual({ errors: { options: 'Give 2 to 6 options, or choose free text.' } });
		const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
		expect(buildAdhocQuestion(form({ ask: 'on', questionPrompt: 'Q', questionOption: seven }))).toEqual({
			errors: { options: 'Give 2 to 6 options, or choose free text.' }
		});
	});
});
