/**
 * A scripted exercise played through the real server: one socket.io client per team (each with its own seat
 * cookie) answers its decisions from an answer script, and the facilitator's socket moves scenario time with
 * `clock.jump` from one scheduled item to the next. Every payload each client receives is recorded, so tests can
 * check what reached whom (the spy test) and what the clocks showed after a jump.
 */
import { toAnswerValue, type AnswerScript } from '$lib/engine/answer-script';
import { inWorldAt } from '$lib/engine/calendar';
import { approverFor } from '$lib/engine/messages';
import { otherwiseAfter, otherwiseAnswer } from '$lib/engine/script-otherwise';
import type { Decision, Scenario } from '$lib/engine/types';
import type { WireFacilitatorView, WireTeamView } from '$lib/realtime/wire-view';
import type { Ack, ViewMessage, WireCommand } from '$lib/realtime/contract';
import { newKey, participantCookie, viewsOf, type TestServer, type TestSocket } from './harness';

/** One payload a client received: a pushed event or the answer to its own sync. */
export interface Received {
	event: string;
	payload: unknown;
}

const MINUTE = 60_000;

function data<T>(ack: Ack<T>, what: string): T {
	if ('error' in ack) throw new Error(`${what}: ${ack.error.code}: ${ack.error.message}`);
	return ack.data;
}

/** Text a team submitted (answers and reasoning), so tests can look for it where it must not be. */
export interface Submitted {
	team: string;
	text: string;
}

/**
 * A scripted message as it was played: its author, the team that approved it (if its route needed one), its
 * recipients, an early draft text that was replaced before it left the team, and the text that was sent.
 */
export interface PlayedMessage {
	team: string;
	approver: string | null;
	to: string[];
	draft: string;
	sent: string;
}

export class ScriptedRun {
	readonly messages: PlayedMessage[] = [];
	#messagesDone = new Set<number>();
	readonly received = new Map<string, Received[]>();
	/** Every facilitator view seen, by version (pushed or synced). */
	readonly facilitatorViews = new Map<number, WireFacilitatorView>();
	readonly submitted: Submitted[] = [];
	/** Each team's seat cookie, to reconnect the same seats to another server. */
	readonly seatCookies = new Map<string, string>();
	#teams = new Map<string, TestSocket>();
	#facilitator!: TestSocket;
	#tried = new Set<string>();
	#decisions: Map<string, Decision>;

