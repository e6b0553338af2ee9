/**
 * Client worker of the realtime benchmark: opens many socket.io clients in its own process (so the server's
 * process is measured alone), syncs them, records when views and bare broadcasts arrive, and answers at the
 * pace it is told. Talks to bench/realtime.bench.ts over the IPC channel; times are monotonicMs().
 */
import { io, type Socket } from 'socket.io-client';
import { monotonicMs as now } from './realtime.support';

interface SeatJob {
	cookie: string;
	exerciseId: string;
	/** The room of the bare server this seat's twin joins (same exercise and team layout). */
	bareRoom: string;
}

type Command =
	| { type: 'connect'; url: string; bareUrl: string; seats: SeatJob[] }
	| { type: 'answer'; jobs: { seat: number; decisionId: string; option: string }[]; perSecond: number }
	| { type: 'count' }
	| { type: 'receipts' }
	| { type: 'report' }
	| { type: 'close' };

const sockets: { socket: Socket; exerciseId: string }[] = [];
const bareSockets: Socket[] = [];
/** exerciseId, version, receipt time: one row per view or patch received. */
const views: [string, number, number][] = [];
/** Bare broadcast latencies (emit time carried in the payload → receipt). */
const bare: number[] = [];
const acks: number[] = [];
let errors = 0;
const errorCodes: Record<string, number> = {};

const send = (msg: unknown) => process.send?.(msg);

function open(url: string, options: Parameters<typeof io>[1]): Socket {
	return io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...options });
}

/** Connects a seat to the app (`url`) and its twin to the bare server (`bareUrl`); an empty URL skips that side. */
function connectSeat(url: string, bareUrl: string, seat: SeatJob): Promise<void> {
	const real = new Promise<void>((resolve, reject) => {
		if (!url) return resolve();
		const s = open(url, { extraHeaders: { cookie: seat.cookie } });
		s.on('exercise:view', (m: { exerciseId: string; version: number }) =>
			views.push([m.exerciseId, m.version, now()])
		);
		// Changes arrive as patches; the receipt time is what is measured (they are not applied here).
		s.on('exercise:patch', (m: { exerciseId: string; to: number }) =>
			views.push([m.exerciseId, m.to, now()])
		);
		s.once('connect_error', reject);
		s.once('connect', () => {
			s.emit('exercise:sync', { exerciseId: seat.exerciseId }, (ack: { error?: { code: string } }) =>
				ack.error ? reject(new Error(ack.error.code)) : resolve()
			);
		});
		sockets.push({ socket: s, exerciseId: seat.exerciseId });
	});
	const twin = new Promise<void>((resolve, reject) => {
		if (!bareUrl) return resolve();
		const s = open(bareUrl, { auth: { room: seat.bareRoom } });
		s.on('bench', (m: { t: number }) => bare.push(now() - m.t));
		s.once('connect', () => resolve());
		s.once('connect_error', reject);
		bareSockets.push(s);
	});
	return Promise.all([real, twin]).then(() => undefined);
}

async function connectAll(url: string, bareUrl: string, seats: SeatJob[]): Promise<void> {
	const batch = 100;
	for (let i = 0; i < seats.length; i += batch) {
		await Promise.all(seats.slice(i, i + batch).map((seat) => connectSeat(url, bareUrl, seat)));
	}
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
		const { socket, exerciseId } = sockets[job.seat];
		const sent = now();
		pending.push(
			new Promise<void>((resolve) => {
				socket.emit(
					'exercise:command',
					{
						exerciseId,
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
				await connectAll(cmd.url, cmd.bareUrl, cmd.seats);
				return send({ type: 'connected', count: sockets.length, bareCount: bareSockets.length });
			case 'answer':
				await answer(cmd.jobs, cmd.perSecond);
				return send({ type: 'answered' });
			case 'count':
				return send({ type: 'count', views: views.length, bare: bare.length });
			case 'receipts':
				return send({ type: 'receipts', views, bare });
			case 'report':
				return send({ type: 'report', views, bare, acks, errors, errorCodes });
			case 'close':
				for (const s of [...sockets.map((x) => x.socket), ...bareSockets]) s.disconnect();
				send({ type: 'closed' });
				return setTimeout(() => process.exit(0), 50);
		}
	} catch (e) {
		send({ type: 'error', message: (e as Error).message });
	}
});
send({ type: 'ready' });
