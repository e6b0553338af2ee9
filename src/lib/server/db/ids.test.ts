import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
	it('sorts ids made in the same millisecond in creation order', () => {
		const ids = Array.from({ length: 50 }, () => newId(1_700_000_000_000));
		expect([...ids].sort()).toEqual(ids);
	});

	it('sorts ids by time across milliseconds and looks like a version 7 UUID', () => {
		const a = newId(1_800_000_000_000);
		const b = newId(1_800_000_000_001);
		expect(a < b).toBe(true);
		expect(b).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});
});
