/**
 * The words of the debrief control: what each setting adds to a team's screen after EndEx, and the confirmation
 * once the facilitator has changed them. The engine (src/lib/engine/debrief.ts) decides what is sent.
 */
import type { DebriefSettings, Lifecycle } from '$lib/engine/types';
import { formatList } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';

/** One setting, as the console offers it. */
export interface DebriefChoice {
	key: keyof DebriefSettings;
	label: string;
	hint: string;
}

export const DEBRIEF_CHOICES: readonly DebriefChoice[] = [
	{
		key: 'rationale',
		get label() {
			return m.console_debrief_rationale();
		},
		get hint() {
			return m.console_debrief_rationale_hint();
		}
	},
	{
		key: 'modelAnswers',
		get label() {
			return m.console_debrief_model();
		},
		get hint() {
			return m.console_debrief_model_hint();
		}
	},
	{
		key: 'otherTeams',
		get label() {
			return m.console_debrief_others();
		},
		get hint() {
			return m.console_debrief_others_hint();
		}
	}
];

/** "Teams now see their own score, model answers and other teams' results." */
export function debriefNotice(settings: DebriefSettings, lifecycle: Lifecycle): string {
	const parts = [m.console_debrief_part_score()];
	if (settings.rationale) parts.push(m.console_debrief_part_rationale());
	if (settings.modelAnswers) parts.push(m.console_debrief_part_model());
	if (settings.otherTeams) parts.push(m.console_debrief_part_others());
	const list = formatList(parts);
	return lifecycle === 'ended' ? m.console_debrief_now({ list }) : m.console_debrief_later({ list });
}
