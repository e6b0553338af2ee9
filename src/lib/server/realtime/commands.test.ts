import { describe, expect, it } from 'vitest';
import type { Principal } from '$lib/realtime/contract';
import { commandRequestSchema, parsePayload, toEngineCommand } from './commands';

const participant: Principal = {
	kind: 'participant',
	participantId: 's1',
	exerciseId: 'e1',
	teamId: 'soc',
	name: 'Ana'
};
const facilitator: Principal = { kind: 'facilitator', userId: 'u1', name: 'Dana' };
const observer: Principal = { kind: 'staff', staffId: 's2', exerciseId: 'e1', role: 'observer', name: 'Oli' };
const answer = { type: 'single', option: 'hunt' } as const;

describe('wire command mapping', () => {
	it('takes a participant answer\u2019s team from the seat and ignores a team in the payload', () => {
		const mapped = toEngineCommand(
			{ type: 'answer.submit', decisionId: 'd', answer, teamId: 'legal' },
			participant,
			() => 'x'
		);
		expect(mapped).toEqual({
			ok: true,
			command: { type: 'answer.submit', decisionId: 'd', answer, teamId: 'soc' }
		});
	});

	it('lets a facilitator answer on behalf of a named team', () => {
		const mapped = toEngineCommand(
			{ type: 'answer.submit', decisionId: 'd', answer, teamId: 'legal' },
			facilitator,
			() => 'x'
		);
		expect(mapped).toMatchObject({ ok: true, command: { teamId: 'legal' } });
	});

	it('refuses an answer from an observer', () => {
		expect(
			toEngineCommand({ type: 'answer.submit', decisionId: 'd', answer }, observer, () => 'x')
		).toMatchObject({
			ok: false,
			code: 'command/forbidden'
		});
	});

	it('gives ad-hoc injects and notes server-assigned ids', () => {
		const adhoc = toEngineCommand(
			{ type: 'inject.adhoc', title: 't', body: 'b', channel: 'chat', audience: 'all' },
			facilitator,
			() => 'abc'
		);
		expect(adhoc).toMatchObject({
			ok: true,
			command: { type: 'inject.adhoc', inject: { id: 'adhoc-abc', title: 't' } }
		});
		expect(toEngineCommand({ type: 'note.add', text: 'n' }, observer, () => 'n1')).toMatchObject({
			ok: true,
			command: { noteId: 'note-n1' }
		});
	});
});

