/**
 * Numbers, dates and times in the current interface language (Paraglide's locale: the request's on the server,
 * the page's in the browser). Formatters are made once per language and format.
 */
import { getLocale } from '$lib/paraglide/runtime';

/** The BCP 47 tag Intl formats with: British English keeps day-month order and the 24-hour clock. */
const INTL_TAG: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };

/** The current language as Intl understands it. */
export function intlLocale(): string {
	return INTL_TAG[getLocale()] ?? 'en-GB';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
	kind: string,
	options: object,
	make: (tag: string) => T
): T {
	const tag = intlLocale();
	const key = `${kind}|${tag}|${JSON.stringify(options)}`;
	let f = cache.get(key) as T | undefined;
	if (!f) cache.set(key, (f = make(tag)));
	return f;
}

/** A Intl.DateTimeFormat for the current language. */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return cached('dt', options, (tag) => new Intl.DateTimeFormat(tag, options));
}

/** 1234.5 → "1,234.5" / "1 234,5". */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
	return cached('n', options, (tag) => new Intl.NumberFormat(tag, options)).format(value);
}

/** 60 → "60%" / "60 %". */
export function formatPercent(percent: number): string {
	return formatNumber(percent / 100, { style: 'percent', maximumFractionDigits: 0 });
}

/** "in 3 minutes" / "dans 3 minutes", "2 hours ago" / "il y a 2 heures". */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
	return cached('rt', {}, (tag) => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' })).format(value, unit);
}

/** A wall-clock moment (ISO string, Date or epoch ms), e.g. "6 Dec 2026, 14:05" / "6 déc. 2026, 14:05". */
export function formatDateTime(
	value: string | number | Date,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
): string {
	const date = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(date.getTime())) return String(value);
	return dateTimeFormat(options).format(date);
}

const lists = new Map<string, Intl.ListFormat>();

/** ["a", "b", "c"] → "a, b and c" / "a, b et c". */
export function formatList(items: string[]): string {
	const tag = intlLocale();
	let f = lists.get(tag);
	if (!f) lists.set(tag, (f = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' })));
	return f.format(items);
}
