/**
 * The words of the debrief control: what each setting adds to a team's screen after EndEx, and the confirmation
 * once the facilitator has changed them. The engine (src/lib/engine/debrief.ts) decides what is sent.
 */
import type { DebriefSettings, Lifecycle } from '$lib/engine/types';

/** One setting, as the console offers it. */
export interface DebriefChoice {
	key: keyof DebriefSettings;
	label: string;
	hint: string;
}

export const DEBRIEF_CHOICES: readonly DebriefChoice[] = [
	{
		key: 'rationale',
		label: 'Why each answer earned its points',
		hint: 'The scenario’s reasoning beside each entry of the team’s own score.'
	},
	{
		key: 'modelAnswers',
		label: 'Model answers',
		hint: 'The best answer to every decision the team received.'
	},
	{
		key: 'otherTeams',
		label: 'Other teams’ results',
		hint: 'Their names, totals and objective ratings; never their answers.'
	}
];

/** "Teams now see their own score, model answers and other teams' results." */
export function debriefNotice(settings: DebriefSettings, lifecycle: Lifecycle): string {
	const parts = ['their own score'];
	if (settings.rationale) parts.push('why each answer earned its points');
	if (settings.modelAnswers) parts.push('model answers');
	if (settings.otherTeams) parts.push('other teams’ results');
	const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
	return lifecycle === 'ended' ? `Teams now see ${list}.` : `Once the exercise ends, teams will see ${list}.`;
}
