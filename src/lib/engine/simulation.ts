/**
 * A headless run of a scenario with an answer script, taken step by step: start, then at each step release a
 * held inject (as an attentive facilitator would; `manual` injects are never released), or tick to the next due
 * item, or give the next scripted answer (with the script's `otherwise` rule answering what it does not list;
 * rubric marks go in as an evaluator right after the answer). A test can stop it mid-exercise, jump the clock or
 * look at a view, and go on; every accepted input is kept in `log`, so a replay can be compared with the run.
 * A script's `endAt` stops the run at that scenario time, as a facilitator ending the exercise early would.
 */
import { applyInput } from './apply';
import {
	checkAnswerScript,
	toAnswerValue,
	type AnswerScript,
	type ScriptedAnswer,
	type ScriptedMessage
} from './answer-script';
import { approverFor } from './messages';
import { optionOrderFor } from './option-order';
import { nextDueAt, wallAt } from './scenario-clock';
import { indexOf } from './scenario-index';
import { otherwiseAfter, otherwiseAnswer } from './script-otherwise';
import { unreachedAnswers } from './script-reach';
import { createExercise, type ExerciseState } from './state';
import type { Actor, AnswerValue, Command, Input, Scenario, TeamId } from './types';

const FACILITATOR: Actor = { role: 'facilitator', name: 'simulation' };
const STEP_LIMIT = 100_000;
const key = (team: TeamId, decisionId: string | undefined) => `${team}\u0000${decisionId}`;

/** A headless run; see the module comment. */
export class Simulation {
	state: ExerciseState;
	readonly log: Input[] = [];
	#wall = 0;
	#open: ScriptedAnswer[];
	#messages: ScriptedMessage[];
	readonly #listed: Set<string>;
	readonly #passedOver = new Set<string>();
	readonly #teams: TeamId[];

