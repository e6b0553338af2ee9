/**
 * Reading a join code typed by a person, for the home page and /join form actions (server side only). The rules
 * (length, alphabet, look-alikes) are the server's own, from `parseJoinCode`, so forms and services agree.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { parseJoinCode } from '$lib/server/auth/tokens';
import { app } from '$lib/server/app';
import { ServiceError } from '$lib/server/errors';
import { formatCode } from '$lib/join-code';

/** The code in canonical form, or a message saying what is wrong with what was typed. */
export function normaliseJoinCode(raw: string): { code: string } | { error: string } {
	const parsed = parseJoinCode(raw);
	return parsed.ok ? { code: parsed.code } : { error: parsed.message };
}

/**
 * The form action behind every join-code box: a code that is malformed or belongs to no exercise is answered in
 * place, with what was typed kept in the field; a code that opens an exercise goes on to its join page, written
 * the way the lobby shows it.
 */
export async function submitJoinCode(event: RequestEvent) {
	const raw = String((await event.request.formData()).get('code') ?? '');
	const values = { code: raw };
	const result = normaliseJoinCode(raw);
	if ('error' in result) return fail(400, { code: 'form/invalid', message: result.error, values });
	try {
		await app().seats.lookup(event, result.code);
	} catch (e) {
		if (!(e instanceof ServiceError)) throw e;
		return fail(e.status, { code: e.code, message: e.message, values });
	}
	redirect(303, `/join/${formatCode(result.code)}`);
}
