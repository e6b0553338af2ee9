/** What a time-compression setting means for the people running the exercise. */

import { formatNumber } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';

/** Compression choices offered in forms (scenario minutes per wall minute). */
export const COMPRESSION_CHOICES = [1, 5, 10, 15, 20, 30, 45, 60, 90, 120] as const;

/**
 * "1 minute = 30 scenario minutes; about 180 minutes in all" for a scenario written to last `durationMinutes`
 * wall minutes at `defaultCompression`.
 */
export function describeCompression(
	compression: number,
	durationMinutes: number,
	defaultCompression: number
): string {
	const scenarioMinutes = durationMinutes * defaultCompression;
	const wall = Math.max(1, Math.round(scenarioMinutes / compression));
	const rate =
		compression === 1
			? m.exercises_rate_real_time()
			: m.exercises_rate({ compression: formatNumber(compression) });
	return m.exercises_compression_meaning({ rate, minutes: formatNumber(wall) });
}

/** The choices plus the scenario's own default, sorted, so the default is always selectable. */
export function compressionChoices(defaultCompression: number): number[] {
	return [...new Set([...COMPRESSION_CHOICES, defaultCompression])].sort((a, b) => a - b);
}
