import { describe, expect, it } from 'vitest';
import { debriefNotice } from './debrief-settings';

const none = { rationale: false, modelAnswers: false, otherTeams: false };

describe('debriefNotice', () => {
	it('says what teams see after the end', () => {
		expect(debriefNotice(none, 'ended')).toBe('Teams now see their own score.');
		expect(debriefNotice({ ...none, modelAnswers: true, otherTeams: true }, 'ended')).toBe(
			'Teams now see their own score, model answers and other teams’ results.'
		);
	});
	it('speaks of the end when it has not come yet', () => {
		expect(debriefNotice({ ...none, rationale: true }, 'hotwash')).toBe(
			'Once the exercise ends, teams will see their own score and why each answer earned its points.'
		);
	});
});
