/**
 * Per-role views: the only shape of the exercise that leaves the server. A participant's view carries only
 * its own team's feed, decisions (option labels only) and answers, the clocks and the current phase, and its
 * own score once the exercise has ended. Observers see every team but no facilitator notes or rubric guidance;
 * evaluators also get decision definitions, live scores and the current rubric marks; facilitators get everything.
 */
import { asDecision } from './adhoc-decisions';
import { optionOrderFor } from './option-order';
import { clocksView } from './clocks';
import { debriefOf, debriefScore, teamDebrief } from './debrief';
import { ratingHistory } from './evaluator-ratings';
import { listToArray } from './persistent';
import { nextDueAt, scenarioTimeAt } from './scenario-clock';
import { indexOf } from './scenario-index';
import { scoresOf, teamScore } from './scoring';
import type { ExerciseState, FeedItem } from './state';
import { fill, fillArtifact, variablesOf } from './templates';
import { phaseView } from './phases';
import { readableState } from './scenario-texts';
import { injectStatuses } from './views-injects';
import { messagesView, personasForStaff, personasView } from './messages';
import { jumpTargets, upcomingItems } from './time-jump';
import { timelineOf } from './timeline';
import type {
	Decision,
	DecisionView,
	DeliveredInjectView,
	ExerciseHeader,
	FacilitatorView,
	ObserverView,
	TeamId,
	TeamPanel,
	TeamView,
	View,
	Viewer
} from './types';

type Vars = Record<string, string>;

/** The header; the current phase is the team's own (`teamId`) or, for staff, the furthest any team reached. */
function header(
	state: ExerciseState,
	now: number,
	vars: Vars,
	viewer: Viewer,
	phaseIndex: number
): ExerciseHeader {
	const { clock } = state;
	const teams = viewer.role === 'participant' ? [viewer.teamId] : state.config.teams;
	const staff = viewer.role === 'facilitator' || viewer.role === 'evaluator';
	return {
		exerciseId: state.config.exerciseId,
		scenarioId: state.scenario.id,
		title: fill(state.scenario.title, vars),
		lifecycle: state.lifecycle,
		anchor: {
			wall: Math.max(now, clock.lastAt),
			scenario: scenarioTimeAt(state, now),
			compression: clock.compression,
			running: clock.running
		},
		startsAt: state.scenario.startsAt,
		currentPhase: phaseView(state, state.scenario.phases[phaseIndex], teams, vars, staff),
		version: state.version
	};
}

function feedItemView(state: ExerciseState, item: FeedItem, vars: Vars): DeliveredInjectView {
	if (item.adhoc) {
		const a = item.adhoc;
		return {
			id: a.id,
			title: a.title,
			body: a.body,
			channel: a.channel,
			sender: a.sender,
			phase: item.phase ?? '',
			artifacts: [],
			scenarioAt: item.scenarioAt,
			adhoc: true,
			...(a.decision ? { decisionId: a.decision.id } : {})
		};
	}
	const inject = indexOf(state.scenario).injects.get(item.injectId)!;
	return {
		id: inject.id,
		title: fill(inject.title, vars),
		body: fill(inject.body, vars),
		channel: inject.channel,
		sender: inject.sender === undefined ? undefined : fill(inject.sender, vars),
		phase: inject.phase,
		artifacts: inject.artifacts.map((a) => fillArtifact(a, vars)),
		scenarioAt: item.scenarioAt,
		adhoc: false,
		decisionId: inject.decision?.id
	};
}

function decisionView(
	state: ExerciseState,
	teamId: TeamId,
	d: Decision,
	injectId: string,
	deliveredAt: number,
	vars: Vars
): DecisionView {
	const a = state.answers[teamId]?.[d.id];
	const label = new Map(d.options.map((o) => [o.id, fill(o.label, vars)]));
	return {
		id: d.id,
		injectId,
		prompt: fill(d.prompt, vars),
		type: d.type,
		options: optionOrderFor(state.config.exerciseId, teamId, d).map((id) => ({ id, label: label.get(id)! })),
		...(d.justify ? { justify: true } : {}),
		numeric: d.numeric ? { unit: d.numeric.unit, min: d.numeric.min, max: d.numeric.max } : undefined,
		deliveredAt,
		deadlineAt: d.deadline === undefined ? undefined : deliveredAt + d.deadline,
		answer: a && {
			decisionId: d.id,
			teamId,
			value: a.value,
			...(a.justification !== undefined ? { justification: a.justification } : {}),
			...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
			by: a.by,
			scenarioAt: a.scenarioAt,
			onTime: a.onTime
		}
	};
}

/** Staff who mark (facilitator, evaluator) also see the current rubric marks of each answered decision. */
function withMarks(state: ExerciseState, teamId: TeamId, view: DecisionView): DecisionView {
	const mark = state.marks[teamId]?.[view.id];
	if (!mark) return view;
	return {
		...view,
		marks: { ...mark.marks },
		...(mark.note !== undefined ? { markNote: mark.note } : {}),
		...(mark.by !== undefined ? { markedBy: mark.by } : {})
	};
}

