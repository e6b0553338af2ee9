import { describe, expect, it } from 'vitest';
import { readParticipantForm, readStaffForm, WAIT_FOR_PLACEMENT } from './join-form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

describe('join forms', () => {
	it('asks for a name when it is blank', () => {
		expect(readParticipantForm(form({ name: '  ', teamId: 'soc' }), ['soc'])).toMatchObject({
			field: 'name'
		});
	});

	it('names the length of an over-long name', () => {
		const result = readParticipantForm(form({ name: 'x'.repeat(61), teamId: 'soc' }), ['soc']);
		expect(result).toEqual({ field: 'name', message: 'Your name is 61 characters; keep it to 60.' });
	});

	it('asks for a team when none is chosen', () => {
		expect(readParticipantForm(form({ name: 'Ana' }), ['soc'])).toMatchObject({ field: 'teamId' });
	});

	it('refuses a team that is not in the exercise', () => {
		expect(readParticipantForm(form({ name: 'Ana', teamId: 'legal' }), ['soc'])).toMatchObject({
			field: 'teamId'
		});
	});

	it('returns the trimmed name and team of a valid participant form', () => {
		expect(readParticipantForm(form({ name: ' Ana ', teamId: 'soc' }), ['soc'])).toEqual({
			name: 'Ana',
			teamId: 'soc'
		});
	});

	it('reads "let the facilitator place me" as no team', () => {
		expect(readParticipantForm(form({ name: 'Kai', teamId: WAIT_FOR_PLACEMENT }), ['soc'])).toEqual({
			name: 'Kai',
			teamId: null
		});
	});

	it('accepts only observer or evaluator as a staff role', () => {
		expect(readStaffForm(form({ name: 'Bo', role: 'facilitator' }))).toMatchObject({ field: 'role' });
		expect(readStaffForm(form({ name: 'Bo', role: 'evaluator' }))).toEqual({ name: 'Bo', role: 'evaluator' });
	});
});
