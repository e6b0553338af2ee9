/**
 * Reading the time column of an MSEL. Planners write scenario time ("T+0:30", "30m", "1h30m", "90 min"), clock
 * times ("09:30", "0930") or dates with times ("2024-10-07 09:30"); spreadsheets also store times and dates as
 * cell values. Elapsed times count from StartEx; clock times and date-times count from the earliest of them,
 * which becomes StartEx.
 */

/** A cell as the readers hand it over. */
export type MselCell = string | number | boolean | Date | null;

/** One time cell, read. */
export type MselTime =
	| { kind: 'blank' }
	| { kind: 'elapsed'; ms: number }
	| { kind: 'clock'; minutes: number }
	| { kind: 'datetime'; date: string; minutes: number }
	| { kind: 'bad'; text: string };

const MINUTE = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

function fromDate(date: Date): MselTime {
	if (Number.isNaN(date.getTime())) return { kind: 'bad', text: String(date) };
	// Spreadsheet readers give wall-clock values as UTC fields; a time-only cell is a date in 1899/1900.
	const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
	if (date.getUTCFullYear() <= 1900) return { kind: 'clock', minutes };
	const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
	return { kind: 'datetime', date: day, minutes };
}

const UNITS: Record<string, number> = { d: 1440, h: 60, m: 1, s: 1 / 60 };

function elapsedWords(text: string): number | null {
	const words = text
		.replace(/\b(days?)\b/g, 'd')
		.replace(/\b(hours?|hrs?)\b/g, 'h')
		.replace(/\b(minutes?|mins?)\b/g, 'm')
		.replace(/\b(seconds?|secs?)\b/g, 's')
		.replace(/\s+/g, '');
	const match = /^(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(
		words
	);
	if (!match || !match.slice(1).some(Boolean)) return null;
	const [d, h, m, s] = match.slice(1).map((v) => Number(v ?? 0));
	return d * UNITS.d + h * UNITS.h + m * UNITS.m + s * UNITS.s;
}

/** Reads one time cell. */
export function readMselTime(cell: MselCell): MselTime {
	if (cell === null || cell === '') return { kind: 'blank' };
	if (cell instanceof Date) return fromDate(cell);
	if (typeof cell === 'boolean') return { kind: 'bad', text: String(cell) };
	if (typeof cell === 'number') {
		// A spreadsheet time is a fraction of a day; a bare whole number is minutes of scenario time.
		if (cell >= 0 && cell < 1) return { kind: 'clock', minutes: Math.round(cell * 1440) };
		if (cell >= 0 && Number.isFinite(cell)) return { kind: 'elapsed', ms: Math.round(cell * MINUTE) };
		return { kind: 'bad', text: String(cell) };
	}
	const text = cell.trim().toLowerCase();
	if (!text) return { kind: 'blank' };
	const plus = /^(?:t\s*\+|\+)\s*(.+)$/.exec(text);
	if (plus) {
		const hm = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(plus[1]);
		if (hm) return { kind: 'elapsed', ms: (Number(hm[1]) * 60 + Number(hm[2])) * MINUTE };
		const minutes = /^\d+$/.test(plus[1]) ? Number(plus[1]) : elapsedWords(plus[1]);
		return minutes === null
			? { kind: 'bad', text: cell }
			: { kind: 'elapsed', ms: Math.round(minutes * MINUTE) };
	}
	const dateTime = /^(\d{4}-\d{2}-\d{2})[t ](\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text);
	if (dateTime)
		return { kind: 'datetime', date: dateTime[1], minutes: Number(dateTime[2]) * 60 + Number(dateTime[3]) };
	const clock =
		/^(\d{1,2}):(\d{2})(?::\d{2})?(\s*[ap]\.?m\.?)?$/.exec(text) ??
		/^(\d{2})(\d{2})(\s*[ap]\.?m\.?)?$/.exec(text);
	if (clock) {
		let hours = Number(clock[1]);
		const minutes = Number(clock[2]);
		const meridiem = clock[3]?.replace(/[\s.]/g, '');
		if (meridiem === 'pm' && hours < 12) hours += 12;
		if (meridiem === 'am' && hours === 12) hours = 0;
		if (hours < 24 && minutes < 60) return { kind: 'clock', minutes: hours * 60 + minutes };
		return { kind: 'bad', text: cell };
	}
	if (/^\d+(\.\d+)?$/.test(text)) return { kind: 'elapsed', ms: Math.round(Number(text) * MINUTE) };
	const words = elapsedWords(text);
	return words === null ? { kind: 'bad', text: cell } : { kind: 'elapsed', ms: Math.round(words * MINUTE) };
}

/** A scenario-time offset as the scenario format writes it: "0m", "45m", "1h30m", "2d3h". */
export function durationText(ms: number): string {
	let minutes = Math.round(ms / MINUTE);
	const days = Math.floor(minutes / 1440);
	minutes -= days * 1440;
	const hours = Math.floor(minutes / 60);
	minutes -= hours * 60;
	const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].join('');
	return parts || '0m';
}

/** Minutes of day as "HH:MM". */
export function clockText(minutes: number): string {
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(`${b}T00:00Z`) - Date.parse(`${a}T00:00Z`)) / 86_400_000);
}