	constructor(
		private readonly server: TestServer,
		readonly scenario: Scenario,
		private readonly script: AnswerScript,
		readonly exerciseId: string
	) {
		this.#decisions = new Map(
			scenario.injects.flatMap((i) => (i.decision ? [[i.decision.id, i.decision] as const] : []))
		);
	}

	/**
	 * Connects the facilitator and one participant per team, each recording all it receives; a team in `seats`
	 * reconnects with that seat cookie instead of taking a new seat.
	 */
	async connect(
		facilitatorCookie: string,
		joinCode: string,
		teams: string[],
		seats: ReadonlyMap<string, string> = new Map()
	): Promise<void> {
		this.#facilitator = await this.server.client(facilitatorCookie);
		viewsOf(this.#facilitator).on((m) => this.#keepFacilitator(m));
		for (const team of teams) {
			const cookie =
				seats.get(team) ??
				(await participantCookie(this.server.app, joinCode, `Player ${team}`, team)).cookie;
			this.seatCookies.set(team, cookie);
			const socket = await this.server.client(cookie);
			const log: Received[] = [];
			socket.onAny((event: string, payload: unknown) => log.push({ event, payload }));
			this.received.set(team, log);
			this.#teams.set(team, socket);
		}
		await this.facilitatorView();
		for (const team of teams) await this.teamView(team);
	}

	#keepFacilitator(m: ViewMessage): void {
		this.facilitatorViews.set(m.version, m.view as WireFacilitatorView);
	}

	async #sync(socket: TestSocket): Promise<ViewMessage> {
		const ack = (await socket
			.timeout(5000)
			.emitWithAck('exercise:sync', { exerciseId: this.exerciseId })) as Ack<ViewMessage>;
		return data(ack, 'sync');
	}

	/**
	 * Every view a team's socket held, in order: sync answers, whole views pushed and the views its patches built
	 * (`received` has the patches themselves, as sent).
	 */
	teamViews(team: string): ViewMessage[] {
		return viewsOf(this.#teams.get(team)!).held;
	}

	/** Patches a team's socket got that did not start from the version it held (a browser would resync). */
	gaps(team: string): number {
		return viewsOf(this.#teams.get(team)!).gaps;
	}

	/** The facilitator's latest view. */
	async facilitatorView(): Promise<WireFacilitatorView> {
		const m = await this.#sync(this.#facilitator);
		this.#keepFacilitator(m);
		return m.view as WireFacilitatorView;
	}

	/** A team's latest view, recorded like a push. */
	async teamView(team: string): Promise<WireTeamView> {
		const m = await this.#sync(this.#teams.get(team)!);
		this.received.get(team)!.push({ event: 'sync', payload: m });
		return m.view as WireTeamView;
	}

	async #send(socket: TestSocket, command: WireCommand): Promise<Ack<{ version: number }>> {
		return (await socket
			.timeout(5000)
			.emitWithAck('exercise:command', { exerciseId: this.exerciseId, key: newKey(), command })) as Ack<{
			version: number;
		}>;
	}

	/** A team's participant answers (e.g. an ad-hoc question); its text is recorded as submitted. */
	async answer(team: string, command: Extract<WireCommand, { type: 'answer.submit' }>): Promise<number> {
		const version = data(await this.#send(this.#teams.get(team)!, command), `${team} answering`).version;
		const texts = [command.justification, command.answer.type === 'text' ? command.answer.text : undefined];
		for (const text of texts) if (text) this.submitted.push({ team, text });
		return version;
	}

	/** A facilitator command; throws with the server's message if refused. */
	async facilitator(command: WireCommand): Promise<number> {
		return data(await this.#send(this.#facilitator, command), command.type).version;
	}

	/**
	 * Each team answers every open decision whose scripted (or `otherwise`) time has come: the script's `after`
	 * the decision reached the team. Returns the scenario ms of the next answer still to come (Infinity: none).
	 */
	async answerDue(): Promise<number> {
		let next = Infinity;
		for (const [team, socket] of this.#teams) {
			const view = await this.teamView(team);
			const now = view.header.anchor.scenario;
			for (const d of view.decisions) {
				const key = `${team}/${d.id}`;
				if (d.answer || this.#tried.has(key)) continue;
				const planned = this.#answer(
					team,
					d.id,
					d.options.map((o) => o.id)
				);
				if (!planned) continue;
				const due = d.deliveredAt + planned.after;
				if (due > now) {
					next = Math.min(next, due);
					continue;
				}
				this.#tried.add(key);
				const { command } = planned;
				data(await this.#send(socket, command), `${team} answering ${d.id}`);
				const texts = [
					command.justification,
					command.answer.type === 'text' ? command.answer.text : undefined
				];
				for (const text of texts) if (text) this.submitted.push({ team, text });
			}
		}
		return next;
	}

	#answer(
		team: string,
		decisionId: string,
		shown: string[]
	): { command: Extract<WireCommand, { type: 'answer.submit' }>; after: number } | null {
		const decision = this.#decisions.get(decisionId);
		// Questions asked with ad-hoc injects are not in the script: the test answers them itself.
		if (!decision) return null;
		const scripted = this.script.answers.find((a) => a.team === team && a.decision === decisionId);
		if (scripted) {
			const answer = toAnswerValue(decision.type, scripted.answer);
			if (typeof answer === 'string') return null;
			const command = {
				type: 'answer.submit' as const,
				decisionId,
				answer,
				...(scripted.justification !== undefined ? { justification: scripted.justification } : {}),
				...(scripted.confidence !== undefined ? { confidence: scripted.confidence } : {})
			};
			return { command, after: scripted.after };
		}
		const rule = this.script.otherwise;
		if (!rule) return null;
		const answer = otherwiseAnswer(rule, decision, shown);
		if (!answer) return null;
		const command = {
			type: 'answer.submit' as const,
			decisionId,
			answer,
			...(decision.justify && rule.justification ? { justification: rule.justification } : {}),
			...(rule.confidence ? { confidence: rule.confidence } : {})
		};
		return { command, after: otherwiseAfter(rule, decision) };
	}

	/**
	 * Each team sends its scripted messages whose time has come: a first draft, an edit (so the first draft never
	 * leaves the team), submission and approval by the approving team's own socket if the route needs it, then
	 * send. Returns the scenario ms of the next message still to come (Infinity: none).
	 */
	async messagesDue(now: number): Promise<number> {
		let next = Infinity;
		for (const m of this.script.messages ?? []) {
			const socket = this.#teams.get(m.team);
			if (!socket || this.#messagesDone.has(m.index)) continue;
			if (m.at > now) {
				next = Math.min(next, m.at);
				continue;
			}
			this.#messagesDone.add(m.index);
			const persona = this.scenario.personas?.find((p) => m.to.includes(p.id));
			const channel = m.channel ?? persona?.channel ?? 'email';
			const teams = [...this.#teams.keys()];
			const approver = approverFor(this.scenario, teams, m.team, channel, m.to);
			const messageId = crypto.randomUUID();
			const draft = `First draft by ${m.team}, never sent: message ${m.index} of the script`;
			const save = (body: string) =>
				this.#send(socket, { type: 'message.save', messageId, channel, to: m.to, subject: m.subject, body });
			data(await save(draft), `${m.team} drafting a message`);
			data(await save(m.body), `${m.team} editing a message`);
			if (approver) {
				data(await this.#send(socket, { type: 'message.submit', messageId }), `${m.team} submitting`);
				const by = this.#teams.get(approver)!;
				data(await this.#send(by, { type: 'message.approve', messageId }), `${approver} approving`);
			}
			data(await this.#send(socket, { type: 'message.send', messageId }), `${m.team} sending a message`);
			if (m.marks) await this.facilitator({ type: 'message.mark', messageId, marks: m.marks });
			this.messages.push({ team: m.team, approver, to: m.to, draft, sent: m.body });
		}
		return next;
	}

	/**
	 * Gives the answers that are due, then jumps to the next scheduled item or answer (at the latest to `until`,
	 * scenario ms); false once nothing is left before `until`.
	 */
	async step(until = Infinity): Promise<boolean> {
		const answer = await this.answerDue();
		const message = await this.messagesDue((await this.facilitatorView()).header.anchor.scenario);
		const view = await this.facilitatorView();
		const now = view.header.anchor.scenario;
		const next = Math.min(view.jump.upcoming[0]?.at ?? Infinity, answer, message);
		if (next > until || next === Infinity) {
			if (until === Infinity || until <= now) return false;
			await this.jumpTo(until);
			return false;
		}
		await this.jumpTo(Math.max(next, now + MINUTE));
		return true;
	}

	/** Jumps the scenario clock to scenario ms `at` (rounded up to the minute) with the console's command. */
	async jumpTo(at: number): Promise<number> {
		const minute = Math.ceil(at / MINUTE) * MINUTE;
		return this.facilitator({
			type: 'clock.jump',
			to: { kind: 'at', at: inWorldAt(this.scenario.startsAt, minute) }
		});
	}

	/** Plays on until nothing is scheduled before `until` (scenario ms). */
	async playUntil(until = Infinity, maxSteps = 3000): Promise<void> {
		for (let i = 0; i < maxSteps; i++) if (!(await this.step(until))) return;
		throw new Error(`the run did not finish within ${maxSteps} steps`);
	}
}
