/** Words of the improvement plan in the page's language: capability elements and due dates. */
import { formatDateTime } from '$lib/locale-format';
import { m } from '$lib/paraglide/messages';

/** The HSEEP capability elements an action may address, named for people. */
export const ELEMENT_LABELS: Record<string, () => string> = {
	planning: m.review_element_planning,
	organization: m.review_element_organization,
	equipment: m.review_element_equipment,
	training: m.review_element_training,
	exercise: m.review_element_exercise
};

/** A plan's due date ("2026-12-31") as a day in the page's language; anything else as written. */
export function formatDay(isoDay: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) return isoDay;
	return formatDateTime(`${isoDay}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
}
