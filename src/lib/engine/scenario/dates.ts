/**
 * Calendar checks for the in-world dates a scenario states (`startsAt`, `holidays`): the shape is checked by the
 * schema, these catch dates that look right but do not exist, such as 2024-02-30 or 25:00.
 */
import type { CheckContext } from './catalog';

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Why `text` (YYYY-MM-DD with an optional THH:MM[:SS]) is not a real date and time, or null if it is one. */
export function dateProblem(text: string): string | null {
	const match = DATE_TIME.exec(text);
	if (!match) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const reason =
		month < 1 || month > 12
			? `there is no month ${month}`
			: day < 1 || day > days
				? `${MONTHS[month - 1]} ${year} has ${days} days`
				: hour > 23
					? `hours run from 00 to 23`
					: minute > 59 || second > 59
						? `minutes and seconds run from 00 to 59`
						: null;
	return reason && `"${text}" is not a real date: ${reason}`;
}

/** Reports a `startsAt` or holiday that does not exist on the calendar. */
export function checkDates(ctx: CheckContext): void {
	const value = ctx.draft.value;
	if (typeof value !== 'object' || value === null) return;
	const { startsAt, holidays } = value as { startsAt?: unknown; holidays?: unknown };
	const problem = typeof startsAt === 'string' ? dateProblem(startsAt) : null;
	if (problem) ctx.report(['startsAt'], problem);
	if (!Array.isArray(holidays)) return;
	holidays.forEach((holiday, i) => {
		const wrong = typeof holiday === 'string' ? dateProblem(holiday) : null;
		if (wrong) ctx.report(['holidays', i], wrong);
	});
}
