/** Checks applied to store input before it reaches SQL, so a bad value fails with a message naming it. */
import { StoreError, type StoreErrorCode } from './store';

/** Returns the trimmed text, or throws when it is not a non-empty string of at most `max` characters. */
export function requireText(value: unknown, field: string, code: StoreErrorCode, max = 10_000): string {
	if (typeof value !== 'string') throw new StoreError(code, `${field} must be text.`);
	const text = value.trim();
	if (text.length === 0) throw new StoreError(code, `${field} must not be empty.`);
	if (text.length > max) throw new StoreError(code, `${field} must be at most ${max} characters.`);
	return text;
}

/** Like requireText, but null/undefined/blank become null. */
export function optionalText(
	value: unknown,
	field: string,
	code: StoreErrorCode,
	max = 10_000
): string | null {
	if (value == null || (typeof value === 'string' && value.trim() === '')) return null;
	return requireText(value, field, code, max);
}

/** Throws unless `value` is one of `allowed`. */
export function requireOneOf<T extends string>(
	value: unknown,
	allowed: readonly T[],
	field: string,
	code: StoreErrorCode
): T {
	if (!allowed.includes(value as T)) {
		throw new StoreError(
			code,
			`${field} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`
		);
	}
	return value as T;
}

/** Throws unless `value` is a safe integer ≥ `min`. */
export function requireInteger(value: unknown, field: string, code: StoreErrorCode, min = 0): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
		throw new StoreError(code, `${field} must be a whole number ≥ ${min}; got ${JSON.stringify(value)}.`);
	}
	return value;
}

/** Accepts a Date or epoch ms and returns a valid Date. */
export function toDate(value: Date | number, field: string, code: StoreErrorCode): Date {
	const date = typeof value === 'number' ? new Date(value) : value;
	if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
		throw new StoreError(code, `${field} must be a valid time.`);
	}
	return date;
}
