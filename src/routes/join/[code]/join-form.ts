/** Reading the join forms: what a person typed, checked before the server is asked, with one message per field. */
import { m } from '$lib/paraglide/messages';

/** A field-level problem to show next to its control. */
export interface FieldError {
	field: 'name' | 'teamId' | 'role';
	message: string;
}

const MAX_NAME = 60;

/** The team choice meaning "let the facilitator place me" (team ids cannot start with an underscore). */
export const WAIT_FOR_PLACEMENT = '_wait';

function readName(form: FormData): { name: string } | FieldError {
	const name = String(form.get('name') ?? '').trim();
	if (!name) return { field: 'name', message: m.join_err_name() };
	if (name.length > MAX_NAME)
		return { field: 'name', message: m.join_err_name_long({ length: name.length, max: MAX_NAME }) };
	return { name };
}

/** A participant's name and chosen team (one of `teamIds`), or null to wait for the facilitator to place them. */
export function readParticipantForm(
	form: FormData,
	teamIds: string[]
): { name: string; teamId: string | null } | FieldError {
	const name = readName(form);
	if ('field' in name) return name;
	const teamId = String(form.get('teamId') ?? '');
	if (!teamId) return { field: 'teamId', message: m.join_err_team() };
	if (teamId === WAIT_FOR_PLACEMENT) return { name: name.name, teamId: null };
	if (!teamIds.includes(teamId)) return { field: 'teamId', message: m.join_err_team_unknown() };
	return { name: name.name, teamId };
}

/** An observer's or evaluator's name and role. */
export function readStaffForm(form: FormData): { name: string; role: 'observer' | 'evaluator' } | FieldError {
	const name = readName(form);
	if ('field' in name) return name;
	const role = String(form.get('role') ?? '');
	if (role !== 'observer' && role !== 'evaluator') return { field: 'role', message: m.join_err_role() };
	return { name: name.name, role };
}
