/**
 * Prometheus metrics of one app (prom-client), on a registry of its own so several apps in one process (tests)
 * never mix. Labels are bounded on purpose: a command's type and outcome, a push's event; never an exercise id,
 * a name or any text of an exercise, so the endpoint tells an operator how the server is doing and nothing of
 * what is being played.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Live figures read at each scrape. */
export interface MetricSources {
	/** Open socket.io connections. */
	connections(): number;
	/** Exercises this process hosts (loaded or loading). */
	exercises(): number;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class Metrics {
	readonly registry = new Registry();
	readonly #commands: Histogram<'command' | 'outcome'>;
	readonly #commits: Histogram;
	readonly #pushBytes: Counter<'event'>;
	readonly #pushes: Counter<'event'>;

	constructor(sources: MetricSources) {
		const registers = [this.registry];
		collectDefaultMetrics({ register: this.registry });
		new Gauge({
			name: 'switchboard_socket_connections',
			help: 'Open socket.io connections.',
			registers,
			collect() {
				this.set(sources.connections());
			}
		});
		new Gauge({
			name: 'switchboard_exercises_hosted',
			help: 'Exercises hosted by this process (loaded or being restored).',
			registers,
			collect() {
				this.set(sources.exercises());
			}
		});
		this.#commands = new Histogram({
			name: 'switchboard_command_duration_seconds',
			help: 'Socket commands from receipt to acknowledgement, by command type and outcome (ok or refused).',
			labelNames: ['command', 'outcome'],
			buckets: LATENCY_BUCKETS,
			registers
		});
		this.#commits = new Histogram({
			name: 'switchboard_commit_duration_seconds',
			help: 'Writes of an accepted input to the store (the commit an acknowledgement waits for).',
			buckets: LATENCY_BUCKETS,
			registers
		});
		this.#pushBytes = new Counter({
			name: 'switchboard_push_bytes_total',
			help: 'Bytes of view messages pushed to sockets (each message counted once per socket), by event.',
			labelNames: ['event'],
			registers
		});
		this.#pushes = new Counter({
			name: 'switchboard_pushes_total',
			help: 'View messages pushed to rooms (each built once, whatever the number of sockets), by event.',
			labelNames: ['event'],
			registers
		});
	}

	/** A socket command answered after `seconds`. */
	command(type: string, ok: boolean, seconds: number): void {
		this.#commands.observe({ command: type, outcome: ok ? 'ok' : 'refused' }, seconds);
	}

	/** `append` with its duration recorded as a commit. */
	timeCommits<A extends unknown[], R>(append: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
		return async (...args) => {
			const end = this.#commits.startTimer();
			try {
				return await append(...args);
			} finally {
				end();
			}
		};
	}

	/** A message of `bytes` pushed to a room of `sockets` sockets. */
	push(event: string, bytes: number, sockets: number): void {
		this.#pushes.inc({ event });
		this.#pushBytes.inc({ event }, bytes * sockets);
	}

	/** The exposition text and its content type. */
	async exposition(): Promise<{ body: string; contentType: string }> {
		return { body: await this.registry.metrics(), contentType: this.registry.contentType };
	}
}
