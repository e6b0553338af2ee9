/**
 * Writing observations after (or during) the exercise: each is a `note.add` input in the exercise's log, sent
 * through the exercise's own queue like any other command, so it is replayed and exported with the rest.
 */
import { randomUUID } from 'node:crypto';
import type { HostRegistry } from '../exercise/host-registry';
import { fault } from '../errors';
import { OBSERVATION_KINDS, observationText, type ObservationKind } from './review-observations';
import type { Facilitator } from './sessions';

const MAX_TEXT = 4000;

/** An observation as the review form sends it. */
export interface ObservationForm {
	kind: string;
	text: string;
	objectiveId?: string;
	teamId?: string;
}

/** Adds tagged notes to an exercise's log. */
export class ReviewNotes {
	constructor(private readonly hosts: HostRegistry) {}

	/** Records an observation (strength, area for improvement, root cause or hot-wash note). */
	async add(f: Facilitator, exerciseId: string, form: ObservationForm): Promise<void> {
		const host = await this.hosts.get(exerciseId);
		const kind = form.kind as Exclude<ObservationKind, 'general'>;
		if (!OBSERVATION_KINDS.includes(kind)) {
			fault(
				'form/invalid',
				`Choose what the observation is (${OBSERVATION_KINDS.join(', ')}); got "${form.kind}".`
			);
		}
		const text = form.text.trim();
		if (!text) fault('form/invalid', 'Write the observation before saving it.');
		if (text.length > MAX_TEXT) fault('form/invalid', `Keep an observation under ${MAX_TEXT} characters.`);
		const objectiveId = form.objectiveId || undefined;
		const teamId = form.teamId || undefined;
		if (objectiveId && !host.scenario.objectives.some((o) => o.id === objectiveId)) {
			fault('form/invalid', `The scenario has no objective "${objectiveId}".`);
		}
		if (teamId && !host.state.config.teams.includes(teamId)) {
			fault('team/not_in_exercise', `There is no team "${teamId}" in this exercise.`);
		}
		await host.submit(
			{ role: 'facilitator', userId: f.userId, name: f.name },
			{
				type: 'note.add',
				noteId: `note-${randomUUID()}`,
				text: observationText(kind, text),
				objectiveId,
				teamId
			},
			`review-note-${randomUUID()}`
		);
	}
}
