/**
 * The pure state updates behind the exercise machine's named actions, one per command. Each receives the
 * state already advanced to the input's time and the input itself; the machine fires what falls due afterwards.
 */
import { actorName, markRubric, submitAnswer } from './decisions';
import { deliverAdhoc, hold, release, skip } from './delivery';
import { setRating } from './evaluator-ratings';
import { applyMessage, scheduleSilences } from './messages';
import { append, mapSet } from './persistent';
import { reanchor, type StepContext } from './scenario-clock';
import { audienceTeams, indexOf } from './scenario-index';
import { scheduleInject, setNested } from './schedule';
import type { ExerciseState } from './state';
import { record } from './timeline';
import { jumpTo, resolveJump } from './time-jump';
import type { Command, DebriefSettings, Input } from './types';

type Update = (state: ExerciseState, input: Input) => ExerciseState;

/** The step context (seq and clamped wall time) for timeline records. */
export function ctxOf(state: ExerciseState, input: Input): StepContext {
	return { seq: input.seq, at: state.clock.lastAt };
}

function cmd<T extends Command['type']>(input: Input, _type: T): Extract<Command, { type: T }> {
	return input.command as Extract<Command, { type: T }>;
}

function lifecycle(state: ExerciseState, input: Input, detail: string, running?: boolean): ExerciseState {
	const s = running === undefined ? state : { ...state, clock: reanchor(state.clock, { running }) };
	return record(s, {
		seq: input.seq,
		at: s.clock.lastAt,
		scenarioAt: s.clock.now,
		kind: 'lifecycle',
		detail
	});
}

function injectOf(state: ExerciseState, injectId: string) {
	return indexOf(state.scenario).injects.get(injectId)!;
}

function debriefText(d: DebriefSettings): string {
	const part = (on: boolean, what: string) => `${what} ${on ? 'shown' : 'hidden'}`;
	return [
		part(d.rationale, 'rationale'),
		part(d.modelAnswers, 'model answers'),
		part(d.otherTeams, "other teams' results")
	].join(', ');
}

/** One update per command-carrying action of the machine. */
export const updates = {
	advanceTime: (state) => state,
	recordBriefing: (state, input) => lifecycle(state, input, 'briefing'),
	startExercise: (state, input) => {
		const clock = { ...reanchor(state.clock, { running: true }), anchorScenario: 0, now: 0 };
		let s: ExerciseState = { ...state, clock };
		for (const inject of indexOf(s.scenario).atStart) {
			if (inject.trigger.kind !== 'at') continue;
			for (const team of audienceTeams(inject.audience, s.config.teams))
				s = scheduleInject(s, inject, team, inject.trigger.at);
		}
		return lifecycle(scheduleSilences(s), input, 'started');
	},
	pauseClock: (state, input) => lifecycle(state, input, 'paused', false),
	resumeClock: (state, input) => lifecycle(state, input, 'resumed', true),
	beginHotwash: (state, input) => lifecycle(state, input, 'in hotwash', false),
	endExercise: (state, input) => lifecycle(state, input, 'ended', false),
	changeSpeed: (state, input) => {
		const { compression } = cmd(input, 'exercise.setCompression');
		const s = { ...state, clock: reanchor(state.clock, { compression }) };
		const ctx = ctxOf(s, input);
		return record(s, { ...ctx, scenarioAt: s.clock.now, kind: 'speed', detail: String(compression) });
	},
	releaseInject: (state, input) =>
		release(state, injectOf(state, cmd(input, 'inject.release').injectId), ctxOf(state, input)),
	holdInject: (state, input) =>
		hold(state, injectOf(state, cmd(input, 'inject.hold').injectId), ctxOf(state, input)),
	skipInject: (state, input) =>
		skip(state, injectOf(state, cmd(input, 'inject.skip').injectId), ctxOf(state, input)),
	sendAdhoc: (state, input) => deliverAdhoc(state, cmd(input, 'inject.adhoc').inject, ctxOf(state, input)),
	recordAnswer: (state, input) => {
		const c = cmd(input, 'answer.submit');
		const extras = { justification: c.justification, confidence: c.confidence };
		return submitAnswer(state, c.decisionId, c.teamId, c.answer, extras, input.actor, ctxOf(state, input));
	},
	recordMarks: (state, input) => {
		const c = cmd(input, 'rubric.mark');
		return markRubric(state, c.decisionId, c.teamId, c.marks, c.note, input.actor, ctxOf(state, input));
	},
	overrideScore: (state, input) => {
		const c = cmd(input, 'score.override');
		const o = { points: c.points, reason: c.reason, by: actorName(input.actor) };
		const s = { ...state, overrides: setNested(state.overrides, c.teamId, c.entryId, o) };
		const ctx = ctxOf(s, input);
		return record(s, {
			...ctx,
			scenarioAt: s.clock.now,
			kind: 'override',
			teamId: c.teamId,
			detail: c.entryId
		});
	},
	jumpClock: (state, input) => {
		const target = resolveJump(state, cmd(input, 'clock.jump').to);
		return 'at' in target ? jumpTo(state, target.at, ctxOf(state, input)) : state;
	},
	setDebrief: (state, input) => {
		const { debrief } = cmd(input, 'debrief.set');
		const settings = {
			rationale: debrief.rationale,
			modelAnswers: debrief.modelAnswers,
			otherTeams: debrief.otherTeams
		};
		const s = { ...state, debrief: settings };
		return record(s, {
			...ctxOf(s, input),
			scenarioAt: s.clock.now,
			kind: 'debrief',
			detail: debriefText(settings)
		});
	},
	handleMessage: (state, input) =>
		applyMessage(
			state,
			input.command as Parameters<typeof applyMessage>[1],
			input.actor,
			ctxOf(state, input)
		),
	recordRating: (state, input) =>
		setRating(state, cmd(input, 'rating.set'), input.actor, ctxOf(state, input)),
	addNote: (state, input) => {
		const c = cmd(input, 'note.add');
		const ctx = ctxOf(state, input);
		const note = {
			id: c.noteId,
			teamId: c.teamId,
			objectiveId: c.objectiveId,
			text: c.text,
			by: actorName(input.actor),
			scenarioAt: state.clock.now,
			at: ctx.at
		};
		const s = {
			...state,
			notes: append(state.notes, note),
			noteIds: mapSet(state.noteIds, c.noteId, true as const)
		};
		return record(s, { ...ctx, scenarioAt: s.clock.now, kind: 'note', teamId: c.teamId });
	}
} satisfies Record<string, Update>;

/** Names of the machine's command actions. */
export type CommandAction = keyof typeof updates;