function panel(state: ExerciseState, teamId: TeamId, vars: Vars): TeamPanel & { phaseIndex: number } {
	const ix = indexOf(state.scenario);
	const items = listToArray(state.feeds[teamId]);
	const decisions: DecisionView[] = [];
	let phaseIndex = 0;
	for (const item of items) {
		if (item.adhoc?.decision) {
			const d = asDecision(item.adhoc.decision);
			decisions.push({
				...decisionView(state, teamId, d, item.injectId, item.scenarioAt, vars),
				adhoc: true
			});
			continue;
		}
		const inject = item.adhoc ? undefined : ix.injects.get(item.injectId);
		if (!inject) continue;
		phaseIndex = Math.max(phaseIndex, ix.phaseIndex.get(inject.phase) ?? 0);
		if (inject.decision)
			decisions.push(decisionView(state, teamId, inject.decision, inject.id, item.scenarioAt, vars));
	}
	const team = state.scenario.teams.find((t) => t.id === teamId)!;
	return { team, feed: items.map((i) => feedItemView(state, i, vars)), decisions, phaseIndex };
}

function teamView(state: ExerciseState, teamId: TeamId, now: number, vars: Vars): TeamView {
	const { phaseIndex, ...p } = panel(state, teamId, vars);
	const view: TeamView = {
		kind: 'team',
		header: header(state, now, vars, { role: 'participant', teamId }, phaseIndex),
		team: p.team,
		feed: p.feed,
		decisions: p.decisions,
		clocks: clocksView(state, { role: 'participant', teamId }, vars),
		personas: personasView(state, vars),
		teams: state.config.teams.map((id) => ({
			id,
			name: state.scenario.teams.find((t) => t.id === id)?.name ?? id
		})),
		messages: messagesView(state, { teamId }, vars)
	};
	if (state.lifecycle === 'ended') {
		view.score = debriefScore(teamScore(state, teamId), debriefOf(state));
		view.debrief = teamDebrief(state, teamId, vars);
	}
	return view;
}

function panels(state: ExerciseState, vars: Vars, marks: boolean): TeamPanel[] {
	return state.config.teams.map((t) => {
		const { phaseIndex: _p, ...rest } = panel(state, t, vars);
		return marks ? { ...rest, decisions: rest.decisions.map((d) => withMarks(state, t, d)) } : rest;
	});
}

function staffView(state: ExerciseState, evaluator: boolean, now: number, vars: Vars): ObserverView {
	const view: ObserverView = {
		kind: evaluator ? 'evaluator' : 'observer',
		header: header(state, now, vars, { role: evaluator ? 'evaluator' : 'observer' }, state.phaseIndex),
		objectives: state.scenario.objectives,
		teams: panels(state, vars, evaluator),
		clocks: clocksView(state, { role: evaluator ? 'evaluator' : 'observer' }, vars),
		notes: listToArray(state.notes),
		messages: messagesView(state, evaluator ? 'evaluator' : 'staff', vars)
	};
	if (evaluator) {
		view.decisions = decisionsOf(state);
		view.scores = scoresOf(state);
		view.ratingHistory = ratingHistory(state);
	}
	return view;
}

function decisionsOf(state: ExerciseState): Decision[] {
	return state.scenario.injects.flatMap((i) => (i.decision ? [i.decision] : []));
}

function facilitatorView(state: ExerciseState, now: number, vars: Vars): FacilitatorView {
	return {
		kind: 'facilitator',
		header: header(state, now, vars, { role: 'facilitator' }, state.phaseIndex),
		objectives: state.scenario.objectives,
		phases: state.scenario.phases.map((p) => phaseView(state, p, state.config.teams, vars, true)!),
		teams: panels(state, vars, true),
		injects: injectStatuses(state, vars),
		decisions: decisionsOf(state),
		clocks: clocksView(state, { role: 'facilitator' }, vars),
		scores: scoresOf(state),
		notes: listToArray(state.notes),
		messages: messagesView(state, 'facilitator', vars),
		personas: personasForStaff(state, vars),
		timeline: timelineOf(state),
		ratingHistory: ratingHistory(state),
		nextDueAt: nextDueAt(state),
		jump: { targets: jumpTargets(state, vars), upcoming: upcomingItems(state, vars) },
		debrief: { ...debriefOf(state) }
	};
}

/** The view of the exercise for one viewer at wall time `now`, every text with its {{variables}} filled. */
export function viewFor(raw: ExerciseState, viewer: Viewer, now: number): View {
	const state = readableState(raw);
	const vars = variablesOf(state);
	switch (viewer.role) {
		case 'participant':
			if (!state.config.teams.includes(viewer.teamId))
				throw new RangeError(`team "${viewer.teamId}" is not taking part in this exercise`);
			return teamView(state, viewer.teamId, now, vars);
		case 'observer':
			return staffView(state, false, now, vars);
		case 'evaluator':
			return staffView(state, true, now, vars);
		case 'facilitator':
			return facilitatorView(state, now, vars);
	}
}
