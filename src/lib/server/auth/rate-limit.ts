/**
 * Per-key failure limiter (e.g. failed joins per client IP). Sliding window: a key is blocked once it has
 * `limit` failures younger than `windowMs`, until the oldest of them ages out. Memory is bounded: at most
 * `maxKeys` keys, each holding at most `limit` timestamps; when full, expired keys go first, then the key
 * idle longest (an attacker rotating addresses can push others out, but cannot grow memory).
 */

/** Settings for createRateLimiter. */
export interface RateLimiterOptions {
	/** Failures allowed inside the window; the next attempt is refused. */
	limit: number;
	windowMs: number;
	/** Most keys tracked at once. */
	maxKeys?: number;
	/** Clock in epoch ms; injectable for tests. */
	now?: () => number;
}

/** Whether a key may try again now. */
export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/** A limiter instance; all methods are synchronous and O(limit) amortised. */
export interface RateLimiter {
	/** May this key make another attempt? Does not count anything. */
	check(key: string): RateDecision;
	/** Counts one failure for the key and returns the decision for its next attempt. */
	fail(key: string): RateDecision;
	/**
	 * Counts an attempt before it is evaluated, when the key may still make one: returns the check's decision,
	 * counted only when allowed. Synchronous, so parallel attempts cannot all slip past the check.
	 */
	take(key: string): RateDecision;
	/** Takes back the newest counted attempt of the key (it succeeded, or was never evaluated). */
	undo(key: string): void;
	/** Forgets the key (e.g. after a successful login). */
	reset(key: string): void;
	/** Number of keys currently tracked. */
	readonly size: number;
}

/**
 * Thirty wrong join codes per client address per minute. A venue behind one NAT can make that many typos and
 * waits a minute at worst; guessing a 50-bit code at that rate would take longer than the universe has existed.
 */
export const JOIN_FAILURE_LIMIT: RateLimiterOptions = { limit: 30, windowMs: 60_000 };

/** 120 seats taken per client address per minute: a full room joining at once, not a script filling seats. */
export const JOIN_SUCCESS_LIMIT: RateLimiterOptions = { limit: 120, windowMs: 60_000 };

/** Ten password attempts per client address per ten minutes. */
export const LOGIN_ADDRESS_LIMIT: RateLimiterOptions = { limit: 10, windowMs: 10 * 60_000 };

/**
 * Thirty password attempts per account per fifteen minutes, from all addresses together: stops guessing spread
 * over many addresses, while an attacker can hold an account's password sign-in shut for at most that window.
 */
export const LOGIN_ACCOUNT_LIMIT: RateLimiterOptions = { limit: 30, windowMs: 15 * 60_000 };

/** Builds a limiter; throws a RangeError naming the bad setting. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
	const { limit, windowMs, maxKeys = 10_000, now = Date.now } = options;
	if (!Number.isInteger(limit) || limit < 1)
		throw new RangeError(`limit must be a positive integer, got ${limit}`);
	if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
	if (!Number.isInteger(maxKeys) || maxKeys < 1) {
		throw new RangeError(`maxKeys must be a positive integer, got ${maxKeys}`);
	}
	// Insertion order = order of each key's latest failure (fail() re-inserts), so the idlest key is first.
	const failures = new Map<string, number[]>();

	function live(key: string, at: number): number[] {
		const times = failures.get(key);
		if (!times) return [];
		const fresh = times.filter((t) => at - t < windowMs);
		if (fresh.length === 0) failures.delete(key);
		else if (fresh.length !== times.length) failures.set(key, fresh);
		return fresh;
	}

	function decide(times: number[], at: number): RateDecision {
		if (times.length < limit) return { allowed: true, remaining: limit - times.length };
		return { allowed: false, retryAfterMs: times[times.length - limit] + windowMs - at };
	}

	// Expired keys sit at the front, so this stops at the first live key once there is room: amortised O(1).
	function makeRoom(at: number): void {
		for (const [key, times] of failures) {
			const expired = at - times[times.length - 1] >= windowMs;
			if (!expired && failures.size < maxKeys) break;
			failures.delete(key);
		}
	}

	function fail(key: string): RateDecision {
		const at = now();
		const times = live(key, at);
		failures.delete(key);
		makeRoom(at);
		// Only the newest `limit` failures can matter for a decision, so older ones are dropped.
		const next = [...times, at].slice(-limit);
		failures.set(key, next);
		return decide(next, at);
	}

	return {
		check(key) {
			const at = now();
			return decide(live(key, at), at);
		},
		fail,
		take(key) {
			const at = now();
			const decision = decide(live(key, at), at);
			if (decision.allowed) fail(key);
			return decision;
		},
		undo(key) {
			const times = failures.get(key);
			if (!times) return;
			times.pop();
			if (times.length === 0) failures.delete(key);
		},
		reset(key) {
			failures.delete(key);
		},
		get size() {
			return failures.size;
		}
	};
}
