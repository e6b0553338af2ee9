/**
 * The server goes away mid-exercise and comes back on the same database: open pages reconnect by themselves,
 * an answer given during the outage is delivered once (its idempotency key survives), and live pushes resume.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from './harness';
import {
	createExercise,
	firstRunSetup,
	injectHeading,
	joinAsParticipant,
	newPerson,
	pageErrors,
	participantLink,
	releaseNow
} from './flows';

const SOC = 'SOC / threat hunting';
const TICKET = 'Unplanned change on pe-chi-02';
const CONTAIN_PROMPT = 'What does the SOC do with the tunnel right now?';
const MONITOR = "Leave it up, mirror its traffic and capture the router's state";
const HUNT = 'Mirror port shows what the tunnel carries';

/** The page's connection badge showing the given state. */
const connection = (page: Page, label: string) =>
	page.getByRole('status').filter({ hasText: new RegExp(`Connection:\\s*${label}`) });

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
let alice: Page;
let joinLink = '';
const METRICS_TOKEN = 'e2e-metrics-token-0123456789abcdef';

beforeAll(async () => {
	// As an operator would run it: JSON logs for a log pipeline and a metrics token for Prometheus.
	app = await startApp({ LOG_FORMAT: 'json', METRICS_TOKEN, DRAIN_SECONDS: '1' });
	browser = await launchBrowser();
	facilitator = (await newPerson(browser)).page;
	alice = (await newPerson(browser)).page;
	await firstRunSetup(facilitator, app.url);
	await createExercise(facilitator, app.url, {
		scenarioId: 'example-quickstart',
		organisation: 'Northwind Telecom'
	});
	joinLink = await participantLink(facilitator);
	await joinAsParticipant(alice, joinLink, 'Alice', SOC);
	await facilitator.getByRole('button', { name: 'Start exercise' }).click();
	await facilitator.waitForURL('**/console');
	await releaseNow(facilitator, TICKET);
	await injectHeading(alice, TICKET).waitFor();
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('a server restart during an exercise', () => {
	it('an answer given while the server is down is delivered once it is back', async () => {
		await app.halt();
		await connection(alice, 'Reconnecting…').waitFor();
		const decision = alice.getByRole('region', { name: CONTAIN_PROMPT });
		await decision.getByRole('radio', { name: MONITOR }).check();
		await decision.getByRole('button', { name: 'Submit team answer' }).click();
		await alice.getByText('· 1 sending').waitFor();
		await app.relaunch();
		await alice.getByText('Your team answered (submitted by Alice)').waitFor();
		await connection(alice, 'Live').waitFor();
	});

	it('the facilitator console reconnects and shows the answer and the score', async () => {
		const card = facilitator.getByRole('article', { name: SOC });
		await card.getByText('Answered, on time by Alice').waitFor();
		await card.getByText(/^6 \/ \d+ pts$/).waitFor();
		const log = facilitator.getByRole('region', { name: 'Latest events' });
		expect(await log.getByRole('listitem').filter({ hasText: CONTAIN_PROMPT }).count()).toBe(1);
	});

	it('live pushes reach the participant again after the restart', async () => {
		await releaseNow(facilitator, HUNT);
		await injectHeading(alice, HUNT).waitFor();
	});

	it('no page threw an uncaught error or logged a console error', () => {
		// While the server is down, the browser logs each refused reconnect attempt; those are expected.
		const unexpected = pageErrors.filter((e) => !e.includes('net::ERR_CONNECTION_REFUSED'));
		expect(unexpected, unexpected.join('\n')).toEqual([]);
	});
});

describe('what an operator sees (README: Health checks, Logs, Metrics)', () => {
	it('GET /metrics answers only with the bearer token and reports the live exercise', async () => {
		expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
		const wrong = await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
		expect(wrong.status).toBe(401);
		const res = await fetch(`${app.url}/metrics`, {
			headers: { authorization: `Bearer ${METRICS_TOKEN}` }
		});
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(text).toMatch(/^switchboard_exercises_hosted 1$/m);
		expect(text).toMatch(/^switchboard_socket_connections [1-9]\d*$/m);
		expect(text).toMatch(
			/^switchboard_command_duration_seconds_count\{command="answer.submit",outcome="ok"\} 1$/m
		);
	});

	it('logs one JSON object per line: requests by route pattern, the restart, never the join code', () => {
		const lines = app
			.output()
			.split('\n')
			.filter((l) => l.trim() !== '');
		const parsed = lines.map((line) => {
			try {
				return JSON.parse(line) as Record<string, unknown>;
			} catch {
				throw new Error(`not a JSON log line: ${line}`);
			}
		});
		expect(
			parsed.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('Switchboard listening on'))
		).toHaveLength(2);
		expect(parsed).toContainEqual(
			expect.objectContaining({ msg: 'Switchboard: SIGTERM received, draining for 1 s, then closing' })
		);
		expect(parsed).toContainEqual(
			expect.objectContaining({ msg: 'request', method: 'GET', route: '/join/[code]', status: 200 })
		);
		expect(parsed).toContainEqual(expect.objectContaining({ msg: 'exercises resumed', resumed: 1 }));
		const code = joinLink.split('/join/')[1].split(/[?#]/)[0];
		expect(code.length).toBeGreaterThan(6);
		expect(app.output()).not.toContain(code);
	});

	it('refuses to start on a setting it cannot use, naming the setting and the value', async () => {
		// One case here (each start loads the whole server); the settings themselves are unit-tested.
		for (const [name, value, says] of [
			['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent']
		]) {
			const child = spawn(process.execPath, ['server.js'], {
				env: {
					...process.env,
					PORT: '0',
					HOST: '127.0.0.1',
					DATABASE_URL: `file:${app.dataDir}/refused.db`,
					[name]: value
				},
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let err = '';
			child.stderr.on('data', (d) => (err += d));
			const code = await new Promise((resolve) => child.once('exit', resolve));
			expect(code).toBe(1);
			const lines = err.trim().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0].startsWith(`Switchboard could not start: ${says}`)).toBe(true);
			expect(lines[0].endsWith(`, got "${value}".`)).toBe(true);
		}
	});

	it('answers the load balancer: live and ready, then not ready while it drains on SIGTERM', async () => {
		const get = async (path: string) => {
			const res = await fetch(`${app.url}${path}`);
			return { status: res.status, body: await res.json() };
		};
		expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'live' } });
		expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
		const halting = app.halt();
		let ready = await get('/readyz');
		while (ready.status === 200) ready = await get('/readyz');
		expect(ready).toEqual({
			status: 503,
			body: { status: 'draining', reason: 'the server is shutting down' }
		});
		// Still serving during the drain period: pages and liveness answer.
		expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'live' } });
		expect((await fetch(`${app.url}/`)).status).toBe(200);
		await halting;
	});
});
