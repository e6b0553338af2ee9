import { describe, expect, it } from 'vitest';
import { observationText, readObservation } from './review-observations';

const note = (text: string) => ({ id: 'n1', text, scenarioAt: 0, at: 0 });

describe('observations read from notes', () => {
	it('files a prefixed note under its heading without the prefix', () => {
		expect(readObservation(note('Root cause: no runbook for CPNI notices'))).toMatchObject({
			kind: 'rootCause',
			body: 'no runbook for CPNI notices'
		});
	});
	it('accepts the short AFI prefix in any case', () => {
		expect(readObservation(note('afi:  slow escalation')).kind).toBe('improvement');
	});
	it('keeps an untagged note as a general observation', () => {
		expect(readObservation(note('Strong teamwork overall')).kind).toBe('general');
	});
	it('writes the prefix that reads back to the same kind', () => {
		expect(readObservation(note(observationText('strength', ' quick triage '))).body).toBe('quick triage');
	});
});