describe('payload validation', () => {
	it('names the offending field of an invalid command', () => {
		const r = parsePayload(commandRequestSchema, {
			exerciseId: 'e1',
			key: 'key-12345',
			command: { type: 'answer.submit', decisionId: 'd', answer: { type: 'text', text: 'x'.repeat(8001) } }
		});
		expect(r.ok).toBe(false);
		expect(!r.ok && r.message).toMatch(/^command\.answer\.text:/);
	});

	it('rejects unknown command types and extra fields', () => {
		expect(
			parsePayload(commandRequestSchema, {
				exerciseId: 'e1',
				key: 'key-12345',
				command: { type: 'exercise.nuke' }
			}).ok
		).toBe(false);
		expect(
			parsePayload(commandRequestSchema, {
				exerciseId: 'e1',
				key: 'key-12345',
				command: { type: 'exercise.start', extra: 1 }
			}).ok
		).toBe(false);
	});

	it('rejects an ad-hoc inject on a channel that does not exist', () => {
		const r = parsePayload(commandRequestSchema, {
			exerciseId: 'e1',
			key: 'key-12345',
			command: { type: 'inject.adhoc', title: 't', body: 'b', channel: 'fax', audience: 'all' }
		});
		expect(!r.ok && r.message).toMatch(/^command\.channel:/);
	});

	it('takes an ad-hoc question and maps it onto an engine decision with server-assigned ids', () => {
		const command = {
			type: 'inject.adhoc',
			title: 'Router',
			body: 'b',
			channel: 'chat',
			audience: ['soc'],
			decision: { prompt: ' Offline? ', options: ['Yes', 'No'], deadlineMinutes: 30, justify: true }
		};
		const r = parsePayload(commandRequestSchema, { exerciseId: 'e1', key: 'key-12345', command });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(toEngineCommand(r.value.command, facilitator, () => 'abc')).toEqual({
			ok: true,
			command: {
				type: 'inject.adhoc',
				inject: {
					id: 'adhoc-abc',
					title: 'Router',
					body: 'b',
					channel: 'chat',
					audience: ['soc'],
					decision: {
						id: 'adhoc-abc-q',
						prompt: 'Offline?',
						type: 'single',
						options: [
							{ id: 'o1', label: 'Yes' },
							{ id: 'o2', label: 'No' }
						],
						deadline: 30 * 60_000,
						justify: true
					}
				}
			}
		});
		const text = toEngineCommand(
			{
				type: 'inject.adhoc',
				title: 't',
				body: 'b',
				channel: 'chat',
				audience: 'all',
				decision: { prompt: 'Why?' }
			},
			facilitator,
			() => 'x'
		);
		expect(text).toMatchObject({
			ok: true,
			command: { inject: { decision: { id: 'adhoc-x-q', type: 'text' } } }
		});
		expect(JSON.stringify(text)).not.toContain('options');
	});

	it.each([
		[{ prompt: '' }, 'command.decision.prompt: write the question the teams answer'],
		[
			{ prompt: 'Q', options: ['Only one'] },
			'command.decision.options: give at least 2 options, or none for a free-text answer'
		],
		[
			{ prompt: 'Q', options: ['1', '2', '3', '4', '5', '6', '7'] },
			'command.decision.options: give at most 6 options'
		],
		[{ prompt: 'Q', options: ['Yes', ' '] }, 'command.decision.options.1: every option needs a label'],
		[{ prompt: 'Q', options: ['Yes', 'yes'] }, 'command.decision.options: two options have the same label'],
		[
			{ prompt: 'Q', options: ['a', 'b'], deadlineMinutes: 0 },
			'command.decision.deadlineMinutes: must be at least 1 minute'
		],
		[
			{ prompt: 'Q', options: ['a', 'b'], deadlineMinutes: 2.5 },
			'command.decision.deadlineMinutes: must be a whole number of minutes'
		],
		[
			{ prompt: 'Q', justify: true },
			'command.decision.justify: only a question with options can ask for reasoning'
		],
		[{ prompt: 'x'.repeat(501) }, 'command.decision.prompt: must be at most 500 characters'],
		[
			{ prompt: 'Q', options: ['a', 'x'.repeat(201)] },
			'command.decision.options.1: must be at most 200 characters'
		]
	])('refuses the ad-hoc question %j, naming the field', (decision, message) => {
		const r = parsePayload(commandRequestSchema, {
			exerciseId: 'e1',
			key: 'key-12345',
			command: { type: 'inject.adhoc', title: 't', body: 'b', channel: 'chat', audience: 'all', decision }
		});
		expect(r).toEqual({ ok: false, message });
	});

	it('refuses unknown fields in an ad-hoc question', () => {
		const r = parsePayload(commandRequestSchema, {
			exerciseId: 'e1',
			key: 'key-12345',
			command: {
				type: 'inject.adhoc',
				title: 't',
				body: 'b',
				channel: 'chat',
				audience: 'all',
				decision: { prompt: 'Q', options: ['a', 'b'], points: 10 }
			}
		});
		expect(!r.ok && r.message).toMatch(/^command\.decision/);
	});

	it('accepts a time jump to an in-world time and refuses a malformed one, naming the field', () => {
		const ok = parsePayload(commandRequestSchema, {
			exerciseId: 'e1',
			key: 'key-12345',
			command: { type: 'clock.jump', to: { kind: 'at', at: '2024-10-02T08:00' } }
		});
		expect(ok.ok).toBe(true);
		const bad = parsePayload(commandRequestSchema, {
			exerciseId: 'e1',
			key: 'key-12345',
			command: { type: 'clock.jump', to: { kind: 'at', at: 'tomorrow morning' } }
		});
		expect(bad).toEqual({
			ok: false,
			message: 'command.to.at: use an in-world date and time such as 2024-10-01T08:00'
		});
	});

	it('maps debrief.set onto the engine command with its three settings', () => {
		const wire = { type: 'debrief.set', rationale: true, modelAnswers: false, otherTeams: true } as const;
		expect(toEngineCommand(wire, facilitator, () => 'x')).toEqual({
			ok: true,
			command: { type: 'debrief.set', debrief: { rationale: true, modelAnswers: false, otherTeams: true } }
		});
	});

	it('accepts a rating with its reason and evidence, and names a bad rating or a missing reason', () => {
		const rating = (command: Record<string, unknown>) =>
			parsePayload(commandRequestSchema, {
				exerciseId: 'e1',
				key: 'key-12345',
				command: { type: 'rating.set', teamId: 'soc', objectiveId: 'obj', evidence: [], ...command }
			});
		expect(rating({ rating: 'S', reason: 'Solid', evidence: ['decision:d:soc', 'a free note'] }).ok).toBe(
			true
		);
		expect(rating({ rating: 'A', reason: 'x' })).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^command\.rating:/)
		});
		expect(rating({ rating: 'P', reason: '  ' })).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^command\.reason:/)
		});
		expect(rating({ rating: 'P', reason: 'x', evidence: Array(21).fill('e') })).toMatchObject({ ok: false });
	});

	it('accepts reasoning and a confidence with an answer, not an unknown confidence', () => {
		const answer = (extra: Record<string, unknown>) =>
			parsePayload(commandRequestSchema, {
				exerciseId: 'e1',
				key: 'key-12345',
				command: { type: 'answer.submit', decisionId: 'd', answer: { type: 'single', option: 'a' }, ...extra }
			});
		expect(answer({ justification: 'Because', confidence: 'high' }).ok).toBe(true);
		expect(answer({ confidence: 'certain' })).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^command\.confidence:/)
		});
	});
});

