import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SYMBOL } from '$lib/server/app';
import { ServiceError } from '$lib/server/errors';
import { normaliseJoinCode, submitJoinCode } from './join-code-input';

describe('normaliseJoinCode', () => {
	it('upper-cases and drops spaces and dashes', () => {
		expect(normaliseJoinCode(' k7qm-2xhd 9p ')).toEqual({ code: 'K7QM2XHD9P' });
	});
	it('reads the look-alike O as zero', () => {
		expect(normaliseJoinCode('K7QM2XHDOP')).toEqual({ code: 'K7QM2XHD0P' });
	});
	it('asks for a code when the box is empty', () => {
		expect(normaliseJoinCode('  ')).toEqual({ error: expect.stringContaining('Enter the join code') });
	});
	it('names a character that never appears in codes', () => {
		expect(normaliseJoinCode('K7QM/2XHD9P')).toEqual({ error: expect.stringContaining('"/"') });
	});
	it('says how many characters a too-short code has', () => {
		expect(normaliseJoinCode('K7')).toEqual({ error: expect.stringContaining('this one has 2') });
	});
});

describe('submitJoinCode (the action behind every join-code box)', () => {
	const slot = globalThis as Record<symbol, unknown>;
	const known = 'K7QM2XHD9P';
	beforeEach(() => {
		slot[APP_SYMBOL] = {
			seats: {
				lookup: async (_event: unknown, code: string) => {
					if (code !== known)
						throw new ServiceError(
							'join/unknown_code',
							'No exercise has that code. Check it with your facilitator.',
							404
						);
					return { exerciseId: 'x1' };
				}
			}
		};
	});
	afterEach(() => delete slot[APP_SYMBOL]);

	function post(code: string) {
		const body = new FormData();
		body.set('code', code);
		const request = new Request('http://switchboard.test/join', { method: 'POST', body });
		return submitJoinCode({ request } as unknown as RequestEvent).catch((e: unknown) => e);
	}

	it('answers a code of no exercise in place, keeping what was typed', async () => {
		const answer = await post('zzzz zzzz zz');
		expect(answer).toMatchObject({
			status: 404,
			data: {
				message: expect.stringContaining('No exercise has that code'),
				values: { code: 'zzzz zzzz zz' }
			}
		});
	});
	it('answers a malformed code in place, naming the problem', async () => {
		expect(await post('hi!')).toMatchObject({
			status: 400,
			data: { message: expect.stringContaining('"!"') }
		});
	});
	it('sends a known code, however typed, to its join page written as the lobby shows it', async () => {
		const answer = await post('k7qm 2xhd 9p');
		expect(isRedirect(answer) && answer.location).toBe('/join/K7QM-2XHD-9P');
	});
});
