import { describe, expect, it } from 'vitest';
import { LOGIN_ADDRESS_LIMIT, createRateLimiter } from './rate-limit';

function clock(start = 1_000_000) {
	let t = start;
	return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limiter', () => {
	it('allows attempts until the limit of failures is reached', () => {
		const c = clock();
		const limiter = createRateLimiter({ ...LOGIN_ADDRESS_LIMIT, now: c.now });
		for (let i = 0; i < 9; i++) expect(limiter.fail('203.0.113.7').allowed).toBe(true);
		expect(limiter.check('203.0.113.7')).toEqual({ allowed: true, remaining: 1 });
		expect(limiter.fail('203.0.113.7').allowed).toBe(false);
		expect(limiter.check('203.0.113.7').allowed).toBe(false);
	});

	it('keeps other keys unaffected', () => {
		const c = clock();
		const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: c.now });
		limiter.fail('a');
		limiter.fail('a');
		expect(limiter.check('a').allowed).toBe(false);
		expect(limiter.check('b')).toEqual({ allowed: true, remaining: 2 });
	});

	it('reports when the oldest counted failure ages out', () => {
		const c = clock();
		const limiter = createRateLimiter({ limit: 2, windowMs: 10_000, now: c.now });
		limiter.fail('a');
		c.advance(3000);
		limiter.fail('a');
		c.advance(1000);
		expect(limiter.check('a')).toEqual({ allowed: false, retryAfterMs: 6000 });
	});

	it('unblocks a key once its failures leave the window', () => {
		const c = clock();
		const limiter = createRateLimiter({ limit: 2, windowMs: 10_000, now: c.now });
		limiter.fail('a');
		limiter.fail('a');
		c.advance(10_000);
		expect(limiter.check('a')).toEqual({ allowed: true, remaining: 2 });
		expect(limiter.size).toBe(0);
	});

	it('forgets a key on reset', () => {
		const c = clock();
		const limiter = createRateLimiter({ limit: 1, windowMs: 10_000, now: c.now });
		limiter.fail('a');
		limiter.reset('a');
		expect(limiter.check('a').allowed).toBe(true);
	});

	it('never tracks more than maxKeys keys, evicting the idlest first', () => {
		const c = clock();
		const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, maxKeys: 100, now: c.now });
		for (let i = 0; i < 1000; i++) {
			limiter.fail(`10.0.${i >> 8}.${i & 255}`);
			c.advance(1);
		}
		expect(limiter.size).toBe(100);
		expect(limiter.check('10.0.0.0')).toEqual({ allowed: true, remaining: 3 });
		expect(limiter.check('10.0.3.231')).toEqual({ allowed: true, remaining: 2 });
	});

	it('drops expired keys before evicting live ones', () => {
		const c = clock();
		const limiter = createRateLimiter({ limit: 1, windowMs: 1000, maxKeys: 2, now: c.now });
		limiter.fail('old');
		c.advance(500);
		limiter.fail('live');
		c.advance(600);
		limiter.fail('new');
		expect(limiter.check('live').allowed).toBe(false);
		expect(limiter.check('new').allowed).toBe(false);
	});

	it('rejects nonsensical settings by name', () => {
		expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow('limit must be a positive integer');
		expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow('windowMs must be positive');
		expect(() => createRateLimiter({ limit: 1, windowMs: 1, maxKeys: 0 })).toThrow('maxKeys');
	});

	it('take counts an attempt only while the key may make one, and undo takes the newest back', () => {
		const c = clock();
		const limiter = createRateLimiter({ limit: 2, windowMs: 10_000, now: c.now });
		expect(limiter.take('a')).toEqual({ allowed: true, remaining: 2 });
		expect(limiter.take('a')).toEqual({ allowed: true, remaining: 1 });
		expect(limiter.take('a').allowed).toBe(false);
		limiter.undo('a');
		expect(limiter.check('a')).toEqual({ allowed: true, remaining: 1 });
		limiter.undo('a');
		expect(limiter.size).toBe(0);
	});
});
