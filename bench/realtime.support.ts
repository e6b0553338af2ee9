/**
 * Pieces shared by the realtime and capacity benchmarks and their client workers: one clock both sides read,
 * the scenario the simulated exercises run, the percentile arithmetic, and starting client workers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Milliseconds on CLOCK_MONOTONIC. Every process on the machine reads the same clock, so a time taken in the
 * server process and one taken in a client worker can be subtracted directly (performance.timeOrigin is set
 * per process from the wall clock and can disagree between processes by a millisecond or more).
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Teams of every benchmark exercise. */
export const TEAMS = ['soc', 'neteng', 'legal', 'comms', 'exec'];
/** Decisions delivered to every team at start, so there is always one left to answer. */
export const DECISIONS = 30;

/** A scenario whose injects all arrive at start, each with a two-option decision. */
export function scenarioYaml(): string {
	const teams = TEAMS.map(
		(id) => `  - { id: ${id}, name: ${id.toUpperCase()}, description: Team ${id}, roles: [Member] }`
	).join('\n');
	const injects = Array.from({ length: DECISIONS }, (_, i) =>
		[
			`  - id: i${i}`,
			`    phase: p1`,
			`    title: Signal ${i}`,
			`    channel: ticket`,
			`    to: all`,
			`    trigger: { at: 0m }`,
			`    body: Something happened (${i}) at {{org}}; logs attached for the team to read.`,
			`    decision:`,
			`      id: d${i}`,
			`      prompt: What do you do about signal ${i}?`,
			`      type: single`,
			`      objectives: [obj]`,
			`      options:`,
			`        - { id: a, label: Investigate, points: 5, rationale: Good. }`,
			`        - { id: b, label: Ignore, points: 0, rationale: Bad. }`
		].join('\n')
	).join('\n');
	return `id: bench
version: "1"
title: Bench
summary: Benchmark scenario.
audience: Bench
duration: 60
compression: 1
startsAt: "2024-10-08T09:00"
variables:
  org: { label: Org, default: Benchco }
objectives:
  - { id: obj, title: Objective, description: D, csf: [RS.AN], hseep: [Cybersecurity] }
teams:
${teams}
phases:
  - { id: p1, title: Phase, update: Update, questions: [Q] }
injects:
${injects}
`;
}

/** The p-th percentile (nearest rank) of `values`, NaN when empty. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = Float64Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** "p50 / p99" in ms with one decimal, or n/a. */
export const p50p99 = (values: number[]) =>
	values.length ? `${percentile(values, 50).toFixed(1)} / ${percentile(values, 99).toFixed(1)}` : 'n/a';

/** A client worker process (bench/realtime.client.ts) and a request/reply over its IPC channel. */
export interface Worker {
	child: ChildProcess;
	request<T>(msg: unknown, reply: string): Promise<T>;
}

/** Forks a client worker and resolves once it says it is ready. */
export function startWorker(): Promise<Worker> {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const child = fork(path.join(here, 'realtime.client.ts'), [], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const request = <T>(msg: unknown, reply: string) =>
		new Promise<T>((resolve, reject) => {
			const on = (m: { type: string; message?: string }) => {
				if (m.type === 'error') return (child.off('message', on), reject(new Error(m.message)));
				if (m.type !== reply) return;
				child.off('message', on);
				resolve(m as T);
			};
			child.on('message', on);
			if (msg) child.send(msg as never);
		});
	return request('', 'ready').then(() => ({ child, request }));
}

/** Listens on a free port of 127.0.0.1 and resolves with the server's URL. */
export const listen = (server: ReturnType<typeof createServer>) =>
	new Promise<string>((r) =>
		server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
	);
