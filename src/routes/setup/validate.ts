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
	if (!name) errors.name = 'Enter the name people will see, for example "Dana Reyes".';
	else if (name.length > 80) errors.name = `The display name is ${name.length} characters; keep it to 80.`;
	if (!/^[a-z0-9._-]{3,64}$/.test(form.username)) {
		errors.username = 'Use 3 to 64 letters, digits, dots, dashes or underscores (no spaces).';
	}
	if (form.password.length < 8)
		errors.password = `Use at least 8 characters (this one has ${form.password.length}).`;
	else if (form.password.length > 256)
		errors.password = `Keep the password to 256 characters (this one has ${form.password.length}).`;
	if (form.confirm !== form.password)
		errors.confirm = 'The two passwords differ; type the same password twice.';
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
