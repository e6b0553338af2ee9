/** Field-by-field checks of the first-run form, so each mistake is shown beside its field. */

/** What the setup form posts. */
export interface SetupForm {
	name: string;
	username: string;
	password: string;
	confirm: string;
}

/** Messages by field name; empty when the form may go to the server (which checks again). */
export function validateSetup(form: SetupForm): Partial<Record<keyof SetupForm, string>> {
	const errors: Partial<Record<keyof SetupForm, string>> = {};
	const name = form.name.trim();
	if (!name) errors.name = m.setup_err_name();
	else if (name.length > 80) errors.name = m.setup_err_name_long({ length: name.length });
	if (!/^[a-z0-9._-]{3,64}$/.test(form.username)) {
		errors.username = m.setup_err_username();
	}
	if (form.password.length < 8)
		errors.password = m.setup_err_password_short({ length: form.password.length });
	else if (form.password.length > 256)
		errors.password = m.setup_err_password_long({ length: form.password.length });
	if (form.confirm !== form.password) errors.confirm = m.setup_err_confirm();
	return errors;
}

/** Reads the setup form out of posted form data, treating missing fields as empty; usernames are case-blind. */
export function readSetupForm(data: FormData): SetupForm {
	const field = (key: string) => String(data.get(key) ?? '');
	return {
		name: field('name'),
		username: field('username').trim().toLowerCase(),
		password: field('password'),
		confirm: field('confirm')
	};
}
import { m } from '$lib/paraglide/messages';
