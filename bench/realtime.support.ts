/**
 * Pieces shared by the realtime benchmark and its client workers: one clock both sides read, the scenario the
 * simulated exercises run, and the percentile arithmetic.
 */

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
