import { describe, expect, it } from 'vitest';
import { fillVariables, firstParagraph } from './template';

const variables = {
	org: { label: 'Organisation name', default: 'Northwind Telecom' },
	ukco: { label: 'UK subsidiary', default: '' }
};

describe('fillVariables', () => {
	it('fills a variable with its default, spaces inside the braces allowed', () => {
		expect(fillVariables('A ticket at {{ org }} shows', variables)).toBe(
			'A ticket at Northwind Telecom shows'
		);
	});
	it('shows the label in brackets when there is no default', () => {
		expect(fillVariables('through {{ukco}}', variables)).toBe('through [UK subsidiary]');
	});
	it('leaves unknown variables as written', () => {
		expect(fillVariables('{{city}}', variables)).toBe('{{city}}');
	});
});

describe('firstParagraph', () => {
	it('stops at the first blank line', () => {
		expect(firstParagraph('One\nline two\n\nSecond para')).toBe('One\nline two');
	});
});
