import { m } from '$lib/paraglide/messages';
import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/require-role';
import { ACCOUNT_ROLES, ROLE_LABELS } from '$lib/server/auth/roles';
import { actionFailure } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = await requireRole(event, 'administrator');
	const overview = await app().accounts.overview(admin);
	return {
		...overview,
		me: admin.userId,
		roles: ACCOUNT_ROLES.map((id) => ({ id, label: ROLE_LABELS[id] }))
	};
};

const text = (data: FormData, key: string) => String(data.get(key) ?? '');

export const actions: Actions = {
	invite: async (event) => {
		const admin = await requireRole(event, 'administrator');
		const data = await event.request.formData();
		const values = { label: text(data, 'label'), roles: data.getAll('roles').map(String) };
		try {
			const { link, expiresAt } = await app().accounts.invite(event, admin, values);
			return { form: 'invite', invited: { label: values.label.trim(), link, expiresAt } };
		} catch (e) {
			return actionFailure(e, { form: 'invite', ...values });
		}
	},
	revoke: async (event) => {
		const admin = await requireRole(event, 'administrator');
		const data = await event.request.formData();
		try {
			await app().accounts.revokeInvite(event, admin, text(data, 'invite'));
		} catch (e) {
			return actionFailure(e, { form: 'invites' });
		}
		return { form: 'invites', done: m.admin_done_revoked() };
	},
	roles: async (event) => {
		const admin = await requireRole(event, 'administrator');
		const data = await event.request.formData();
		const account = text(data, 'account');
		try {
			await app().accounts.setRoles(event, admin, account, data.getAll('roles').map(String));
		} catch (e) {
			return actionFailure(e, { form: 'accounts', account });
		}
		return { form: 'accounts', account, done: m.admin_done_roles({ name: text(data, 'name') }) };
	},
	disable: async (event) => {
		const admin = await requireRole(event, 'administrator');
		const data = await event.request.formData();
		const account = text(data, 'account');
		const disabled = text(data, 'disabled') === 'true';
		try {
			await app().accounts.setDisabled(event, admin, account, disabled);
		} catch (e) {
			return actionFailure(e, { form: 'accounts', account });
		}
		const name = text(data, 'name');
		return {
			form: 'accounts',
			account,
			done: disabled ? m.admin_done_disabled({ name }) : m.admin_done_enabled({ name })
		};
	},
	endSession: async (event) => {
		const admin = await requireRole(event, 'administrator');
		const data = await event.request.formData();
		const session = text(data, 'session');
		if (!session) return fail(400, { form: 'sessions', message: m.admin_err_choose_session() });
		try {
			await app().accounts.endSession(event, admin, session);
		} catch (e) {
			return actionFailure(e, { form: 'sessions' });
		}
		return { form: 'sessions', done: 'Session ended.' };
	}
};
