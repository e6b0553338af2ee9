/**
 * Structured logs: the settings and their refusals, JSON lines with secrets redacted, readable lines on a
 * terminal, and what a real server logs for socket traffic (commands by type and outcome, never their text).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets, type TestDatabase } from './db/test-targets';
import { createLogger, readLogSettings } from './log';
import {
	facilitatorOnDrill,
	manualClock,
	participantCookie,
	startServer,
	type TestServer
} from './testing/harness';

/** A stream keeping what was written, line by line. */
function memory(): Writable & { lines: () => string[] } {
	let text = '';
	const stream = new Writable({
		write(chunk, _enc, done) {
			text += String(chunk);
			done();
		}
	});
	return Object.assign(stream, { lines: () => text.split('\n').filter(Boolean) });
}

describe('log settings', () => {
	it('defaults to info, JSON off a terminal and readable lines on one', () => {
		expect(readLogSettings({}, false)).toEqual({ level: 'info', format: 'json' });
		expect(readLogSettings({}, true)).toEqual({ level: 'info', format: 'pretty' });
		expect(readLogSettings({ LOG_LEVEL: ' DEBUG ', LOG_FORMAT: 'Json' }, true)).toEqual({
			level: 'debug',
			format: 'json'
		});
	});

	it('refuses a level or format it does not know, naming the setting and the value', () => {
		expect(() => readLogSettings({ LOG_LEVEL: 'verbose' }, false)).toThrow(
			/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"/
		);
		expect(() => readLogSettings({ LOG_FORMAT: 'xml' }, false)).toThrow(
			/LOG_FORMAT must be json or pretty, got "xml"/
		);
	});
});

describe('log lines', () => {
	it('writes one JSON object per line, with credentials and exercise text redacted', () => {
		const out = memory();
		const logger = createLogger({ level: 'info', format: 'json' }, out);
		logger.info(
			{
				user: { password: 'hunter2-secret', name: 'Dana' },
				seat: { joinCode: 'TV5S9GQ12K', staffCode: 'STAFF-SECRET' },
				req: { headers: { cookie: 'sb_session=abc', authorization: 'Bearer tok' } },
				answer: { text: 'Notify the FBI now' }
			},
			'something happened'
		);
		logger.debug('not at info');
		const lines = out.lines();
		expect(lines).toHaveLength(1);
		const line = JSON.parse(lines[0]);
		expect(line).toMatchObject({ level: 30, msg: 'something happened', service: 'switchboard' });
		expect(typeof line.time).toBe('number');
		expect(line.user).toEqual({ password: '[redacted]', name: 'Dana' });
		for (const secret of ['hunter2', 'TV5S9GQ12K', 'STAFF-SECRET', 'sb_session', 'Bearer tok', 'FBI'])
			expect(lines[0]).not.toContain(secret);
	});

	it('writes readable lines in the pretty format', () => {
		const out = memory();
		const logger = createLogger({ level: 'info', format: 'pretty' }, out);
		logger.warn({ file: 'broken.yaml' }, 'broken.yaml is not in the scenario library');
		const text = out.lines().join('\n');
		expect(text).toContain('WARN');
		expect(text).toContain('broken.yaml is not in the scenario library');
		expect(text).not.toContain('"level"');
	});
});

describe('what a server logs', () => {
	let db: TestDatabase;
	let server: TestServer;
	const out = memory();
	let exerciseId: string;
	let code: string;
	let send: Awaited<ReturnType<typeof facilitatorOnDrill>>['send'];

	const logged = () => out.lines().map((l) => JSON.parse(l) as Record<string, unknown>);

	beforeAll(async () => {
		db = await testTargets[0].create();
		server = await startServer(
			db,
			manualClock(),
			200,
			undefined,
			createLogger({ level: 'debug', format: 'json' }, out)
		);
		({ exerciseId, joinCode: code, send } = await facilitatorOnDrill(server));
		await participantCookie(server.app, code, 'Pat Analyst', 'soc');
	});

	afterAll(async () => {
		await server?.close();
		await db?.drop();
	});

	it('logs each command with its type, outcome and duration, and never its text or the join code', async () => {
		expect('data' in (await send({ type: 'note.add', text: 'SECRET-NOTE-TEXT' }))).toBe(true);
		expect('error' in (await send({ type: 'inject.release', injectId: 'no-such-inject' }))).toBe(true);
		const lines = logged();
		const commands = lines.filter((l) => l.msg === 'command');
		expect(commands).toContainEqual(
			expect.objectContaining({ command: 'note.add', outcome: 'ok', exercise: exerciseId, level: 20 })
		);
		const refused = commands.find((l) => l.command === 'inject.release');
		expect(refused?.outcome).toMatch(/^[a-z]+\/[a-z_]+$/);
		for (const c of commands) expect(typeof c.ms).toBe('number');
		expect(lines).toContainEqual(expect.objectContaining({ msg: 'socket connected', as: 'facilitator' }));
		expect(lines).toContainEqual(
			expect.objectContaining({ msg: 'exercise hosted', exercise: exerciseId, level: 30 })
		);
		const text = out.lines().join('\n');
		expect(text).not.toContain('SECRET-NOTE-TEXT');
		expect(text).not.toContain(code);
		expect(text).not.toContain(code.replace(/\s/g, ''));
		expect(text).not.toContain('Northwind');
	});
});
