/**
 * The cover of the printed report: what was run, for whom, when, for how long, who facilitated and who played in
 * each team. Built from the exercise record, its seats and the wall times of StartEx and EndEx in the input log;
 * pure, so it is tested without a server. Staff only: it names every participant.
 */
import { dateTimeFormat } from '$lib/locale-format';
import { formatDuration } from '$lib/client/scenario-time';
import type { Input, TeamDef } from '$lib/engine/types';

export interface ReportCover {
	/** The exercise's own name when it has one, else the scenario title. */
	name: string;
	/** The scenario it ran, shown under the name when the two differ. */
	scenarioTitle: string;
	organisation: string;
	facilitator: string;
	/** "5 December 2026", or null before StartEx. */
	date: string | null;
	/** "17:20–18:05 UTC" (wall clock), or null before StartEx. */
	times: string | null;
	/** Wall time from StartEx to EndEx (or to the last input while it runs), e.g. "1h 45m". */
	duration: string | null;
	/** In-world time the run covered, e.g. "4d 3h". */
	scenarioPlayed: string;
	teams: { teamId: string; name: string; participants: string[] }[];
	/** Evaluators and observers who joined with the staff code. */
	staff: { role: 'evaluator' | 'observer'; name: string }[];
}

export interface CoverInput {
	name?: string | null;
	scenarioTitle: string;
	organisation: string;
	facilitator: string;
	teams: TeamDef[];
	seats: { role: 'participant' | 'observer' | 'evaluator'; name: string; teamId: string | null }[];
	inputs: Pick<Input, 'at' | 'command'>[];
	/** Furthest scenario time reached (ms since StartEx). */
	scenarioAt: number;
}

// In the request's language: "5 December 2026" / "5 décembre 2026".
const day = { format: (at: number) => dateTimeFormat({ dateStyle: 'long', timeZone: 'UTC' }).format(at) };
const clock = {
	format: (at: number) => dateTimeFormat({ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(at)
};

/** The cover facts of one exercise. */
export function reportCover(input: CoverInput): ReportCover {
	const start = input.inputs.find((i) => i.command.type === 'exercise.start')?.at;
	const end =
		input.inputs.find((i) => i.command.type === 'exercise.end')?.at ?? input.inputs.at(-1)?.at ?? start;
	const byName = (a: string, b: string) => a.localeCompare(b);
	return {
		name: input.name?.trim() || input.scenarioTitle,
		scenarioTitle: input.scenarioTitle,
		organisation: input.organisation,
		facilitator: input.facilitator,
		date: start === undefined ? null : day.format(start),
		times:
			start === undefined || end === undefined ? null : `${clock.format(start)}–${clock.format(end)} UTC`,
		duration: start === undefined || end === undefined ? null : formatDuration(end - start),
		scenarioPlayed: formatDuration(input.scenarioAt),
		teams: input.teams.map((t) => ({
			teamId: t.id,
			name: t.name,
			participants: input.seats
				.filter((s) => s.role === 'participant' && s.teamId === t.id)
				.map((s) => s.name)
				.sort(byName)
		})),
		staff: input.seats
			.filter((s): s is typeof s & { role: 'evaluator' | 'observer' } => s.role !== 'participant')
			.map((s) => ({ role: s.role, name: s.name }))
			.sort((a, b) => byName(a.name, b.name))
	};
}
