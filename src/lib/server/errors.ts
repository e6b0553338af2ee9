/**
 * Errors at the edge: a code such as `exercise/not_found`, a message for the person at the keyboard and the
 * HTTP status a page should answer with. Anything that is not a ServiceError is a bug and stays opaque.
 */
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { Refusal } from '$lib/engine/types';
import type { EdgeRefusal } from '$lib/refusal-words';

/**
 * A failure the caller can show as-is: code, human message (English) and HTTP status; with `refusal`, the data
 * a socket words in its connection's language.
 */
export class ServiceError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly status = 400,
		readonly refusal?: Refusal | EdgeRefusal
	) {
		super(message);
		this.name = 'ServiceError';
	}
}

/** Shorthand for throwing a ServiceError. */
export function fault(code: string, message: string, status = 400): never {
	throw new ServiceError(code, message, status);
}

/** Form actions: turns a ServiceError into `fail(status, { code, message, values })`; rethrows anything else. */
export function actionFailure<V extends Record<string, unknown>>(
	e: unknown,
	values?: V
): ActionFailure<{ code: string; message: string; values: V | undefined }> {
	if (e instanceof ServiceError) return fail(e.status, { code: e.code, message: e.message, values });
	throw e;
}

/** Loads: turns a ServiceError into SvelteKit's `error(status, message)`; rethrows anything else (redirects too). */
export function loadError(e: unknown): never {
	if (e instanceof ServiceError) error(e.status, e.message);
	throw e;
}
