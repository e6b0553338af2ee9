/**
 * Client worker of the realtime benchmark: opens many socket.io clients in its own process (so the server's
 * process is measured alone), syncs them, records when views arrive and answers at the pace it is told.
 * Talks to bench/realtime.bench.ts over the IPC channel.
 */
import { io, type Socket } from 'socket.io-client';

interface SeatJob {
	cookie: string;
	exerciseId: string;
}

type Command =
	| { type: 'connect'; url: string; seats: SeatJob[] }
	| { type: 'bare'; url: string; count: number }
	| { type: 'answer'; jobs: { seat: number; decisionId: string; option: string }[]; perSecond: number }
	| { type: 'report' }
	| { type: 'close' };

const now = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
const bareSockets: Socket[] = [];
/** exerciseId, version, receipt time: one row per view received. */
const views: [string, number, number][] = [];
const bare: number[] = [];
const acks: number[] = [];
let errors = 0;
const errorCodes: Record<string, number> = {};

const send = (msg: unknown) => process.send?.(msg);

async function connectAll(url: string, seats: SeatJob[]): Promise<void> {
	const batch = 100;
	for (let i = 0; i < seats.length; i += batch) {
		await Promise.all(
			seats.slice(i, i + batch).map(
				(seat) =>
					new Promise<void>((resolve, reject) => {
						const s = io(url, {
							transports: ['websocket'],
							extraHeaders: { cookie: seat.cookie },
							forceNew: true,
							reconnection: false
						});
						s.on('exercise:view', (m: { exerciseId: string; version: number }) =>
							views.push([m.exerciseId, m.version, now()])
						);
						s.once('connect_error', reject);
						s.once('connect', () => {
							s.emit('exercise:sync', { exerciseId: seat.exerciseId }, (ack: { error?: { code: string } }) =>
								ack.error ? reject(new Error(ack.error.code)) : resolve()
							);
						});
						sockets.push(s);
					})
			)
		);
	}
}

async function connectBare(url: string, count: number): Promise<void> {
	await Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise<void>((resolve, reject) => {
					const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
					s.on('bench', (m: { t: number }) => bare.push(now() - m.t));
					s.once('connect', () => resolve());
					s.once('connect_error', reject);
					bareSockets.push(s);
				})
		)
	);
}

async function answer(
	jobs: { seat: number; decisionId: string; option: string }[],
	perSecond: number
): Promise<void> {
	const gap = 1000 / perSecond;
	const start = now();
	const pending: Promise<void>[] = [];
	for (let i = 0; i < jobs.length; i++) {
		const wait = start + i * gap - now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const job = jobs[i];
		const socket = sockets[job.seat];
		const sent = now();
		pending.push(
			new Promise<void>((resolve) => {
				socket.emit(
					'exercise:command',
					{
						exerciseId: (socket as Socket & { exerciseId?: string }).exerciseId,
						key: `bench-${process.pid}-${i}`,
						command: {
							type: 'answer.submit',
							decisionId: job.decisionId,
							answer: { type: 'single', option: job.option }
						}
					},
					(ack: { error?: { code: string } }) => {
						acks.push(now() - sent);
						if (ack.error) {
							errors++;
							errorCodes[ack.error.code] = (errorCodes[ack.error.code] ?? 0) + 1;
						}
						resolve();
					}
				);
			})
		);
	}
	await Promise.all(pending);
}

process.on('message', async (cmd: Command) => {
	try {
		switch (cmd.type) {
			case 'connect':
				await connectAll(cmd.url, cmd.seats);
				cmd.seats.forEach(
					(seat, i) => ((sockets[i] as Socket & { exerciseId?: string }).exerciseId = seat.exerciseId)
				);
				return send({ type: 'connected', count: sockets.length });
			case 'bare':
				await connectBare(cmd.url, cmd.count);
				return send({ type: 'bare-connected', count: bareSockets.length });
			case 'answer':
				await answer(cmd.jobs, cmd.perSecond);
				return send({ type: 'answered' });
			case 'report':
				return send({ type: 'report', views, bare, acks, errors, errorCodes });
			case 'close':
				for (const s of [...sockets, ...bareSockets]) s.disconnect();
				send({ type: 'closed' });
				return setTimeout(() => process.exit(0), 50);
		}
	} catch (e) {
		send({ type: 'error', message: (e as Error).message });
	}
});
send({ type: 'ready' });