	/** Creates the exercise and starts it. Throws a RangeError listing script problems. */
	constructor(
		readonly scenario: Scenario,
		readonly script: AnswerScript
	) {
		const issues = checkAnswerScript(scenario, script);
		if (issues.length)
			throw new RangeError(issues.map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`).join('\n'));
		this.#teams = script.teams ?? scenario.teams.map((t) => t.id);
		this.state = createExercise(scenario, {
			exerciseId: `simulation-${scenario.id}`,
			teams: this.#teams,
			compression: script.compression ?? scenario.defaultCompression,
			variables: script.variables ?? {}
		});
		this.#open = script.answers.filter((a) => this.#teams.includes(a.team));
		this.#listed = new Set(this.#open.map((a) => key(a.team, a.decision)));
		this.#messages = (script.messages ?? []).filter((m) => this.#teams.includes(m.team));
		this.apply(FACILITATOR, { type: 'exercise.start' });
	}

	/** Applies a command at the run's wall time; throws when the engine refuses it. */
	apply(actor: Actor, command: Command): ExerciseState {
		const input: Input = {
			seq: this.state.version + 1,
			at: this.#wall,
			key: `sim-${this.state.version + 1}`,
			actor,
			command
		};
		const r = applyInput(this.state, input);
		if (!r.ok) throw new Error(`simulation: ${command.type} was refused: ${r.error.message}`);
		this.log.push(input);
		this.state = r.state;
		return this.state;
	}

	#submit(
		team: TeamId,
		decisionId: string,
		answer: AnswerValue,
		justification?: string,
		confidence?: ScriptedAnswer['confidence']
	) {
		this.apply(
			{ role: 'participant', teamId: team, name: `${team} (script)` },
			{
				type: 'answer.submit',
				decisionId,
				teamId: team,
				answer,
				...(justification !== undefined ? { justification } : {}),
				...(confidence ? { confidence } : {})
			}
		);
	}

	/** The next answer the `otherwise` rule gives: a delivered decision nobody answered and the script omits. */
	#nextOtherwise(): { wall: number; team: TeamId; decisionId: string } | null {
		const rule = this.script.otherwise;
		if (!rule) return null;
		const ix = indexOf(this.scenario);
		let best: { wall: number; team: TeamId; decisionId: string } | null = null;
		for (const team of this.#teams)
			for (const [injectId, at] of Object.entries(this.state.delivered[team] ?? {})) {
				const d = ix.injects.get(injectId)?.decision;
				const k = key(team, d?.id);
				if (!d || this.#listed.has(k) || this.#passedOver.has(k) || this.state.answers[team]?.[d.id])
					continue;
				const wall = wallAt(this.state.clock, at + otherwiseAfter(rule, d));
				if (!best || wall < best.wall) best = { wall, team, decisionId: d.id };
			}
		return best;
	}

	/** A scripted message: drafted, submitted and approved at once if its route needs it, sent, then marked. */
	#send(m: ScriptedMessage) {
		const messageId = `script-message-${m.index}`;
		const team = (t: TeamId): Actor => ({ role: 'participant', teamId: t, name: `${t} (script)` });
		const persona = this.scenario.personas?.find((p) => m.to.includes(p.id));
		const channel = m.channel ?? persona?.channel ?? 'email';
		const draft = { channel, to: m.to, subject: m.subject, body: m.body };
		this.apply(team(m.team), { type: 'message.save', messageId, teamId: m.team, draft });
		const approver = approverFor(this.scenario, this.#teams, m.team, channel, m.to);
		if (approver) {
			this.apply(team(m.team), { type: 'message.submit', messageId, teamId: m.team });
			this.apply(team(approver), { type: 'message.approve', messageId, teamId: approver });
		}
		this.apply(team(m.team), { type: 'message.send', messageId, teamId: m.team });
		if (m.marks)
			this.apply({ role: 'evaluator', name: 'script' }, { type: 'message.mark', messageId, marks: m.marks });
	}

	/** Whether wall time `w` lies past the script's early end; if so, time moves to the end and the run stops. */
	#pastEnd(w: number): boolean {
		if (this.script.endAt === undefined) return false;
		const end = wallAt(this.state.clock, this.script.endAt);
		if (w <= end) return false;
		if (this.state.clock.now < this.script.endAt) {
			this.#wall = Math.max(this.#wall, end);
			this.apply({ role: 'system' }, { type: 'clock.tick' });
		}
		return true;
	}

	/** One step: release a held inject, tick to the next due item, or give the next answer; false when done. */
	step(): boolean {
		const state = this.state;
		const held = Object.entries(state.held).find(([, byTeam]) => Object.keys(byTeam).length > 0);
		if (held) {
			this.apply(FACILITATOR, { type: 'inject.release', injectId: held[0] });
			return true;
		}
		const ix = indexOf(this.scenario);
		let next: { wall: number; answer?: ScriptedAnswer } | null = null;
		const due = nextDueAt(state);
		if (due !== null) next = { wall: due };
		for (const a of this.#open) {
			const deliveredAt = state.delivered[a.team]?.[ix.decisions.get(a.decision)!.inject.id];
			if (deliveredAt === undefined) continue;
			const w = wallAt(state.clock, deliveredAt + a.after);
			if (!next || w < next.wall) next = { wall: w, answer: a };
		}
		const other = this.#nextOtherwise();
		const message = this.#messages[0];
		const messageWall = message && state.clock.running ? wallAt(state.clock, message.at) : Infinity;
		if (messageWall < (next?.wall ?? Infinity) && messageWall <= (other?.wall ?? Infinity)) {
			if (this.#pastEnd(messageWall)) return false;
			this.#wall = Math.max(this.#wall, messageWall);
			this.#messages.shift();
			this.#send(message);
			return true;
		}
		if (this.#pastEnd(Math.min(other?.wall ?? Infinity, next?.wall ?? Infinity))) return false;
		if (other && (!next || other.wall < next.wall)) {
			this.#wall = Math.max(this.#wall, other.wall);
			const rule = this.script.otherwise!;
			const d = ix.decisions.get(other.decisionId)!.decision;
			const answer = otherwiseAnswer(rule, d, optionOrderFor(state.config.exerciseId, other.team, d));
			if (!answer) this.#passedOver.add(key(other.team, d.id));
			else
				this.#submit(other.team, d.id, answer, d.justify ? rule.justification : undefined, rule.confidence);
			return true;
		}
		if (!next) return false;
		this.#wall = Math.max(this.#wall, next.wall);
		const a = next.answer;
		if (!a) {
			this.apply({ role: 'system' }, { type: 'clock.tick' });
			return true;
		}
		this.#open.splice(this.#open.indexOf(a), 1);
		const answer = toAnswerValue(ix.decisions.get(a.decision)!.decision.type, a.answer);
		if (typeof answer === 'string') return true;
		this.#submit(a.team, a.decision, answer, a.justification, a.confidence);
		if (a.marks)
			this.apply(
				{ role: 'evaluator', name: 'script' },
				{ type: 'rubric.mark', decisionId: a.decision, teamId: a.team, marks: a.marks }
			);
		return true;
	}

	/** Steps until `stop` says so (checked before each step) or nothing is left to do. */
	runUntil(stop: (state: ExerciseState) => boolean = () => false): this {
		for (let steps = 0; steps < STEP_LIMIT && !stop(this.state) && this.step(); steps++);
		return this;
	}

	/** Ends the exercise; throws a RangeError for scripted answers to decisions the run never put to their team. */
	end(): ExerciseState {
		const state = this.apply(FACILITATOR, { type: 'exercise.end' });
		// An early end leaves later answers unplayed on purpose; only a full run proves a branch is never taken.
		const unreached =
			this.script.endAt === undefined ? unreachedAnswers(state, this.script.file, this.#open) : [];
		if (unreached.length)
			throw new RangeError(unreached.map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`).join('\n'));
		return state;
	}
}
