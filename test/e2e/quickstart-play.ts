/**
 * The quickstart scenario played through the real socket as the facilitator, for browser tests that need a
 * played exercise: a fixed script of answers (and rubric marks) per decision, the held news released, then EndEx.
 */
import { io, type Socket } from 'socket.io-client';
import type { AnswerValue } from '../../src/lib/engine/types';
import type { WireFacilitatorView } from '../../src/lib/realtime/wire-view';
import { ViewFollower } from '../../src/lib/server/testing/view-follower';
import type {
	ClientToServerEvents,
	ServerToClientEvents,
	WireCommand
} from '../../src/lib/realtime/contract';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export const SCRIPT: Record<
	string,
	{ team: string; answer: AnswerValue; justification?: string; marks?: Record<string, number> }
> = {
	'd-contain': { team: 'soc', answer: { type: 'single', option: 'monitor' } },
	'd-first-steps': {
		team: 'soc',
		answer: { type: 'ranking', order: ['preserve', 'rotate', 'hunt', 'logging'] }
	},
	'd-determination': {
		team: 'legal',
		answer: { type: 'single', option: 'breach' },
		justification: 'Provisioning data about subscribers left the network without authorisation: that is CPNI.'
	},
	'd-notify-le': { team: 'legal', answer: { type: 'single', option: 'notify-now' } },
	'd-statement': {
		team: 'comms',
		answer: {
			type: 'text',
			text: 'We are investigating unusual activity and have informed law enforcement.'
		},
		marks: { accurate: 1, action: 1, restraint: 0.5, aligned: 0 }
	}
};

export function command(socket: Client, exerciseId: string, cmd: WireCommand, key: string): Promise<void> {
	return new Promise((resolve, reject) => {
		socket.emit('exercise:command', { exerciseId, key, command: cmd }, (ack) =>
			'error' in ack ? reject(new Error(`${cmd.type}: ${ack.error.code} ${ack.error.message}`)) : resolve()
		);
	});
}

/**
 * Plays the exercise as the facilitator: answers each scripted decision as it arrives, releases the held news,
 * then ends it (or, with `end: false`, leaves it running once every scripted decision is answered).
 */
export async function playQuickstart(
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
	const sent = new Set<string>();
	let serial = 0;
	const key = () => `e2e-play-${++serial}`;
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('the exercise was not played within 60 s')), 60_000);
			const fail = (e: unknown) => (clearTimeout(timer), reject(e));
			new ViewFollower(socket).on(async ({ view }) => {
				const v = view as WireFacilitatorView;
				try {
					for (const panel of v.teams) {
						for (const d of panel.decisions) {
							const step = SCRIPT[d.id];
							if (!step || step.team !== panel.team.id || sent.has(d.id) || d.answer) continue;
							sent.add(d.id);
							await command(
								socket,
								exerciseId,
								{
									type: 'answer.submit',
									decisionId: d.id,
									teamId: step.team,
									answer: step.answer,
									...(step.justification ? { justification: step.justification } : {})
								},
								key()
							);
							if (step.marks) {
								await command(
									socket,
									exerciseId,
									{ type: 'rubric.mark', decisionId: d.id, teamId: step.team, marks: step.marks },
									key()
								);
							}
						}
					}
					const news = v.injects.find((i) => i.id === 'news-report');
					if (news && Object.values(news.teams).some((t) => t.status === 'held') && !sent.has('news')) {
						sent.add('news');
						await command(socket, exerciseId, { type: 'inject.release', injectId: 'news-report' }, key());
					}
					const done = Object.keys(SCRIPT).every((id) =>
						v.teams.some((p) => p.decisions.some((d) => d.id === id && d.answer))
					);
					if (done && !sent.has('end')) {
						sent.add('end');
						if (end) await command(socket, exerciseId, { type: 'exercise.end' }, key());
						clearTimeout(timer);
						resolve();
					}
				} catch (e) {
					fail(e);
				}
			});
			socket.on('connect', async () => {
				try {
					await new Promise((ok) => socket.emit('exercise:sync', { exerciseId }, ok));
					await command(socket, exerciseId, { type: 'exercise.setCompression', compression: 1440 }, key());
					await command(socket, exerciseId, { type: 'exercise.start' }, key());
				} catch (e) {
					fail(e);
				}
			});
			socket.on('connect_error', fail);
		});
	} finally {
		socket.disconnect();
	}
}
