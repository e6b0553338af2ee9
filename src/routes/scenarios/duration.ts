/**
 * Exact spans of scenario time as a scenario author writes them ("1h30m", "2d 4h"). Countdowns, which round
 * down on purpose, use `formatDuration` from `$lib/client/scenario-time` instead.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of scenario milliseconds as "2d 4h", "1h30m", "45m" or "20s". */
export function formatSpan(ms: number): string {
	const sign = ms < 0 ? '-' : '';
	let rest = Math.abs(Math.round(ms));
	if (rest < MINUTE) return `${sign}${Math.round(rest / 1000)}s`;
	const days = Math.floor(rest / DAY);
	rest -= days * DAY;
	const hours = Math.floor(rest / HOUR);
	rest -= hours * HOUR;
	const minutes = Math.floor(rest / MINUTE);
	const parts: string[] = [];
	if (days) parts.push(`${days}d`);
	if (hours) parts.push(`${hours}h`);
	if (minutes) parts.push(`${minutes}m`);
	// Days read better with a space; hours and minutes stay compact ("1h30m") as in the YAML.
	return sign + (days ? parts.join(' ') : parts.join(''));
}
