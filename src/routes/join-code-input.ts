/** Reading a join code typed by a person: spaces, dashes and case do not matter. */

/** The code in canonical form, or a message saying what is wrong with what was typed. */
export function normaliseJoinCode(raw: string): { code: string } | { error: string } {
	const code = raw.replace(/[\s-]/g, '').toUpperCase();
	if (!code) return { error: 'Enter the join code your facilitator shows, for example K7Q F9M.' };
	if (!/^[A-Z0-9]+$/.test(code)) return { error: 'A join code has only letters and digits, for example K7Q F9M.' };
	if (code.length < 4 || code.length > 12) return { error: `A join code is 6 characters; "${raw.trim()}" has ${code.length}.` };
	return { code };
}