describe('message commands on the wire', () => {
	const request = (command: unknown) => ({ exerciseId: 'e1', key: 'key-12345', command });
	const save = {
		type: 'message.save',
		messageId: '3f1c2a9e-8d5b-4c1e-9a7f-2b6d0e4c8a11',
		channel: 'filing',
		to: ['usss-fbi'],
		subject: 'CPNI breach report',
		body: 'Call records were taken.'
	};

	it('takes the team from the seat for every step a participant takes, approval included', () => {
		const parsed = parsePayload(commandRequestSchema, request({ ...save, teamId: 'exec' }));
		expect(parsed.ok).toBe(true);
		const mapped = toEngineCommand(
			parsed.ok ? parsed.value.command : (save as never),
			participant,
			() => 'x'
		);
		expect(mapped).toEqual({
			ok: true,
			command: {
				type: 'message.save',
				messageId: save.messageId,
				teamId: 'soc',
				draft: {
					channel: 'filing',
					to: ['usss-fbi'],
					subject: 'CPNI breach report',
					body: 'Call records were taken.'
				}
			}
		});
		const approve = toEngineCommand(
			{ type: 'message.approve', messageId: save.messageId, teamId: 'exec', comment: 'Fine' },
			participant,
			() => 'x'
		);
		expect(approve).toMatchObject({ ok: true, command: { type: 'message.approve', teamId: 'soc' } });
	});

	it('asks a facilitator to name the team, and refuses observers', () => {
		const send = { type: 'message.send', messageId: save.messageId } as const;
		expect(toEngineCommand(send, facilitator, () => 'x')).toEqual({
			ok: false,
			code: 'command/invalid',
			message: 'Name the team you are acting for (teamId).'
		});
		expect(toEngineCommand(send, observer, () => 'x')).toMatchObject({
			ok: false,
			code: 'command/forbidden'
		});
	});

	it('names the offending field of a bad message payload', () => {
		const bad = (patch: Record<string, unknown>) =>
			parsePayload(commandRequestSchema, request({ ...save, ...patch }));
		expect(bad({ channel: 'fax' })).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^command\.channel: /)
		});
		expect(bad({ messageId: 'x' })).toEqual({
			ok: false,
			message: 'command.messageId: must be 8 to 64 letters, digits or dashes (a random UUID)'
		});
		expect(bad({ body: 'x'.repeat(20_001) })).toEqual({
			ok: false,
			message: 'command.body: must be at most 20000 characters'
		});
		expect(
			parsePayload(commandRequestSchema, request({ type: 'message.return', messageId: save.messageId }))
		).toMatchObject({ ok: false, message: expect.stringMatching(/^command\.comment: /) });
	});
});
