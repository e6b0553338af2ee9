/**
 * GET /metrics: the counters after real socket traffic, and who may read them (only with METRICS_TOKEN set,
 * only with that bearer token). The figures never carry an exercise's id or text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireCommand } from '$lib/realtime/contract';
import { testTargets, type TestDatabase } from './db/test-targets';
import { metricsResponse } from './metrics-endpoint';
import { facilitatorOnDrill, manualClock, startServer, type TestServer } from './testing/harness';

const TOKEN = 'metrics-test-token-0123456789';

describe('metrics', () => {
	let db: TestDatabase;
	let server: TestServer;
	let exerciseId: string;
	let send: Awaited<ReturnType<typeof facilitatorOnDrill>>['send'];

	beforeAll(async () => {
		db = await testTargets[0].create();
		server = await startServer(db, manualClock());
		({ exerciseId, send } = await facilitatorOnDrill(server));
	});

	afterAll(async () => {
		await server?.close();
		await db?.drop();
	});

	it('reports connections, exercises, command and commit latency and pushed bytes after a command', async () => {
		expect('data' in (await send({ type: 'note.add', text: 'SECRET-NOTE-TEXT' }))).toBe(true);
		expect('error' in (await send({ type: 'inject.release', injectId: 'no-such-inject' }))).toBe(true);
		const res = await metricsResponse(server.app.metrics, TOKEN, `Bearer ${TOKEN}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/plain');
		const text = await res.text();
		expect(text).toMatch(/^switchboard_socket_connections 1$/m);
		expect(text).toMatch(/^switchboard_exercises_hosted 1$/m);
		expect(text).toMatch(
			/^switchboard_command_duration_seconds_count\{command="note.add",outcome="ok"\} 1$/m
		);
		expect(text).toMatch(
			/^switchboard_command_duration_seconds_count\{command="inject.release",outcome="refused"\} 1$/m
		);
		expect(text).toMatch(/^switchboard_commit_duration_seconds_count [1-9]\d*$/m);
		const bytes = Number(/^switchboard_push_bytes_total\{event="exercise:patch"\} (\d+)$/m.exec(text)?.[1]);
		expect(bytes).toBeGreaterThan(0);
		expect(text).toMatch(/^process_cpu_seconds_total /m);
		expect(text).toMatch(/^switchboard_pushes_total\{event="exercise:patch"\} [1-9]\d*$/m);
		expect(text).toMatch(/^process_resident_memory_bytes /m);
		expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
		expect(text).not.toContain('SECRET-NOTE-TEXT');
		expect(text).not.toContain(exerciseId);
		expect(text).not.toContain('Northwind');
	});

	it('labels a command the server does not know as invalid rather than by what was sent', async () => {
		await send({ type: 'made.up-EVIL-LABEL' } as unknown as WireCommand);
		const text = await (await metricsResponse(server.app.metrics, TOKEN, `Bearer ${TOKEN}`)).text();
		expect(text).not.toContain('EVIL-LABEL');
		expect(text).toMatch(/command="invalid",outcome="refused"/);
	});

	it('does not exist without METRICS_TOKEN, and refuses a missing or wrong token', async () => {
		expect((await metricsResponse(server.app.metrics, undefined, `Bearer ${TOKEN}`)).status).toBe(404);
		const missing = await metricsResponse(server.app.metrics, TOKEN, null);
		expect(missing.status).toBe(401);
		expect(missing.headers.get('www-authenticate')).toBe('Bearer');
		expect(await missing.text()).toBe('The metrics need the bearer token set in METRICS_TOKEN.');
		expect((await metricsResponse(server.app.metrics, TOKEN, 'Bearer wrong')).status).toBe(401);
		expect((await metricsResponse(server.app.metrics, TOKEN, TOKEN)).status).toBe(401);
	});
});
