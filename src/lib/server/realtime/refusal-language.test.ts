import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ack, WireCommand } from '$lib/realtime/contract';
import { refusalWords } from '$lib/refusal-words';
import { testTargets, type TestDatabase } from '../db/test-targets';
import {
	facilitatorCookie,
	manualClock,
	newKey,
	startServer,
	type TestServer,
	type TestSocket
} from '../testing/harness';

type CommandAck = Ack<{ version: number; duplicate: boolean }>;

const send = (s: TestSocket, exerciseId: string, command: WireCommand) =>
	s
		.timeout(5000)
		.emitWithAck('exercise:command', { exerciseId, key: newKey(), command }) as Promise<CommandAck>;

const refusal = async (s: TestSocket, exerciseId: string, command: WireCommand) => {
	const ack = await send(s, exerciseId, command);
	if (!('error' in ack)) throw new Error(`${command.type} was accepted`);
	return ack.error;
};

describe.each(testTargets.slice(0, 1))('refusals in the connection’s language on $name', (target) => {
	let db: TestDatabase;
	let server: TestServer;
	let exerciseId: string;
	let cookie: string;

	beforeAll(async () => {
		db = await target.create();
		server = await startServer(db, manualClock());
		({ cookie } = await facilitatorCookie(server.app));
	});
	afterAll(async () => {
		await server?.close();
		await db?.drop();
	});
	beforeEach(async () => {
		const f = (await server.app.sessions.byToken(cookie.split('=')[1]))!;
		({ id: exerciseId } = await server.app.exercises.create(f, {
			scenarioId: 'server-drill',
			organisation: 'Northwind',
			teams: ['soc', 'legal']
		}));
	});

	it('words a command the exercise’s state refuses in French for a French connection, in English otherwise', async () => {
		const french = await server.client(`${cookie}; switchboard_locale=fr`);
		const byHeader = await server.client(cookie, { acceptLanguage: 'fr-FR,fr;q=0.9,en;q=0.5' });
		const english = await server.client(cookie, { acceptLanguage: 'de-DE,de;q=0.9' });
		// The cookie (the header's switch) wins over the browser's languages.
		const chosenEnglish = await server.client(`${cookie}; switchboard_locale=en`, { acceptLanguage: 'fr' });
		const pause: WireCommand = { type: 'exercise.pause' };

		const fr = await refusal(french, exerciseId, pause);
		expect(fr.code).toBe('command/invalid_state');
		expect(fr.message).toBe(
			"Impossible de mettre l'exercice en pause pour le moment : l'exercice n'a pas encore commencé."
		);
		expect((await refusal(byHeader, exerciseId, pause)).message).toBe(fr.message);
		const en = 'The exercise cannot be paused now: the exercise has not started yet.';
		expect((await refusal(english, exerciseId, pause)).message).toBe(en);
		expect((await refusal(chosenEnglish, exerciseId, pause)).message).toBe(en);
	});

	it('names the inject by its title in French when it is already on hold', async () => {
		const french = await server.client(`${cookie}; switchboard_locale=fr`);
		const english = await server.client(cookie);
		expect('data' in (await send(french, exerciseId, { type: 'exercise.start' }))).toBe(true);
		// "Later news" is due two scenario hours after the start.
		const inject = { id: 'later', title: 'Later news' };
		const hold: WireCommand = { type: 'inject.hold', injectId: inject.id };
		expect('data' in (await send(french, exerciseId, hold))).toBe(true);
		const fr = await refusal(french, exerciseId, hold);
		expect(fr.message).toBe(`« ${inject.title} » est déjà retenu : il vous attendra à son échéance.`);
		expect(fr.message).not.toContain(`"${inject.id}"`);
		expect((await refusal(english, exerciseId, hold)).message).toBe(
			`"${inject.title}" is already on hold: it waits for you when it falls due.`
		);
	});
});

describe('refusal words', () => {
	it('say every lifecycle refusal in both languages, English as the engine says it', () => {
		const ended = { kind: 'not-now', command: 'inject.release', lifecycle: 'ended' } as const;
		expect(refusalWords(ended, 'en')).toBe('Injects cannot be released now: the exercise has ended.');
		expect(refusalWords(ended, 'fr')).toBe(
			"Impossible de diffuser des stimuli pour le moment : l'exercice est terminé."
		);
	});
});
