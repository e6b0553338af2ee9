/**
 * Any scenario played through the real socket as the facilitator, for browser tests that need a full report:
 * every inject still to come is released at once, every decision that arrives is answered for its team (the
 * first option, or a short text), and once nothing is left to release or answer the exercise ends.
 */
import { io } from 'socket.io-client';
import type { AnswerValue, DecisionView } from '../../src/lib/engine/types';
import type { WireFacilitatorView as FacilitatorView } from '../../src/lib/realtime/wire-view';
import { ViewFollower } from '../../src/lib/server/testing/view-follower';
import { command, type Client } from './quickstart-play';

function answerFor(d: DecisionView): AnswerValue {
	const first = d.options[0]?.id ?? '';
	switch (d.type) {
		case 'single':
			return { type: 'single', option: first };
		case 'multiple':
			return { type: 'multiple', options: d.options.slice(0, 2).map((o) => o.id) };
		case 'ranking':
			return { type: 'ranking', order: d.options.map((o) => o.id) };
		case 'numeric':
			return { type: 'numeric', value: d.numeric?.min ?? 1 };
		default:
			return {
				type: 'text',
				text: 'We preserve the evidence, tell the regulator on time and brief the board.'
			};
	}
}

/**
 * Plays the exercise in `exerciseId` as the facilitator whose session `cookie` carries, and ends it (or, with
 * `end: false`, leaves it running once nothing is left to release or answer).
 */
export async function playEverything(
	url: string,
	cookie: string,
	exerciseId: string,
	{ end = true }: { end?: boolean } = {}
): Promise<void> {
	const socket: Client = io(url, {
		transports: ['websocket'],
		extraHeaders: { cookie, origin: url },
		auth: { as: 'facilitator' },
		reconnection: false
	});
	const tried = new Set<string>();
	let serial = 0;
	const send = (cmd: Parameters<typeof command>[2]) =>
		command(socket, exerciseId, cmd, `e2e-everything-${++serial}`);
	/** One pass over a view: answers and releases what is new; false when there was nothing left to do. */
	const act = async (v: FacilitatorView): Promise<boolean> => {
		let acted = false;
		for (const panel of v.teams) {
			for (const d of panel.decisions) {
				const key = `answer:${panel.team.id}:${d.id}`;
				if (d.answer || tried.has(key)) continue;
				tried.add(key);
				acted = true;
				await send({
					type: 'answer.submit',
					decisionId: d.id,
					teamId: panel.team.id,
					answer: answerFor(d),
					...(d.justify ? { justification: 'The facts we have point this way.' } : {})
				}).catch(() => undefined);
			}
		}
		for (const inject of v.injects) {
			const waiting = Object.values(inject.teams).some((t) => t.status === 'upcoming' || t.status === 'held');
			if (!waiting || tried.has(`release:${inject.id}`)) continue;
			tried.add(`release:${inject.id}`);
			acted = true;
			await send({ type: 'inject.release', injectId: inject.id }).catch(() => undefined);
		}
		return acted;
	};
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('the exercise was not played within 90 s')), 90_000);
			const done = (e?: unknown) => (clearTimeout(timer), e ? reject(e) : resolve());
			let latest: FacilitatorView | null = null;
			let busy = false;
			let ended = false;
			// Views are handled one at a time, always the newest, so nothing is answered twice.
			const pump = async () => {
				if (busy || ended) return;
				busy = true;
				try {
					while (latest && !ended) {
						const v: FacilitatorView = latest;
						latest = null;
						if (v.header.lifecycle !== 'running') continue;
						if (await act(v)) {
							// A refused command brings no new view: look at this one again once the others are in.
							if (!latest) await new Promise((r) => setTimeout(r, 300));
							latest ??= v;
						} else if (!latest) {
							ended = true;
							if (end) await send({ type: 'exercise.end' });
							done();
						}
					}
				} catch (e) {
					done(e);
				} finally {
					busy = false;
				}
			};
			new ViewFollower(socket).on(({ view }) => {
				latest = view as FacilitatorView;
				void pump();
			});
			socket.on('connect', async () => {
				try {
					await new Promise((ok) => socket.emit('exercise:sync', { exerciseId }, ok));
					await send({ type: 'exercise.start' });
				} catch (e) {
					done(e);
				}
			});
			socket.on('connect_error', done);
		});
	} finally {
		socket.disconnect();
	}
}
