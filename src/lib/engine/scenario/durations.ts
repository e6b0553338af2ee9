/**
 * Duration and deadline syntax of scenario files. Durations are scenario time ("90s", "30m", "1h30m", "3d",
 * "2 hours", or a bare number of minutes); clock deadlines also know business days and months.
 */
import type { ClockDef } from '../types';

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = { s: 1000, m: MINUTE, h: 60 * MINUTE, d: 24 * 60 * MINUTE };

/** Regular expression source (for the zod schema and JSON Schema) accepted for a duration string. */
export const DURATION_PATTERN =
	'^(?:\\d+(?:\\.\\d+)?|(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?|\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|minutes?|mins?|hours?|days?))$';

/** Regular expression source accepted for a regulatory clock deadline. */
export const DEADLINE_PATTERN =
	'^(?:(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?|\\d+\\s*(?:minutes?|mins?|hours?|days?|business\\s+days?|months?))$';

const COMPOUND = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const WORDS = /^(\d+(?:\.\d+)?)\s*([a-z ]+?)s?$/;

const WORD_UNIT: Record<string, keyof typeof UNIT_MS> = {
	second: 's',
	sec: 's',
	minute: 'm',
	min: 'm',
	hour: 'h',
	day: 'd'
};

/** Scenario milliseconds of a duration (a number is minutes); null when the text is not a duration. */
export function parseDuration(value: string | number): number | null {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * MINUTE : null;
	const text = value.trim().toLowerCase();
	if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * MINUTE;
	const compound = COMPOUND.exec(text);
	if (compound) {
		const [, d, h, m, s] = compound.map((part) => Number(part ?? 0));
		return d * UNIT_MS.d + h * UNIT_MS.h + m * UNIT_MS.m + s * UNIT_MS.s;
	}
	const words = WORDS.exec(text);
	const unit = words && WORD_UNIT[words[2].trim()];
	return words && unit ? Number(words[1]) * UNIT_MS[unit] : null;
}

/** A clock deadline as amount and calendar unit; null when the text is not a deadline. */
export function parseDeadline(value: string): ClockDef['deadline'] | null {
	const text = value.trim().toLowerCase();
	const compound = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
	if (compound) {
		const [, d, h, m] = compound;
		const parts = [d, h, m].filter((part) => part !== undefined).length;
		if (parts === 1 && d !== undefined) return { amount: Number(d), unit: 'days' };
		if (parts === 1 && h !== undefined) return { amount: Number(h), unit: 'hours' };
		return { amount: Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(m ?? 0), unit: 'minutes' };
	}
	const words = /^(\d+)\s*(minutes?|mins?|hours?|days?|business\s+days?|months?)$/.exec(text);
	if (!words) return null;
	const word = words[2].replace(/\s+/g, ' ').replace(/s$/, '');
	const unit: ClockDef['deadline']['unit'] =
		word === 'business day'
			? 'businessDays'
			: word === 'month'
				? 'months'
				: word === 'day'
					? 'days'
					: word === 'hour'
						? 'hours'
						: 'minutes';
	return { amount: Number(words[1]), unit };
}
